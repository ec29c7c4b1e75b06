import type { estypes } from '@elastic/elasticsearch';

/** A field as the mapping defines it (sub-fields such as `title.fr` included). */
export interface FieldMapping {
  name: string;
  type: string;
  analyzer?: string;
  normalizer?: string;
  /** Indexed (searchable); `false` for `index: false` and disabled objects. */
  indexed: boolean;
  docValues: boolean;
  /** `index_prefixes` is set (prefix queries on a text field). */
  prefixes: boolean;
}

/**
 * What a request does with a field. `text` uses need an analysed, indexed text field; `keyword`
 * uses a keyword field; `sort`/`aggregate` doc values; `exists` any indexed or doc-valued field.
 */
export type FieldUse =
  | 'match' | 'match_phrase' | 'span' | 'highlight'
  | 'term' | 'terms' | 'prefix' | 'range' | 'exists' | 'sort' | 'aggregate' | 'source';

/** Reads a template's mappings: every field and sub-field by its dotted name. */
export function fieldsOf(mappings: estypes.MappingTypeMapping): Map<string, FieldMapping> {
  const out = new Map<string, FieldMapping>();
  const visit = (prefix: string, properties: Record<string, estypes.MappingProperty>): void => {
    for (const [key, property] of Object.entries(properties)) {
      const name = `${prefix}${key}`;
      const p = property as estypes.MappingProperty & {
        type?: string; analyzer?: string; normalizer?: string; index?: boolean; doc_values?: boolean; enabled?: boolean;
        index_prefixes?: unknown; fields?: Record<string, estypes.MappingProperty>; properties?: Record<string, estypes.MappingProperty>;
      };
      const type = p.type ?? 'object';
      const indexed = p.index !== false && p.enabled !== false && type !== 'object';
      out.set(name, {
        name,
        type,
        ...(p.analyzer ? { analyzer: p.analyzer } : {}),
        ...(p.normalizer ? { normalizer: p.normalizer } : {}),
        indexed,
        docValues: type !== 'text' && type !== 'object' && p.doc_values !== false,
        prefixes: p.index_prefixes !== undefined,
      });
      if (p.fields) visit(`${name}.`, p.fields);
      if (p.properties && p.enabled !== false) visit(`${name}.`, p.properties);
    }
  };
  visit('', mappings.properties ?? {});
  return out;
}

const KEYWORDISH = new Set(['keyword', 'date', 'float', 'long', 'integer', 'double', 'boolean']);

/**
 * Why the field does not support the use (null when it does). Stricter than Elasticsearch, which
 * answers many of these with no hits rather than an error: an unmapped field, a `term` on analysed
 * text, a `span_near` on a keyword are compiler bugs here.
 */
export function fieldUseProblem(fields: Map<string, FieldMapping>, name: string, use: FieldUse): string | null {
  const field = fields.get(name);
  if (!field) return `field [${name}] is not in the index template (${use})`;
  switch (use) {
    case 'match':
    case 'match_phrase':
    case 'span':
    case 'highlight':
      return field.type === 'text' && field.indexed ? null : `${use} on [${name}] needs an indexed text field (it is ${field.type}${field.indexed ? '' : ', not indexed'})`;
    case 'prefix':
      return (field.type === 'keyword' || field.type === 'text') && field.indexed ? null : `prefix on [${name}] needs an indexed keyword or text field`;
    case 'term':
    case 'terms':
    case 'range':
      return KEYWORDISH.has(field.type) && field.indexed ? null : `${use} on [${name}] needs an indexed keyword, date or number field (it is ${field.type})`;
    case 'exists':
      return field.indexed || field.docValues ? null : `exists on [${name}] needs an indexed or doc-valued field`;
    case 'sort':
    case 'aggregate':
      return field.docValues ? null : `${use} on [${name}] needs doc values (a keyword, date or number field; it is ${field.type})`;
    case 'source':
      return null;
  }
}
