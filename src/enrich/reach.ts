import type { Audience } from '../core/mention.js';

/** Nominal audience of a source tier: 1 national media, 2 regional or trade, 3 niche. */
export const TIER_AUDIENCE: Readonly<Record<1 | 2 | 3, number>> = { 1: 1_000_000, 2: 100_000, 3: 10_000 };
/** Nominal audience of a source with neither a tier nor a figure. */
export const DEFAULT_AUDIENCE = 1_000;

/**
 * The reach weight of a mention: log10(1 + audience), so a tier-1 outlet (1M) weighs 6.0, a tier-3
 * blog (10k) 4.0, an unrated source (1k) 3.0. The audience is the larger of the source's (its
 * `audience` figure, else its tier's nominal audience) and the item's own, when a social
 * connector gives one: max(followers, views) + 10 × shares + 5 × comments + max(score, 0)
 * (a share or comment carries the item to people beyond the author's followers).
 * Bad figures (negative, NaN) count as absent. Rounded to 2 decimals.
 */
export function computeReach(source: { tier?: 1 | 2 | 3; audience?: number }, itemAudience?: Audience | null): number {
  const good = (value: number | undefined): number => (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0);
  const sourceAudience =
    good(source.audience) > 0 ? good(source.audience) : source.tier !== undefined ? TIER_AUDIENCE[source.tier] : DEFAULT_AUDIENCE;
  let itemEstimate = 0;
  if (itemAudience) {
    itemEstimate =
      Math.max(good(itemAudience.followers), good(itemAudience.views)) +
      10 * good(itemAudience.shares) +
      5 * good(itemAudience.comments) +
      good(itemAudience.score);
  }
  const audience = Math.max(sourceAudience, itemEstimate);
  return Math.round(Math.log10(1 + audience) * 100) / 100;
}
