import { HubwatchError } from '../core/errors.js';
import { parseQuery } from '../index/query/parse.js';

/** A problem at a path of the configuration. */
export interface PathProblem {
  path: string;
  message: string;
}

type Raw = Record<string, unknown>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Raw => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * What the schema cannot see, checked on the file as read (before validation), so that these
 * problems are listed in the same pass as the schema's: duplicate ids, ids that name nothing
 * (`competitors`, `organisation`, `notify`), and alert queries the query language refuses.
 * Entries of the wrong shape are skipped here: the schema reports them.
 */
export function crossCheck(raw: unknown): PathProblem[] {
  const root = record(raw);
  const watchlist = record(root.watchlist);
  const brands = list(watchlist.brands).map(record);
  const people = list(watchlist.people).map(record);
  const notifiers = list(root.notifiers).map(record);
  const alerts = list(root.alerts).map(record);
  const problems: PathProblem[] = [];

  const duplicates = (entries: Raw[], what: string, path: string): void => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const id = text(entry.id);
      if (id === undefined) return;
      if (seen.has(id)) problems.push({ path: `${path}[${index}].id`, message: `duplicate ${what} id "${id}" (ids must be unique)` });
      seen.add(id);
    });
  };
  duplicates(list(root.sources).map(record), 'source', 'sources');
  duplicates(brands, 'brand', 'watchlist.brands');
  duplicates(people, 'person', 'watchlist.people');
  duplicates(list(watchlist.topics).map(record), 'topic', 'watchlist.topics');
  duplicates(notifiers, 'notifier', 'notifiers');
  duplicates(alerts, 'alert', 'alerts');

  const brandIds = new Set(brands.map((brand) => text(brand.id)).filter((id) => id !== undefined));
  brands.forEach((brand, index) =>
    list(brand.competitors).forEach((id, j) => {
      if (typeof id === 'string' && !brandIds.has(id)) {
        problems.push({ path: `watchlist.brands[${index}].competitors[${j}]`, message: `no brand has id "${id}"` });
      }
    }),
  );
  people.forEach((person, index) => {
    const organisation = text(person.organisation);
    if (organisation !== undefined && !brandIds.has(organisation)) {
      problems.push({ path: `watchlist.people[${index}].organisation`, message: `no brand has id "${organisation}"` });
    }
  });

  const notifierIds = new Set(notifiers.map((notifier) => text(notifier.id)).filter((id) => id !== undefined));
  alerts.forEach((rule, index) => {
    list(rule.notify).forEach((id, j) => {
      if (typeof id === 'string' && !notifierIds.has(id)) problems.push({ path: `alerts[${index}].notify[${j}]`, message: `no notifier has id "${id}"` });
    });
    const query = text(rule.query);
    if (query === undefined || query.trim() === '') return;
    try {
      parseQuery(query);
    } catch (error) {
      // The query language's own message, with the column, as `search` prints it.
      if (!(error instanceof HubwatchError)) throw error;
      problems.push({ path: `alerts[${index}].query`, message: `${error.message} (see docs/query-language.md)` });
    }
  });
  return problems;
}

/** Ids of the notifiers some alert rule names, as read (before validation). */
export function notifiersInUse(raw: unknown): Set<string> {
  const used = new Set<string>();
  for (const rule of list(record(raw).alerts)) {
    for (const id of list(record(rule).notify)) if (typeof id === 'string') used.add(id);
  }
  return used;
}
