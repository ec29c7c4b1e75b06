import { useI18n, LOCALES, type Locale } from '../i18n/i18n.js';
import { isPlainClick, navigate, type View } from '../state/router.js';

const NAV: readonly { view: View; href: string; key: 'navSearch' | 'navSources' | 'navAlerts' }[] = [
  { view: 'search', href: '/', key: 'navSearch' },
  { view: 'sources', href: '/sources', key: 'navSources' },
  { view: 'alerts', href: '/alerts', key: 'navAlerts' },
];

/** The top bar: the screens, the interface language and sign-out. */
export function Header(props: { view: View | null; role: string | null; onLogout?(): void }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <header class="topbar">
      <a class="skip-link" href="#main">
        {t('skipToResults')}
      </a>
      <span class="brand-mark">
        <span class="logo" aria-hidden="true">
          ◉
        </span>{' '}
        {t('appName')}
      </span>
      {props.view && (
        <nav aria-label="hubwatch">
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <a
                  href={item.href}
                  aria-current={props.view === item.view ? 'page' : undefined}
                  onClick={(event) => {
                    if (!isPlainClick(event)) return;
                    event.preventDefault();
                    navigate(item.href);
                  }}
                >
                  {t(item.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div class="topbar-end">
        <label class="inline-field">
          <span class="visually-hidden">{t('language')}</span>
          <select id="locale" value={locale} onChange={(event) => setLocale(event.currentTarget.value as Locale)}>
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {code === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </label>
        {props.role && props.onLogout && (
          <button type="button" class="small" onClick={props.onLogout} title={t('signedInAs', { role: props.role })}>
            {t('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
