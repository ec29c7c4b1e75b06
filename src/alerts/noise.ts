import type { CooldownState } from './alert-store.js';

/** Largest back-off exponent: a rule that keeps firing waits at most 8× its cooldown. */
export const MAX_STREAK = 3;

/**
 * When the next message for a rule and key may go: the cooldown, doubled for each message that
 * came within two cooldowns of the one before (a repeat), up to 8×.
 */
export function nextAllowed(state: CooldownState | null, cooldownSeconds: number): Date {
  if (!state) return new Date(0);
  return new Date(state.lastSentAt.getTime() + cooldownSeconds * 1000 * 2 ** Math.min(state.streak, MAX_STREAK));
}

/** The streak a message sent at `now` carries: one more after a repeat, 0 after a quiet spell. */
export function nextStreak(state: CooldownState | null, cooldownSeconds: number, now: Date): number {
  if (!state) return 0;
  const quietFor = now.getTime() - state.lastSentAt.getTime();
  const repeatWithin = 2 * cooldownSeconds * 1000 * 2 ** Math.min(state.streak, MAX_STREAK);
  return quietFor < repeatWithin ? Math.min(state.streak + 1, MAX_STREAK) : 0;
}
