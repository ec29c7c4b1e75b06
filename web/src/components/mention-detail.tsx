import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, isAbort } from '../api/client.js';
import type { Hit, MentionDetail as Detail } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ExternalLink } from './external-link.js';
import { HitMeta, MentionLink } from './hit-card.js';

/** A story member in one line: title (opens its detail), who, when, link out. */
function StoryItem({ hit, detailHref, onOpen }: { hit: Hit; detailHref(id: string): string; onOpen(id: string): void }) {
  return (
    <li class="story-item" data-mention-id={hit.id}>
      <MentionLink hit={hit} href={detailHref(hit.id)} onOpen={onOpen} />
      <HitMeta hit={hit} />
      <ExternalLink url={hit.url} />
    </li>
  );
}

/** One mention: its text, tags and link, and its story (the first published copy and the others). */
export function MentionDetail(props: { id: string; detailHref(id: string): string; onOpen(id: string): void; onClose(): void }) {
  const { t, tk, number } = useI18n();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setDetail(null);
    setProblem(null);
    api.mention(props.id, controller.signal).then(setDetail, (error: unknown) => {
      if (isAbort(error)) return;
      setProblem(error instanceof ApiError && error.status === 404 ? t('detailNotFound') : t('loadFailed', { message: error instanceof Error ? error.message : String(error) }));
    });
    return () => controller.abort();
  }, [props.id]);

  useEffect(() => {
    if (detail || problem) heading.current?.focus();
  }, [detail, problem]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.onClose]);

  const mention = detail?.mention;
  const story = detail?.story;
  const others = story?.members.filter((m) => m.id !== mention?.id && m.id !== story.origin?.id) ?? [];
  return (
    <main class="detail" id="main" aria-labelledby="detail-title">
      <button type="button" class="back" onClick={props.onClose}>
        <span aria-hidden="true">← </span>
        {t('detailBack')}
      </button>
      {problem && (
        <h2 id="detail-title" ref={heading} tabIndex={-1} class="problem">
          {problem}
        </h2>
      )}
      {!detail && !problem && <p class="loading">{t('loading')}</p>}
      {mention && story && (
        <div class="detail-grid">
          <article class="detail-main" data-mention-id={mention.id}>
            <h2 id="detail-title" ref={heading} tabIndex={-1}>
              {mention.title || mention.id}
            </h2>
            <HitMeta hit={mention} />
            <dl class="facts">
              <div>
                <dt>{t('detailReach')}</dt>
                <dd>{number(mention.reach)}</dd>
              </div>
              {mention.language && (
                <div>
                  <dt>{t('detailLanguage')}</dt>
                  <dd>{mention.language}</dd>
                </div>
              )}
            </dl>
            <p>
              <ExternalLink url={mention.url} />
            </p>
            {mention.entities.length > 0 && (
              <ul class="tags" aria-label={t('detailEntities')}>
                {mention.entities.map((e) => (
                  <li key={`${e.kind}:${e.id}`} class={`tag tag-${e.kind}`}>
                    {e.name}
                    {e.role ? ` · ${tk('role', e.role)}` : ''}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('detailText')}</h3>
            {mention.text ? (
              <div class="detail-text">
                {mention.text.split(/\n{2,}/).map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </div>
            ) : (
              <p class="hint">{t('detailNoText')}</p>
            )}
          </article>
          <aside class="story" aria-labelledby="story-title">
            <h3 id="story-title">{t('detailStory')}</h3>
            <p class="hint">{t('detailStorySize', { size: number(story.size) })}</p>
            <h4>{t('detailOrigin')}</h4>
            {!story.origin || story.origin.id === mention.id ? (
              <p>{t('detailThisIsOrigin')}</p>
            ) : (
              <ul class="story-list">
                <StoryItem hit={story.origin} detailHref={props.detailHref} onOpen={props.onOpen} />
              </ul>
            )}
            <h4>{t('detailCopies')}</h4>
            {others.length === 0 ? (
              <p class="hint">{t('detailNoCopies')}</p>
            ) : (
              <ul class="story-list">
                {others.map((hit) => (
                  <StoryItem key={hit.id} hit={hit} detailHref={props.detailHref} onOpen={props.onOpen} />
                ))}
              </ul>
            )}
          </aside>
        </div>
      )}
    </main>
  );
}
