import { api } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { useApi } from './use-api.js';

/** Every configured source with the health of its last polls. */
export function SourcesScreen() {
  const { t, tk, dateTime, number } = useI18n();
  const { data, error } = useApi((signal) => api.sources(signal));
  return (
    <main class="page" id="main" aria-labelledby="sources-title">
      <h1 id="sources-title">{t('sourcesTitle')}</h1>
      <p class="hint">{t('sourcesIntro')}</p>
      {error && (
        <p class="problem" role="alert">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {!data && !error && <p class="loading">{t('loading')}</p>}
      {data && data.sources.length === 0 && <p class="empty">{t('sourcesNone')}</p>}
      {data && data.sources.length > 0 && (
        <div class="table-scroll">
          <table class="data-table sources-table">
            <thead>
              <tr>
                <th scope="col">{t('sourceName')}</th>
                <th scope="col">{t('sourceHealth')}</th>
                <th scope="col">{t('sourceType')}</th>
                <th scope="col">{t('sourceLastPoll')}</th>
                <th scope="col">{t('sourceLastSuccess')}</th>
                <th scope="col" class="num">
                  {t('sourceItemsPerDay')}
                </th>
                <th scope="col">{t('sourceLastError')}</th>
              </tr>
            </thead>
            <tbody>
              {data.sources.map((source) => (
                <tr key={source.id} data-source-id={source.id}>
                  <th scope="row">
                    {source.name}
                    <span class="sub">{source.id}</span>
                  </th>
                  <td>
                    <span class={`badge health health-${source.status}`}>{tk('health', source.status)}</span>
                    {source.consecutiveFailures > 1 && <span class="sub">{t('sourceFailures', { count: number(source.consecutiveFailures) })}</span>}
                  </td>
                  <td>{source.type}</td>
                  <td>{source.lastPollAt ? dateTime(source.lastPollAt) : t('never')}</td>
                  <td>{source.lastSuccessAt ? dateTime(source.lastSuccessAt) : t('never')}</td>
                  <td class="num">{typeof source.itemsPerDay === 'number' ? number(source.itemsPerDay) : '—'}</td>
                  <td class="error-cell">{source.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
