import { ftsMatchSql } from './fts-partitions.js';
import { nearAlternatives, type QueryNode } from '../query/ast.js';
import { siteFragment, tagFragment } from './sqlite-social.js';

/** A piece of SQL with its positional parameters. */
export interface Fragment {
  sql: string;
  params: unknown[];
  /**
   * For an entity filter (`m.seq IN (SELECT me.seq FROM mention_entities me WHERE …)`): the same
   * condition with one more condition on `me.seq` inside, so that a search can check its full-text
   * matches on the entity rows before looking up any mention (see `sqlite-search.ts`).
   */
  narrowed?: (extra: Fragment) => Fragment;
  /**
   * For an exact entity filter: its field, value, and the label and channel its rows are checked
   * for, so that a search can read the entity's rows first when the value names one entry (see
   * `sqlite-search.ts`).
   */
  entity?: { kind: string; value: string; label?: string; channel?: string };
  /** True when the SQL reads only `m.seq`, `m.published`, `m.label` and `m.channel`, which entity rows hold too. */
  entityColumns?: boolean;
}

/** Bounds pushed into every sub-query: the published window, the FTS rowid (seq) range, the FTS months. */
export interface Bounds {
  fromMs?: number;
  toMs?: number;
  seqLo?: number;
  seqHi?: number;
  /** The full-text tables (months) the window spans; unset means none. */
  months?: string[];
}

/** The seq range of the bounds, if any. */
export function seqRangeOf(bounds: Bounds): [number, number] | null {
  return bounds.seqLo !== undefined && bounds.seqHi !== undefined ? [bounds.seqLo, bounds.seqHi] : null;
}

/**
 * The compiled query: an FTS5 expression that drives the search (null when the query has no text
 * part at its top), plus SQL conditions over `mentions m`. The FTS expression is built from the tree
 * with every value quoted, so user text is never FTS5 syntax.
 */
export interface CompiledQuery {
  fts: string | null;
  where: Fragment[];
  /** OR of every positive text leaf, for highlighting (null when there is none). */
  highlight: string | null;
  /** Those leaves (terms, phrases, NEARs on the text), in the order of `highlight`. */
  highlightLeaves: QueryNode[];
  /** Folded stems of the wildcard terms on text (their expansions are counted before running). */
  textPrefixes: string[];
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Whether a node can be answered by FTS5 alone (text terms, NEAR, and/or/binary NOT of those). */
export function isText(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return node.field === undefined || node.field === 'title';
    case 'near':
      return true;
    case 'or':
      return node.children.every(isText);
    case 'and':
      return (
        node.children.some(isText) &&
        node.children.every((child) => isText(child) || (child.kind === 'not' && isText(child.child)))
      );
    case 'not':
      return false;
  }
}

/** The FTS5 expression of a node for which `isText` holds. */
export function ftsExpression(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return `${node.field === 'title' ? 'title : ' : ''}${quote(node.value)}${node.prefix ? '*' : ''}`;
    case 'phrase':
      return `${node.field === 'title' ? 'title : ' : ''}${quote(node.value)}`;
    case 'near': {
      // FTS5's NEAR takes phrases only: a group side is expanded into an OR of pairs (bounded by
      // the parser, MAX_NEAR_PAIRS).
      const pairs = nearAlternatives(node.left).flatMap((left) =>
        nearAlternatives(node.right).map((right) => `NEAR(${ftsExpression(left)} ${ftsExpression(right)}, ${node.distance})`),
      );
      return pairs.length === 1 ? (pairs[0] as string) : `(${pairs.join(' OR ')})`;
    }
    case 'or':
      return `(${node.children.map(ftsExpression).join(' OR ')})`;
    case 'and': {
      const positive = node.children.filter(isText).map(ftsExpression);
      const negative = node.children.filter((c) => !isText(c) && c.kind === 'not').map((c) => (c.kind === 'not' ? ftsExpression(c.child) : ''));
      return `(${positive.join(' AND ')})${negative.map((n) => ` NOT ${n}`).join('')}`;
    }
    case 'not':
      throw new Error('a lone NOT has no FTS5 form');
  }
}

