import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, SESSION_ENDED } from './api/client.js';
import { AlertsScreen } from './components/alerts-screen.js';
import { Header } from './components/header.js';
import { LoginScreen } from './components/login-screen.js';
import { SearchScreen } from './components/search-screen.js';
import { SourcesScreen } from './components/sources-screen.js';
import { I18nProvider, initialLocale, rememberLocale, useI18n, type Locale } from './i18n/i18n.js';
import { useLocation, viewOf } from './state/router.js';

type Session = { state: 'checking' } | { state: 'out'; notice: string | null } | { state: 'in'; role: string };

function Screens() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const where = useLocation();
  const view = viewOf(where.pathname);

  const check = useCallback(() => {
    api.session().then(
      (answer) => setSession({ state: 'in', role: answer.role }),
      () => setSession({ state: 'out', notice: null }),
    );
  }, []);
  useEffect(check, []);
  useEffect(() => {
    const ended = () => setSession({ state: 'out', notice: t('errorSession') });
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [t]);

  const logout = () => {
    void api.logout().finally(() => setSession({ state: 'out', notice: null }));
  };

  if (session.state === 'checking') return <Header view={null} role={null} />;
  if (session.state === 'out') {
    return (
      <>
        <Header view={null} role={null} />
        <LoginScreen notice={session.notice} onSignedIn={check} />
      </>
    );
  }
  return (
    <>
      <Header view={view} role={session.role} onLogout={logout} />
      {view === 'search' && <SearchScreen search={where.search} role={session.role} />}
      {view === 'sources' && <SourcesScreen />}
      {view === 'alerts' && <AlertsScreen />}
    </>
  );
}

/** The page: the interface language (remembered), then the session, then the screen the URL names. */
export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      <Screens />
    </I18nProvider>
  );
}
