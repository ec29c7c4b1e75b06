import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';

/** Sign-in by access token: the API sets an HttpOnly session cookie; the token is not kept here. */
export function LoginScreen(props: { notice: string | null; onSignedIn(): void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api.login(token.trim());
      setToken('');
      props.onSignedIn();
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 401 ? t('loginWrong') : t('loginFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login" id="main">
      <form class="login-card" onSubmit={(event) => void submit(event)}>
        <h1>{t('loginTitle')}</h1>
        <p class="hint">{t('loginIntro')}</p>
        {props.notice && <p class="notice">{props.notice}</p>}
        <label for="token">{t('loginToken')}</label>
        <input
          id="token"
          ref={input}
          name="token"
          type="password"
          autocomplete="current-password"
          required
          value={token}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={problem ? 'login-problem' : undefined}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        {problem && (
          <p id="login-problem" class="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t('loginSubmit')}
        </button>
      </form>
    </main>
  );
}
