/**
 * Building blocks of the reports' markup: truth marks with ✓/✗/? and a word (colour is
 * never the only signal), semantic tables with `<th scope>` and optional sorting, filter
 * boxes, and links to sources.
 */
import type { Source, Truth } from '../../engine/types.js';
import { type Html, type HtmlPart, html, safeUrl } from './escape.js';

/** The words a truth mark uses for true, false and unknown. */
export interface TruthWords {
  readonly ja: string;
  readonly nej: string;
  readonly ukendt?: string;
}

/**
 * A truth value as a badge: "✓ udløst", "✗ ikke udløst", "? ukendt". A `problem` (the default:
 * a flagged indicator, a met criterion) is red when true and green when false; a `neutral` one
 * (a recommendation, a scheme that applies) is blue when true and grey when false.
 */
export function truthMark(t: Truth, words: TruthWords = { ja: 'ja', nej: 'nej' }, tone: 'problem' | 'neutral' = 'problem'): Html {
  if (t === null) return html`<span class="merke ukendt">? ${words.ukendt ?? 'ukendt'}</span>`;
  const [yes, no] = tone === 'problem' ? ['ja', 'nej'] : ['info', 'neutral'];
  return t ? html`<span class="${`merke ${yes}`}">✓ ${words.ja}</span>` : html`<span class="${`merke ${no}`}">✗ ${words.nej}</span>`;
}

/** A neutral badge (no judgement), e.g. a recommendation's name. */
export function badge(text: string): Html {
  return html`<span class="merke neutral">${text}</span>`;
}

/** One column of a {@link dataTable}. */
export interface TableColumn {
  readonly header: string;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
}

/** One cell: markup, and the key it sorts by when its text would sort wrongly. */
export interface TableCell {
  readonly content: HtmlPart;
  readonly sort?: string | number;
}

/** One body row; its first cell is the row header (`<th scope="row">`). */
export interface TableRow {
  readonly cells: readonly (TableCell | HtmlPart)[];
  /** Filter tokens per key (`data-f-<key>`), space-separated ids. */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  /** Highlighted (a changed row). */
  readonly highlight?: boolean;
  readonly id?: string;
}

/** A table. */
export interface DataTable {
  readonly id?: string;
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** Header buttons that sort the rows (by the script in the page). */
  readonly sortable?: boolean;
  /** Rows under the body (totals), in `<tfoot>`: they stay put when the body is sorted. */
  readonly foot?: readonly TableRow[];
}

function isCell(c: TableCell | HtmlPart): c is TableCell {
  return typeof c === 'object' && c !== null && !Array.isArray(c) && 'content' in c;
}

/** A semantic table in a scrollable, keyboard-focusable region. */
export function dataTable(t: DataTable): Html {
  const head = t.columns.map((c) => html`<th scope="col"${c.numeric ? html` class="tal"` : ''}>${t.sortable ? html`<button type="button">${c.header}</button>` : c.header}</th>`);
  const row = (r: TableRow) => {
    const filters = Object.entries(r.filters ?? {}).map(([k, v]) => html` data-f-${k}="${v.join(' ')}"`);
    const cells = r.cells.map((c, i) => {
      const cell = isCell(c) ? c : { content: c };
      const numeric = t.columns[i]?.numeric === true;
      const attrs = html`${numeric ? html` class="tal"` : ''}${cell.sort === undefined ? '' : html` data-sort="${cell.sort}"`}`;
      return i === 0 ? html`<th scope="row"${attrs}>${cell.content}</th>` : html`<td${attrs}>${cell.content}</td>`;
    });
    return html`<tr${r.id === undefined ? '' : html` id="${r.id}"`}${r.highlight ? html` class="aendret"` : ''}${filters}>${cells}</tr>`;
  };
  const body = t.rows.map(row);
  const foot = t.foot === undefined || t.foot.length === 0 ? '' : html`<tfoot>${t.foot.map(row)}</tfoot>`;
  return html`<div class="tabel-omraade" role="region" tabindex="0" aria-label="${t.caption}"><table${t.id === undefined ? '' : html` id="${t.id}"`}${t.sortable ? html` data-sortable` : ''}><caption>${t.caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table></div>`;
}

/** One filter box over a table's rows by a `data-f-<key>` token. */
export interface Filter {
  readonly tableId: string;
  readonly key: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** Filter boxes for a table, and the live count of rows shown. */
export function filters(list: readonly Filter[], total: number): Html {
  const boxes = list.map(
    (f) => html`<label>${f.label}<select data-filter-for="${f.tableId}" data-filter-key="${f.key}"><option value="">Alle</option>${f.options.map((o) => html`<option value="${o.value}">${o.label}</option>`)}</select></label>`,
  );
  const tableId = list[0]?.tableId ?? '';
  return html`<div class="filtre">${boxes}<p data-count-for="${tableId}" aria-live="polite">Viser ${total} af ${total}.</p></div>`;
}

/** A source as text, with its URL as a plain link (nothing is fetched). */
export function sourceText(s: Source | undefined): Html {
  if (s === undefined) return html``;
  const url = safeUrl(s.url);
  return html`<span class="kilde">Kilde: ${url === undefined ? s.reference : html`<a href="${url}">${s.reference}</a>`}${s.note ? ` (${s.note})` : ''}</span>`;
}
