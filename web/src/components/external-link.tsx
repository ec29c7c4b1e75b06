import { useI18n } from '../i18n/i18n.js';

/** The URL when it is an absolute http(s) URL, else null: only those become links. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link out to a mention's original, or its URL as plain text when that is not http(s). */
export function ExternalLink({ url, label }: { url: string | null; label?: string }) {
  const { t } = useI18n();
  const safe = safeHttpUrl(url);
  if (safe) {
    return (
      <a class="link-out" href={safe} target="_blank" rel="noopener noreferrer nofollow">
        {label ?? t('openOriginal')}
        <span aria-hidden="true"> ↗</span>
      </a>
    );
  }
  if (!url) return <span class="link-none">{t('noLink')}</span>;
  return <span class="link-unsafe">{t('linkNotSafe', { url })}</span>;
}
