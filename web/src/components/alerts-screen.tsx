import { api } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { isPlainClick, navigate } from '../state/router.js';
import { useApi } from './use-api.js';

/** The alerts sent, newest first, each with links to the mentions it carried. */
export function AlertsScreen() {
  const { t, dateTime, number } = useI18n();
  const { data, error } = useApi((signal) => api.alerts(signal));
  const history = data ? [...data.history].sort((a, b) => b.firedAt.localeCompare(a.firedAt)) : [];
  return (
    <main class="page" id="main" aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alertsTitle')}</h1>
      <p class="hint">
        {t('alertsIntro')}
        {data?.rules && ` ${t('alertsRules', { count: number(data.rules.length) })}`}
      </p>
      {error && (
        <p class="problem" role="alert">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {!data && !error && <p class="loading">{t('loading')}</p>}
      {data && history.length === 0 && <p class="empty">{t('alertsNone')}</p>}
      {history.length > 0 && (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('alertFiredAt')}</th>
                <th scope="col">{t('alertRule')}</th>
                <th scope="col">{t('alertTitle')}</th>
                <th scope="col">{t('alertMentions')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry, i) => (
                <tr key={`${entry.ruleId}-${entry.firedAt}-${i}`}>
                  <td>{dateTime(entry.firedAt)}</td>
                  <td>{entry.ruleId}</td>
                  <td>{entry.title ?? ''}</td>
                  <td>
                    <ul class="inline-list">
                      {(entry.mentions ?? []).slice(0, 20).map((id) => {
                        const href = `/?mention=${encodeURIComponent(id)}`;
                        return (
                          <li key={id}>
                            <a
                              href={href}
                              onClick={(event) => {
                                if (!isPlainClick(event)) return;
                                event.preventDefault();
                                navigate(href);
                              }}
                            >
                              {id.slice(0, 10)}
                            </a>
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
