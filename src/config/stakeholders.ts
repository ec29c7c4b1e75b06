import { z } from 'zod';

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_" (e.g. "press-office")');

/** Who a relay is to the company: its own voice, someone else's, or someone it wants to win. */
export const STAKEHOLDER_KINDS = ['internal', 'external', 'target'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/**
 * A relay of the media sphere: an owned channel or a person who speaks for the company
 * (`internal`), a journalist, outlet or other voice (`external`), or one the company wants to win
 * (`target`). It is known by the sources it publishes through, the author names it signs with, and
 * the watchlist people it is. Anything not listed is external.
 */
export const stakeholderSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    kind: z.enum(STAKEHOLDER_KINDS),
    /** Ids of configured sources this relay publishes through (`acme-official`). */
    sources: z.array(z.string().min(1)).default([]),
    /** Author names as mentions carry them (`Acme Rail (@AcmeRail)`); case and accents fold. */
    authors: z.array(z.string().min(1)).default([]),
    /** Watchlist person ids this relay is (`sophie-martin`). */
    people: z.array(idSchema).default([]),
  })
  .refine((s) => s.sources.length + s.authors.length + s.people.length > 0, 'needs at least one of sources, authors or people');
export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** Problems across the file: duplicate ids, unknown people or sources, one thing claimed twice. */
export function stakeholderProblems(
  stakeholders: readonly Stakeholder[],
  known: { sources: ReadonlySet<string>; people: ReadonlySet<string> },
): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const claimed = new Map<string, string>();
  stakeholders.forEach((s, index) => {
    if (ids.has(s.id)) problems.push(`stakeholders[${index}].id: duplicate stakeholder id "${s.id}" (ids must be unique)`);
    ids.add(s.id);
    s.sources.forEach((id, j) => {
      if (!known.sources.has(id)) problems.push(`stakeholders[${index}].sources[${j}]: no source has id "${id}"`);
    });
    s.people.forEach((id, j) => {
      if (!known.people.has(id)) problems.push(`stakeholders[${index}].people[${j}]: no watchlist person has id "${id}"`);
    });
    const claims = [...s.sources.map((v) => `source ${v}`), ...s.authors.map((v) => `author ${v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()}`), ...s.people.map((v) => `person ${v}`)];
    for (const claim of claims) {
      const owner = claimed.get(claim);
      if (owner && owner !== s.id) problems.push(`stakeholders[${index}]: ${claim} already belongs to stakeholder "${owner}"`);
      claimed.set(claim, s.id);
    }
  });
  return problems;
}
