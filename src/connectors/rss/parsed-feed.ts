import type { ItemProblem, RawItem } from '../../core/raw-item.js';

/** A parsed feed document, whatever its format. */
export interface ParsedFeed {
  /** `rss-2.0`, `rss-1.0`, `atom-1.0`, `jsonfeed-1.1`… */
  detectedType: string;
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  language: string | null;
  /** RSS `<ttl>` in seconds, when given. */
  ttlSeconds: number | null;
  items: RawItem[];
  problems: ItemProblem[];
  /** The document was cut off after some complete items (kept): one sentence saying so. */
  degraded?: string;
}
