import type { Sentiment } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

const SYMBOLS: Record<string, string> = { positive: '+', neutral: '=', negative: '−', unscored: '?' };

/** A sentiment shown by word and symbol as well as colour, so it reads without colour vision. */
export function SentimentBadge({ sentiment }: { sentiment: Sentiment | null }) {
  const { tk } = useI18n();
  const label = sentiment?.label ?? 'unscored';
  return (
    <span class={`badge sentiment sentiment-${label}`}>
      <span aria-hidden="true" class="badge-symbol">
        {SYMBOLS[label] ?? '?'}
      </span>
      {tk('sentiment', label)}
    </span>
  );
}
