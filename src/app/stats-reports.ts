/** The aggregations `stats` offers (apart from the service, so the CLI lists them without loading the query parser). */
export const STATS_REPORTS = ['volume', 'sov', 'sentiment', 'sources', 'authors'] as const;
export type StatsReport = (typeof STATS_REPORTS)[number];
