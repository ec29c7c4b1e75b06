import { useEffect, useRef } from 'preact/hooks';
import type { Hit } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { HitCard } from './hit-card.js';

export interface ResultsPage {
  hits: Hit[];
  total: number;
  totalIsExact: boolean;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/** The result list; the next page loads when its end scrolls into view (or on the button). */
export function Results(props: { page: ResultsPage | null; invalid: boolean; detailHref(id: string): string; onOpen(id: string): void; onMore(): void; onDrawn(): void }) {
  const { t, number } = useI18n();
  const sentinel = useRef<HTMLDivElement>(null);
  const more = useRef(props.onMore);
  more.current = props.onMore;
  const { page } = props;
  const canLoadMore = Boolean(page && page.nextCursor && !page.loading && !page.error);

  useEffect(() => {
    if (!sentinel.current || !canLoadMore) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more.current(), { rootMargin: '400px 0px' });
    observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [canLoadMore, page?.hits.length]);

  useEffect(() => {
    if (page && !page.loading) props.onDrawn();
  }, [page]);

  return (
    <section class="results" id="results" aria-labelledby="results-title" aria-busy={page?.loading ? 'true' : 'false'} tabIndex={-1}>
      <div class="section-head">
        <h2 id="results-title">{t('resultsTitle')}</h2>
        {page && !page.error && !props.invalid && (page.hits.length > 0 || !page.loading) && (
          <p class="results-count" aria-live="polite">
            {page.totalIsExact ? t('resultsCount', { count: number(page.total) }) : t('resultsCountAtLeast', { count: number(page.total) })}
          </p>
        )}
      </div>
      {props.invalid && <p class="empty">{t('fixQuery')}</p>}
      {page && page.hits.length === 0 && !page.loading && !page.error && !props.invalid && <p class="empty">{t('resultsNone')}</p>}
      <ol class="hit-list">
        {page?.hits.map((hit) => (
          <li key={hit.id}>
            <HitCard hit={hit} detailHref={props.detailHref(hit.id)} onOpen={props.onOpen} />
          </li>
        ))}
      </ol>
      {page?.error && (
        <p class="problem" role="alert">
          {t('loadFailed', { message: page.error })}{' '}
          <button type="button" class="small" onClick={props.onMore}>
            {t('retry')}
          </button>
        </p>
      )}
      {(!page || page.loading) && <p class="loading">{t('loading')}</p>}
      {canLoadMore && (
        <div ref={sentinel} class="load-more">
          <button type="button" onClick={props.onMore}>
            {t('loadMore')}
          </button>
        </div>
      )}
      {page && !page.nextCursor && page.hits.length > 0 && !page.loading && <p class="end">{t('endOfResults')}</p>}
    </section>
  );
}
