import type { z } from 'zod';

/** Formats a path the way people read it: `sources[3].options.instance`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(root)';
}

/** `1, 2 or 3`; `"own" or "competitor"`. */
export function orList(values: readonly unknown[]): string {
  const shown = values.map((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value)));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

const HINTS: Record<string, string> = {
  unrecognized_keys: 'check the spelling against the configuration reference in README.md',
};

/** Zod's own wording starts so; a message a schema wrote on purpose is kept as it is. */
const DEFAULT_MESSAGE = /^(Too small|Too big|Invalid input|Invalid option)\b/;

function plural(count: number | bigint, word: string): string {
  return `${count} ${word}${Number(count) === 1 ? '' : 's'}`;
}

/** A range problem in plain words: `must be above 0`, `must be at most 10`, `must not be empty`. */
function describeRange(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  if (issue.origin === 'string') {
    if (small && Number(limit) === 1) return 'must not be empty';
    return `must be ${small ? 'at least' : 'at most'} ${plural(limit, 'character')}`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (small && Number(limit) === 1) return 'must have at least one entry';
    return `must have ${small ? 'at least' : 'at most'} ${plural(limit, 'entry').replace('entrys', 'entries')}`;
  }
  if (issue.inclusive === false) return `must be ${small ? 'above' : 'below'} ${String(limit)}`;
  return `must be ${small ? 'at least' : 'at most'} ${String(limit)}`;
}

/**
 * One schema problem as a line people can act on: its path, then what the value must be, in
 * plain words (`sources[0].tier: must be 1, 2 or 3`). Values are never echoed: they may be
 * secrets resolved from `${VAR}`.
 */
export function describeIssue(issue: z.core.$ZodIssue, path: readonly PropertyKey[] = issue.path): string {
  const hint = HINTS[issue.code];
  let message = issue.message;
  const plainDefault = DEFAULT_MESSAGE.test(message);
  if (issue.code === 'invalid_type') message = `expected ${issue.expected}`;
  else if (issue.code === 'invalid_value') message = `must be ${orList(issue.values)}`;
  else if ((issue.code === 'too_small' || issue.code === 'too_big') && plainDefault) message = describeRange(issue);
  else if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) message = `must be ${orList(issue.options)}`;
  return `${formatPath(path)}: ${message}${hint ? ` (${hint})` : ''}`;
}
