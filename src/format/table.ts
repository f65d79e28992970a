/**
 * Plain-text tables for the CLI: columns padded to their widest cell, numbers right-aligned,
 * and no wider than {@link TEXT_WIDTH}: columns marked `wrap` are narrowed and their cells
 * wrapped over several lines. Cells are shown safely: terminal control characters as visible
 * escapes, an embedded line break as ⏎ (see format/terminal.ts).
 */
import { escapeCell } from './terminal.js';
import { TEXT_WIDTH, textWidth, wrapWords } from './wrap.js';

/** One column of a text table. */
export interface Column {
  readonly header: string;
  /** Right-align (numbers). */
  readonly right?: boolean;
  /** May be narrowed to fit the table's width, its cells wrapped at spaces (long lists, prose). */
  readonly wrap?: boolean;
}

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** The widest a line of the table may be; default {@link TEXT_WIDTH}. */
  readonly maxWidth?: number;
}

const GAP = '  ';

/**
 * The width of each column: its widest cell, except that wrapping columns share what the
 * other columns leave of `maxWidth`, each capped at one common width (never below its header).
 */
function columnWidths(columns: readonly Column[], natural: readonly number[], maxWidth: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, columns.length - 1);
  if (total <= maxWidth) return [...natural];
  const wrapping = columns.flatMap((c, i) => (c.wrap === true ? [i] : []));
  const fixed = total - wrapping.reduce((a, i) => a + (natural[i] ?? 0), 0);
  const available = maxWidth - fixed;
  const floor = (i: number) => Math.min(natural[i] ?? 0, textWidth(columns[i]?.header ?? ''));
  const widthAt = (cap: number, i: number) => Math.min(natural[i] ?? 0, Math.max(cap, floor(i)));
  const used = (cap: number) => wrapping.reduce((a, i) => a + widthAt(cap, i), 0);
  // the largest common cap that fits; at worst every wrapping column at its header's width
  let low = 1;
  let high = wrapping.reduce((a, i) => Math.max(a, natural[i] ?? 0), 1);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (used(mid) <= available) low = mid;
    else high = mid - 1;
  }
  return natural.map((w, i) => (columns[i]?.wrap === true ? widthAt(low, i) : w));
}

/**
 * Renders rows of cells under headers as an aligned text table with a rule under the header.
 * A row whose wrapped cells take several lines continues on the next lines, its other
 * columns blank there.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const lines: string[] = [];
  writeTable(columns, rows, (line) => lines.push(line), options);
  return lines.join('');
}

/**
 * Writes the table {@link renderTable} renders, one line at a time (each ending in a line
 * break) to `write`: for a table of many rows, nothing but the column widths is held
 * beside the rows — no escaped copy of the cells, no list of lines, no whole text.
 */
export function writeTable(columns: readonly Column[], rows: readonly (readonly string[])[], write: (line: string) => void, options: TableOptions = {}): void {
  const maxWidth = options.maxWidth ?? TEXT_WIDTH;
  const cellsOf = (r: readonly string[]) => columns.map((_, i) => escapeCell(r[i] ?? ''));
  const headers = columns.map((c) => escapeCell(c.header));
  // a loop, not Math.max(...cells): a table may have more rows than a call has arguments
  const natural = headers.map(textWidth);
  for (const r of rows) {
    for (let i = 0; i < columns.length; i++) natural[i] = Math.max(natural[i] ?? 0, textWidth(escapeCell(r[i] ?? '')));
  }
  const widths = columnWidths(columns, natural, maxWidth);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - textWidth(cell)));
        return columns[i]?.right ? pad + cell : cell + pad;
      })
      .join(GAP)
      .trimEnd();
  const physical = (cells: readonly string[]): void => {
    const wrapped = cells.map((cell, i) => (textWidth(cell) > (widths[i] ?? 0) ? wrapWords(cell, widths[i] ?? 0) : [cell]));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) write(`${line(wrapped.map((w) => w[k] ?? ''))}\n`);
  };
  physical(headers);
  write(`${widths.map((w) => '─'.repeat(w)).join(GAP)}\n`);
  for (const r of rows) physical(cellsOf(r));
}