function ftsSubquery(expression: string, bounds: Bounds): Fragment {
  const match = ftsMatchSql(bounds.months ?? [], expression, seqRangeOf(bounds), false);
  return { sql: `m.seq IN (${match.sql})`, params: match.params };
}

function like(value: string): string {
  return `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function keyMatch(column: string, node: { value: string; prefix?: boolean }): Fragment {
  return node.prefix ? { sql: `${column} LIKE ? ESCAPE '\\'`, params: [like(node.value)] } : { sql: `${column} = ?`, params: [node.value] };
}

/** Label and channel an entity filter also checks in its rows (they carry both). */
interface EntityRowChecks {
  label?: string;
  channel?: string;
}

/**
 * Conditions for the children of an AND. An entity filter beside an exact `sentiment:` or
 * `channel:` filter also checks the label or channel in its entity rows (they carry both), so that
 * only the mentions with all of them are looked up: 5 times fewer for a brand's negative mentions.
 */
export function conjunctFragments(children: readonly QueryNode[], bounds: Bounds): Fragment[] {
  const exact = (field: 'sentiment' | 'channel'): string | undefined =>
    children.find((c): c is Extract<QueryNode, { kind: 'term' }> => c.kind === 'term' && c.field === field && !c.prefix)?.value;
  const label = exact('sentiment');
  const channel = exact('channel');
  const checks: EntityRowChecks = { ...(label === undefined ? {} : { label }), ...(channel === undefined ? {} : { channel }) };
  return children.map((child) => (child.kind === 'term' || child.kind === 'phrase' ? fieldFragment(child, bounds, checks) : sqlFragment(child, bounds)));
}

function fieldFragment(node: Extract<QueryNode, { kind: 'term' | 'phrase' }>, bounds: Bounds, checks: EntityRowChecks = {}): Fragment {
  const leaf = { value: node.value, prefix: node.kind === 'term' ? node.prefix : undefined };
  switch (node.field) {
    case undefined:
    case 'title':
      return ftsSubquery(ftsExpression(node), bounds);
    case 'brand':
    case 'person':
    case 'topic': {
      const id = keyMatch('entity_id', leaf);
      const name = keyMatch('name_key', leaf);
      const params: unknown[] = [node.field, node.field, ...id.params, ...name.params];
      let sql = `m.seq IN (SELECT me.seq FROM mention_entities me WHERE me.kind = ? AND me.entity_id IN (SELECT entity_id FROM entities WHERE kind = ? AND (${id.sql} OR ${name.sql}))`;
      if (bounds.fromMs !== undefined) {
        sql += ' AND me.published >= ?';
        params.push(bounds.fromMs);
      }
      if (bounds.toMs !== undefined) {
        sql += ' AND me.published < ?';
        params.push(bounds.toMs);
      }
      if (checks.label !== undefined) {
        sql += ' AND me.label = ?';
        params.push(checks.label);
      }
      if (checks.channel !== undefined) {
        sql += ' AND me.channel = ?';
        params.push(checks.channel);
      }
      const narrowed = (extra: Fragment): Fragment => ({ sql: `${sql} AND ${extra.sql})`, params: [...params, ...extra.params] });
      if (leaf.prefix) return { sql: `${sql})`, params, narrowed };
      return { sql: `${sql})`, params, narrowed, entity: { kind: node.field, value: node.value, ...checks } };
    }
    case 'sentiment':
      return { ...keyMatch('m.label', leaf), entityColumns: true };
    case 'channel':
      return { ...keyMatch('m.channel', leaf), entityColumns: true };
    case 'lang':
      return keyMatch('m.language', leaf);
    case 'author':
      return keyMatch('m.author_key', leaf);
    case 'source': {
      // The primary source, or any other source that delivered the mention.
      const id = keyMatch('m.source_id', leaf);
      const name = keyMatch('m.source_key', leaf);
      const otherId = keyMatch('ms.source_id', leaf);
      const otherName = keyMatch('ms.source_key', leaf);
      return {
        sql: `(${id.sql} OR ${name.sql} OR m.seq IN (SELECT ms.seq FROM mention_sources ms WHERE ${otherId.sql} OR ${otherName.sql}))`,
        params: [...id.params, ...name.params, ...otherId.params, ...otherName.params],
      };
    }
    case 'site':
      return siteFragment(node.value);
    case 'hashtag':
    case 'handle': {
      // Candidates from the full-text index (the tag's words), then the tag as written.
      const words = ftsSubquery(ftsExpression({ kind: 'term', value: node.value, position: 0, ...(leaf.prefix ? { prefix: true } : {}) }), bounds);
      const tag = tagFragment(node.field === 'hashtag' ? '#' : '@', node.value, leaf.prefix === true);
      const sql = `(${words.sql} AND ${tag.sql})`;
      if (node.field === 'hashtag') return { sql, params: [...words.params, ...tag.params] };
      const author = keyMatch('m.author_key', { value: `@${node.value}`, prefix: leaf.prefix });
      return { sql: `(${author.sql} OR ${sql})`, params: [...author.params, ...words.params, ...tag.params] };
    }
  }
}

/** SQL condition over `mentions m` for any node. */
export function sqlFragment(node: QueryNode, bounds: Bounds): Fragment {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return fieldFragment(node, bounds);
    case 'near':
      return ftsSubquery(ftsExpression(node), bounds);
    case 'and':
    case 'or': {
      if (isText(node)) return ftsSubquery(ftsExpression(node), bounds);
      const parts = node.kind === 'and' ? conjunctFragments(node.children, bounds) : node.children.map((child) => sqlFragment(child, bounds));
      return { sql: `(${parts.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    case 'not': {
      const inner = sqlFragment(node.child, bounds);
      return { sql: `NOT ${inner.sql}`, params: inner.params };
    }
  }
}

