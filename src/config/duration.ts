import { z } from 'zod';

/** `90`, `"90s"`, `"15m"`, `"2h"`, `"1d"` → seconds. */
export const durationSchema = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$/.exec(value);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'must be a duration such as 90, "90s", "15m", "2h" or "1d"' });
    return z.NEVER;
  }
  const factor = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * factor;
});
