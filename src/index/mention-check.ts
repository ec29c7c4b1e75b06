import type { Mention } from '../core/mention.js';

const ID = /^[0-9a-f]{32}$/;

/**
 * Cheap checks an adapter runs on every mention before writing it (the full zod validation happens
 * where mentions are built or imported). Returns what is wrong, or null.
 */
export function mentionProblem(mention: Mention): string | null {
  if (typeof mention !== 'object' || mention === null) return 'not an object';
  if (typeof mention.id !== 'string' || !ID.test(mention.id)) return 'id: must be 32 lower-case hex characters';
  if (!Number.isFinite(Date.parse(mention.publishedAt))) return `publishedAt: not a date (${String(mention.publishedAt)})`;
  if (typeof mention.title !== 'string' || typeof mention.text !== 'string') return 'title and text must be strings';
  if (typeof mention.sourceId !== 'string' || mention.sourceId === '') return 'sourceId: missing';
  if (!Array.isArray(mention.entities)) return 'entities: must be a list';
  if (typeof mention.sentiment !== 'object' || mention.sentiment === null) return 'sentiment: missing';
  return null;
}