function positiveTextLeaves(node: QueryNode, out: QueryNode[], prefixes: string[]): void {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      if (node.field === undefined || node.field === 'title') {
        out.push(node);
        if (node.kind === 'term' && node.prefix) prefixes.push(node.value);
      } else if ((node.field === 'hashtag' || node.field === 'handle') && node.kind === 'term' && node.prefix) {
        // `#acme*` takes its candidates from the full-text index: its expansions cost the same.
        prefixes.push(node.value);
      }
      return;
    case 'near':
      out.push(node);
      for (const side of [...nearAlternatives(node.left), ...nearAlternatives(node.right)]) if (side.kind === 'term' && side.prefix) prefixes.push(side.value);
      return;
    case 'and':
    case 'or':
      node.children.forEach((child) => positiveTextLeaves(child, out, prefixes));
      return;
    case 'not': {
      // Negated text is not highlighted, but its wildcards still cost.
      positiveTextLeaves(node.child, [], prefixes);
      return;
    }
  }
}

/** Compiles a query tree for the SQLite adapter. */
export function compileQuery(node: QueryNode | null, bounds: Bounds): CompiledQuery {
  if (node === null) return { fts: null, where: [], highlight: null, highlightLeaves: [], textPrefixes: [] };
  const highlightLeaves: QueryNode[] = [];
  const textPrefixes: string[] = [];
  positiveTextLeaves(node, highlightLeaves, textPrefixes);
  const highlight = highlightLeaves.length === 0 ? null : highlightLeaves.map(ftsExpression).join(' OR ');
  if (isText(node)) return { fts: ftsExpression(node), where: [], highlight, highlightLeaves, textPrefixes };
  if (node.kind === 'and') {
    const text = node.children.filter(isText);
    if (text.length > 0) {
      const negated = node.children.filter((c) => c.kind === 'not' && isText(c.child));
      const rest = node.children.filter((c) => !text.includes(c) && !negated.includes(c));
      const fts = ftsExpression({ kind: 'and', children: [...text, ...negated] });
      return { fts, where: conjunctFragments(rest, bounds), highlight, highlightLeaves, textPrefixes };
    }
    // Kept apart, so that a search can tell an entity filter among them (see `sqlite-search.ts`).
    return { fts: null, where: conjunctFragments(node.children, bounds), highlight, highlightLeaves, textPrefixes };
  }
  return { fts: null, where: [sqlFragment(node, bounds)], highlight, highlightLeaves, textPrefixes };
}
