import { api } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { useApi } from './use-api.js';

/** The alert rules, and the alerts fired and delivered (or not), newest first. */
export function AlertsScreen() {
  const { t, tk, dateTime } = useI18n();
  const { data, error } = useApi((signal) => api.alerts(signal));
  const history = data ? [...data.history].sort((a, b) => b.at.localeCompare(a.at)) : [];
  return (
    <main class="page" id="main" aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alertsTitle')}</h1>
      <p class="hint">{t('alertsIntro')}</p>
      {error && (
        <p class="problem" role="alert">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {!data && !error && <p class="loading">{t('loading')}</p>}
      {data && data.rules.length > 0 && (
        <section aria-labelledby="rules-title" class="rules">
          <h2 id="rules-title">{t('alertsRules')}</h2>
          <ul class="rule-list">
            {data.rules.map((rule) => (
              <li key={rule.id} class={rule.enabled ? undefined : 'off'}>
                <strong>{rule.id}</strong> <span class="sub-inline">{rule.type}</span>
                <span class="sub-inline">{rule.enabled ? (rule.lastFiredAt ? t('alertLastFired', { at: dateTime(rule.lastFiredAt) }) : t('alertNeverFired')) : t('sourceDisabled')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data && history.length === 0 && <p class="empty">{t('alertsNone')}</p>}
      {history.length > 0 && (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('alertAt')}</th>
                <th scope="col">{t('alertRule')}</th>
                <th scope="col">{t('alertEvent')}</th>
                <th scope="col">{t('alertHeadline')}</th>
                <th scope="col">{t('alertNotifier')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry, i) => (
                <tr key={`${entry.at}-${entry.ruleId}-${i}`}>
                  <td>{dateTime(entry.at)}</td>
                  <td>{entry.ruleId}</td>
                  <td>
                    <span class={`badge event event-${entry.event}`}>{tk('event', entry.event)}</span>
                  </td>
                  <td>
                    {entry.headline ?? ''}
                    {entry.reason && <span class="sub error-cell">{entry.reason}</span>}
                  </td>
                  <td>{entry.notifierId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
