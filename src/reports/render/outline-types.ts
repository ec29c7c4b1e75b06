import type { Trace } from '../report-model.js';

/** A piece of running text: plain (outside content included), a traced figure, or a link. */
export type Inline = string | { text: string; trace: Trace } | { text: string; href: string | null };

/** Charts the HTML draws (inline SVG) and Markdown shows as tables. */
export type Chart =
  | { type: 'columns'; title: string; valueLabel: string; overlayLabel: string; points: { label: string; value: number; overlay: number }[] }
  | { type: 'bars'; title: string; labelHead: string; valueLabel: string; rows: { label: string; value: number; display: string }[] }
  | { type: 'tone'; title: string; labelHead: string; labels: [string, string, string]; rows: { label: string; positive: number; neutral: number; negative: number }[] };

export type Block =
  | { kind: 'p'; parts: Inline[] }
  | { kind: 'h3'; text: string }
  | { kind: 'table'; head: string[]; rows: Inline[][]; numeric: boolean[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'chart'; chart: Chart };

/** One numbered section: its heading and blocks. */
export interface OutlineSection {
  id: string;
  heading: string;
  blocks: Block[];
}

/** The pre-read laid out once for every format. */
export interface Outline {
  language: string;
  title: string;
  intro: Inline[];
  sections: OutlineSection[];
}
