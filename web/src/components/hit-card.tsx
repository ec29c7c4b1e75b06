import type { Hit } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { isPlainClick } from '../state/router.js';
import { ExternalLink } from './external-link.js';
import { HighlightedText } from './highlighted-text.js';
import { SentimentBadge } from './sentiment-badge.js';

/** A mention's who, where and when: sentiment, source, channel, author, date. */
export function HitMeta({ hit }: { hit: Hit }) {
  const { t, tk, dateTime } = useI18n();
  return (
    <p class="hit-meta">
      <SentimentBadge sentiment={hit.sentiment} />
      <span class="hit-source">{hit.sourceName || hit.source}</span>
      <span class="hit-channel">{tk('channel', hit.channel)}</span>
      {hit.author && <span class="hit-author">{t('by', { author: hit.author })}</span>}
      <time dateTime={hit.publishedAt}>{dateTime(hit.publishedAt)}</time>
    </p>
  );
}

/** A mention's title as a link to its detail: a plain click opens it in place, others follow the link. */
export function MentionLink({ hit, href, onOpen }: { hit: Hit; href: string; onOpen(id: string): void }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        onOpen(hit.id);
      }}
    >
      {hit.title || hit.id}
    </a>
  );
}

/** One result: its title opens the detail (a link to the same search with `mention=`). */
export function HitCard({ hit, detailHref, onOpen }: { hit: Hit; detailHref: string; onOpen(id: string): void }) {
  const { t } = useI18n();
  const brands = hit.entities.filter((e) => e.kind === 'brand' || e.kind === 'person');
  return (
    <article class="hit" data-mention-id={hit.id}>
      <h3 class="hit-title">
        <MentionLink hit={hit} href={detailHref} onOpen={onOpen} />
      </h3>
      <HitMeta hit={hit} />
      {hit.snippets.filter((snippet) => snippet.text !== hit.title).map((snippet, i) => (
        <p key={i} class="hit-snippet">
          <HighlightedText snippet={snippet} />
        </p>
      ))}
      <div class="hit-foot">
        {brands.length > 0 && (
          <ul class="tags" aria-label={t('detailEntities')}>
            {brands.map((e) => (
              <li key={`${e.kind}:${e.id}`} class={`tag tag-${e.kind}`}>
                {e.name}
              </li>
            ))}
          </ul>
        )}
        <ExternalLink url={hit.url} />
      </div>
    </article>
  );
}
