import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.js';
import type { Sort } from '../state/search-state.js';
import { errorSpan, type QueryError } from '../state/query-error.js';
import { QueryHelp } from './query-help.js';

/** The query with the offending spot underlined, as text nodes (never HTML). */
function MarkedQuery({ error }: { error: QueryError & { position: number } }) {
  const { start, end } = errorSpan(error.query, error.position);
  return (
    <code class="query-mirror" aria-hidden="true">
      {error.query.slice(0, start)}
      <mark class="query-error-spot">{start < end ? error.query.slice(start, end) : ' '}</mark>
      {error.query.slice(end)}
    </code>
  );
}

export function QueryBox(props: { query: string; sort: Sort; error: QueryError | null; onSearch(query: string): void; onSort(sort: Sort): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.query);
  const [helpOpen, setHelpOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setDraft(props.query), [props.query]);
  const error = props.error && props.error.query === props.query ? props.error : null;

  const focusError = () => {
    if (!error || error.position === undefined || !input.current) return;
    const { start, end } = errorSpan(error.query, error.position);
    input.current.focus();
    input.current.setSelectionRange(start, end);
  };

  return (
    <form
      class="query-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(draft);
      }}
    >
      <label for="query" class="query-label">
        {t('queryLabel')}
      </label>
      <div class="query-row">
        <input
          id="query"
          ref={input}
          type="search"
          name="q"
          value={draft}
          placeholder={t('queryPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'query-error' : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit" class="primary">
          {t('search')}
        </button>
      </div>
      {error && (
        <div id="query-error" class="query-error" role="alert">
          {error.position !== undefined && <MarkedQuery error={{ ...error, position: error.position }} />}
          <p>
            <button type="button" class="link-button" onClick={focusError}>
              {error.message}
            </button>
          </p>
        </div>
      )}
      <div class="query-tools">
        <button type="button" class="link-button" aria-expanded={helpOpen} aria-controls="query-help" onClick={() => setHelpOpen(!helpOpen)}>
          {t('syntaxHelp')}
        </button>
        <span class="inline-field">
          <label for="sort">{t('sortLabel')}</label>
          <select id="sort" value={props.sort} onChange={(event) => props.onSort(event.currentTarget.value === 'relevance' ? 'relevance' : 'date')}>
            <option value="date">{t('sortDate')}</option>
            <option value="relevance">{t('sortRelevance')}</option>
          </select>
        </span>
      </div>
      {helpOpen && <QueryHelp />}
    </form>
  );
}
