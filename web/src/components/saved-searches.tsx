import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, isAbort } from '../api/client.js';
import type { SavedSearch } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { isPlainClick, navigate } from '../state/router.js';

/** The team's saved searches: open one (its URL), save the current search, delete one. */
export function SavedSearches({ currentParams, canDeleteAny }: { currentParams: string; canDeleteAny: boolean }) {
  const { t } = useI18n();
  const [searches, setSearches] = useState<SavedSearch[] | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (naming) nameInput.current?.focus();
  }, [naming]);

  const reload = (signal?: AbortSignal) =>
    api.savedSearches(signal).then(
      (answer) => setSearches(answer.searches),
      (error: unknown) => !isAbort(error) && setProblem(error instanceof Error ? error.message : String(error)),
    );
  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      await api.saveSearch(name.trim(), currentParams);
      setNaming(false);
      setName('');
      setProblem(null);
      await reload();
    } catch (error) {
      setProblem(t('savedFailed', { message: error instanceof ApiError ? error.message : String(error) }));
    }
  };
  const remove = async (search: SavedSearch) => {
    try {
      await api.deleteSearch(search.id);
      await reload();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class="saved" aria-labelledby="saved-title">
      <h2 id="saved-title">{t('savedTitle')}</h2>
      {searches && searches.length === 0 && <p class="hint">{t('savedNone')}</p>}
      {searches && searches.length > 0 && (
        <ul class="saved-list">
          {searches.map((search) => {
            const href = search.params ? `/?${search.params}` : '/';
            return (
              <li key={search.id} class={search.params === currentParams ? 'current' : undefined}>
                <a
                  href={href}
                  aria-current={search.params === currentParams ? 'true' : undefined}
                  onClick={(event) => {
                    if (!isPlainClick(event)) return;
                    event.preventDefault();
                    navigate(href);
                  }}
                >
                  {search.name}
                </a>
                {(search.mine || canDeleteAny) && (
                  <button type="button" class="icon-button" aria-label={t('deleteSaved', { name: search.name })} title={t('deleteSaved', { name: search.name })} onClick={() => void remove(search)}>
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {naming ? (
        <form class="save-form" onSubmit={(event) => void save(event)}>
          <label for="saved-name">{t('savedName')}</label>
          <input id="saved-name" type="text" value={name} maxLength={120} required onInput={(event) => setName(event.currentTarget.value)} ref={nameInput} />
          <div class="row">
            <button type="submit" class="primary small">
              {t('save')}
            </button>
            <button type="button" class="small" onClick={() => setNaming(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="small" onClick={() => setNaming(true)}>
          {t('saveCurrent')}
        </button>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
