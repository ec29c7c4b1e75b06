import { describe, expect, it } from 'vitest';
import { errorSpan } from '../../web/src/state/query-error.js';
import { bucketRange, parseSearchState, savedParams, scopeParams, toggleFilter, toSearchParams } from '../../web/src/state/search-state.js';

describe('the page state in the URL', () => {
  it('reads every part back from what it wrote', () => {
    const search = 'q=acme+NOT+outage&brand=acme&brand=globex&sentiment=negative&channel=social&source=le-monde&person=claire-dubois&lang=fr&from=2026-11-01&to=2026-11-07&sort=relevance&interval=week&mention=abc';
    const state = parseSearchState(new URLSearchParams(search));
    expect(state).toEqual({
      q: 'acme NOT outage',
      filters: { brand: ['acme', 'globex'], person: ['claire-dubois'], sentiment: ['negative'], channel: ['social'], source: ['le-monde'], lang: ['fr'] },
      from: '2026-11-01',
      to: '2026-11-07',
      sort: 'relevance',
      interval: 'week',
      mention: 'abc',
    });
    expect(parseSearchState(toSearchParams(state))).toEqual(state);
  });

  it('leaves defaults out of links and the open mention out of saved searches and API scopes', () => {
    const state = parseSearchState(new URLSearchParams('q=acme&sort=date&interval=day&mention=abc'));
    expect(toSearchParams(state).toString()).toBe('q=acme&mention=abc');
    expect(savedParams(state)).toBe('q=acme');
    expect(scopeParams(state).toString()).toBe('q=acme');
  });

  it('ignores unknown sort and interval values and blank or repeated filter values', () => {
    const state = parseSearchState(new URLSearchParams('sort=random&interval=year&brand=&brand=acme&brand=acme'));
    expect(state.sort).toBe('date');
    expect(state.interval).toBe('day');
    expect(state.filters.brand).toEqual(['acme']);
  });

  it('toggles a filter value and closes the open mention', () => {
    const state = parseSearchState(new URLSearchParams('brand=acme&mention=x'));
    expect(toggleFilter(state, 'brand', 'globex').filters.brand).toEqual(['acme', 'globex']);
    expect(toggleFilter(state, 'brand', 'acme').filters.brand).toEqual([]);
    expect(toggleFilter(state, 'brand', 'acme').mention).toBeNull();
  });

  it('turns a chart bucket into the inclusive days it covers', () => {
    expect(bucketRange('2026-11-03', 'day')).toEqual({ from: '2026-11-03', to: '2026-11-03' });
    expect(bucketRange('2026-11-02T00:00:00.000Z', 'week')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(bucketRange('2026-02-01', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(bucketRange('2026-12-01', 'month')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('the spot a query error underlines', () => {
  it('covers the token at the position', () => {
    expect(errorSpan('acme AND brand: x', 9)).toEqual({ start: 9, end: 15 });
    expect(errorSpan('(acme OR globex))', 16)).toEqual({ start: 16, end: 17 });
  });

  it('stays inside the query when the position is at or past its end', () => {
    expect(errorSpan('acme AND', 8)).toEqual({ start: 8, end: 8 });
    expect(errorSpan('acme', 40)).toEqual({ start: 4, end: 4 });
    expect(errorSpan('acme', -3)).toEqual({ start: 0, end: 4 });
  });
});
