import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, isAbort } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../state/router.js';
import { bucketRange, mentionsParams, parseSearchState, savedParams, scopeParams, statsParams, toSearchParams, type SearchState } from '../state/search-state.js';
import { Charts, type ChartData } from './charts.js';
import { Filters } from './filters.js';
import { MentionDetail } from './mention-detail.js';
import type { QueryError } from '../state/query-error.js';
import { QueryBox } from './query-box.js';
import { Results, type ResultsPage } from './results.js';
import { SavedSearches } from './saved-searches.js';

/** Marks the first time results and charts are on screen (read by the page bench and tests). */
function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The search screen: everything it shows comes from the URL's query string. */
export function SearchScreen({ search, role }: { search: string; role: string }) {
  const { t } = useI18n();
  const state = useMemo(() => parseSearchState(new URLSearchParams(search)), [search]);
  const scope = scopeParams(state).toString();
  const [page, setPage] = useState<ResultsPage | null>(null);
  const [charts, setCharts] = useState<ChartData | null>(null);
  const [queryError, setQueryError] = useState<QueryError | null>(null);
  const [brandKeys, setBrandKeys] = useState<string[]>([]);
  /** Brand display names, learnt from the hits' tags (share-of-voice rows may carry ids only). */
  const [brandNames, setBrandNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [sources, setSources] = useState<{ id: string; name: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const loadingMore = useRef<AbortController | null>(null);
  const openedHere = useRef(false);
  const scrollBeforeDetail = useRef(0);

  const go = (next: SearchState) => navigate(`/?${toSearchParams(next).toString()}`.replace(/\?$/, ''));
  const onBadQuery = (error: unknown): boolean => {
    if (error instanceof ApiError && error.status === 400 && (error.code === 'bad-query' || error.parameter === 'q')) {
      setQueryError({ query: state.q.trim(), message: error.message, position: error.position });
      return true;
    }
    return false;
  };

  useEffect(() => {
    const controller = new AbortController();
    loadingMore.current?.abort();
    setQueryError(null);
    setPage((previous) => ({ hits: [], total: previous?.total ?? 0, totalIsExact: true, nextCursor: null, loading: true, error: null }));
    api.mentions(mentionsParams(state), controller.signal).then(
      (answer) => setPage({ ...answer, loading: false, error: null }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const bad = onBadQuery(error);
        setPage({ hits: [], total: 0, totalIsExact: true, nextCursor: null, loading: false, error: bad ? null : messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [scope, state.sort, attempt]);

  useEffect(() => {
    const controller = new AbortController();
    const params = statsParams(state);
    setCharts(null);
    Promise.all([api.volume(params, controller.signal), api.sentiment(params, controller.signal), api.shareOfVoice(params, controller.signal)]).then(
      ([volume, sentiment, share]) => {
        setCharts({ volume: volume.rows, sentiment: sentiment.rows, share: share.rows });
        setBrandKeys((known) => {
          const fresh = share.rows.map((row) => row.key).filter((key) => !known.includes(key));
          return fresh.length === 0 ? known : [...known, ...fresh];
        });
        learnNames(share.rows.flatMap((row) => (row.name ? [[row.key, row.name] as const] : [])));
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        onBadQuery(error);
        setCharts({ volume: [], sentiment: [], share: [] });
      },
    );
    return () => controller.abort();
  }, [scope, state.interval]);

  useEffect(() => {
    const controller = new AbortController();
    api.sources(controller.signal).then(
      (answer) => setSources(answer.sources.map((s) => ({ id: s.id, name: s.name }))),
      () => undefined, // the source filter still takes typed ids
    );
    return () => controller.abort();
  }, []);

  const learnNames = (pairs: readonly (readonly [string, string])[]) =>
    setBrandNames((known) => {
      const fresh = pairs.filter(([key, name]) => known.get(key) !== name);
      return fresh.length === 0 ? known : new Map([...known, ...fresh]);
    });
  useEffect(() => {
    if (page) learnNames(page.hits.flatMap((hit) => hit.entities.filter((e) => e.kind === 'brand').map((e) => [e.id, e.name] as const)));
  }, [page?.hits]);
  const nameOf = (key: string) => brandNames.get(key) ?? key;

  const loadMore = () => {
    if (!page || page.loading) return;
    if (page.error && page.hits.length === 0) {
      setAttempt((n) => n + 1);
      return;
    }
    if (!page.nextCursor) return;
    const controller = new AbortController();
    loadingMore.current = controller;
    const params = mentionsParams(state, page.nextCursor);
    setPage({ ...page, loading: true, error: null });
    api.mentions(params, controller.signal).then(
      (answer) => setPage({ ...answer, hits: [...page.hits, ...answer.hits.filter((hit) => !page.hits.some((h) => h.id === hit.id))], loading: false, error: null }),
      (error: unknown) => !isAbort(error) && setPage({ ...page, loading: false, error: messageOf(error) }),
    );
  };

  const detailHref = (id: string) => `/?${toSearchParams({ ...state, mention: id }).toString()}`;
  const open = (id: string) => {
    if (!state.mention) scrollBeforeDetail.current = window.scrollY;
    openedHere.current = true;
    navigate(detailHref(id));
  };
  const closeDetail = () => {
    if (openedHere.current) {
      openedHere.current = false;
      history.back();
    } else go({ ...state, mention: null });
  };
  useEffect(() => {
    if (!state.mention) window.scrollTo(0, scrollBeforeDetail.current);
    else window.scrollTo(0, 0);
  }, [state.mention]);

  return (
    <>
      {state.mention && <MentionDetail id={state.mention} detailHref={detailHref} onOpen={open} onClose={closeDetail} />}
      <div class="search-layout" hidden={Boolean(state.mention)}>
        <aside class="sidebar" aria-label={t('filtersTitle')}>
          <SavedSearches currentParams={savedParams(state)} canDeleteAny={role === 'admin'} />
          <Filters state={state} brands={brandKeys.map((key) => ({ key, name: nameOf(key) }))} sources={sources} onChange={go} />
        </aside>
        <main class="search-main" id="main">
          <QueryBox query={state.q} sort={state.sort} error={queryError} onSearch={(q) => go({ ...state, q: q.trim(), mention: null })} onSort={(sort) => go({ ...state, sort })} />
          <Charts
            data={charts}
            invalid={queryError !== null}
            dated={Boolean(state.from || state.to)}
            interval={state.interval}
            onInterval={(interval) => go({ ...state, interval })}
            onBucket={(key) => go({ ...state, ...bucketRange(key, state.interval), mention: null })}
            onBrand={(key) => go({ ...state, filters: { ...state.filters, brand: [key] }, mention: null })}
            brandNames={brandNames}
            onDrawn={() => markOnce('hubwatch:charts-drawn')}
          />
          <Results page={page} invalid={queryError !== null} detailHref={detailHref} onOpen={open} onMore={loadMore} onDrawn={() => markOnce('hubwatch:results-drawn')} />
        </main>
      </div>
    </>
  );
}
