import type { estypes } from '@elastic/elasticsearch';
import type { AnalysedDoc, Source } from './documents.js';

function items(sort: estypes.Sort | undefined): [string, 'asc' | 'desc'][] {
  return (sort === undefined ? [] : Array.isArray(sort) ? sort : [sort]).map((item) => {
    if (typeof item === 'string') return [item, item === '_score' ? 'desc' : 'asc'];
    const [field, spec] = Object.entries(item)[0] as [string, estypes.SortOrder | { order?: estypes.SortOrder }];
    return [field, typeof spec === 'string' ? spec : (spec.order ?? (field === '_score' ? 'desc' : 'asc'))];
  });
}

/** The sort values of a hit, as Elasticsearch returns them (dates as epoch milliseconds). */
export function sortValues(doc: AnalysedDoc, sort: estypes.Sort | undefined, score: number): (string | number)[] {
  return items(sort).map(([field]) => {
    if (field === '_score') return score;
    const type = doc.index.field(field).type;
    const values = doc.values(field).map((v) => (type === 'keyword' ? v : Number(v)));
    return [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))[0] ?? '';
  });
}

/** Compares two hits' sort values in the sort's directions. */
export function compareBySort(a: (string | number)[], b: (string | number)[], sort: estypes.Sort | undefined): number {
  const directions = items(sort);
  for (let i = 0; i < directions.length; i += 1) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x !== y) return (x < y ? -1 : 1) * ((directions[i] as [string, string])[1] === 'asc' ? 1 : -1);
  }
  return 0;
}

/** `_source` filtered by an include list (or whole). */
export function hitSource(doc: AnalysedDoc, filter: estypes.SearchSourceConfig | undefined): Source {
  if (filter === undefined || filter === true) return doc.source;
  if (Array.isArray(filter) || typeof filter === 'string') {
    const wanted = new Set([filter].flat());
    return Object.fromEntries(Object.entries(doc.source).filter(([key]) => wanted.has(key)));
  }
  return doc.source;
}
