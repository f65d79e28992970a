/**
 * Reading tabular input: CSV with a header row, comma or semicolon separated, decimal
 * point or decimal comma. Parsing is csv-parse's; this module detects the delimiter,
 * keeps row numbers for error messages, and normalises decimal numbers.
 */
import { parse } from 'csv-parse/sync';
import { diagnostic, type Diagnostic, type Result, fail, ok } from '../errors.js';

/** One data row: column name → raw cell text (trimmed), with its 1-based row number (header excluded). */
export interface CsvRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** A parsed table. */
export interface CsvTable {
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly delimiter: ',' | ';';
  /** Rows whose cell count differs from the header's; they are still in `rows`, padded with blanks. */
  readonly rowErrors: readonly Diagnostic[];
}

/**
 * Parses CSV text with a header row. The delimiter is `;` if the header line has more
 * semicolons than commas, else `,`. A row with a different number of cells than the
 * header is reported, not dropped silently: the whole parse fails with its row number.
 */
export function parseCsv(text: string, file: string): Result<CsvTable> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(body, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return fail([
      diagnostic({
        code: 'input-invalid',
        severity: 'error',
        file,
        ...(e.lines !== undefined ? { line: e.lines } : {}),
        message: `CSV-filen kan ikke læses: ${e.message ?? String(error)}`,
        hint: 'Kontrollér anførselstegn og skilletegn (komma eller semikolon).',
      }),
    ]);
  }
  const [header, ...data] = records;
  if (header === undefined) {
    return fail([diagnostic({ code: 'input-invalid', severity: 'error', file, message: 'CSV-filen er tom', hint: 'Første linje skal være en overskriftsrække med kolonnenavne.' })]);
  }
  const headers = header.map((h) => h.trim());
  const errors: Diagnostic[] = [];
  const rows: CsvRow[] = [];
  data.forEach((cells, i) => {
    const row = i + 1;
    if (cells.length !== headers.length) {
      errors.push(
        diagnostic({
          code: 'input-row',
          severity: 'error',
          file,
          row,
          line: row + 1,
          message: `rækken har ${cells.length} celler, men overskriften har ${headers.length} kolonner`,
          hint: `Hver række skal have én celle pr. kolonne, adskilt af "${delimiter}".`,
        }),
      );
    }
    const record: Record<string, string> = {};
    headers.forEach((h, j) => {
      record[h] = (cells[j] ?? '').trim();
    });
    rows.push(Object.freeze({ row, cells: Object.freeze(record) }));
  });
  return ok(Object.freeze({ headers: Object.freeze(headers), rows: Object.freeze(rows), delimiter, rowErrors: Object.freeze(errors) }));
}

/**
 * Normalises a number cell to a decimal string: accepts `40.5`, `40,5`, `1.234,5`
 * (Danish thousands) and `1,234.5`; returns undefined when the cell is not a number.
 * A blank cell is the caller's business (it usually means unknown).
 */
export function normaliseDecimal(cell: string): string | undefined {
  let s = cell.replace(/\s|\u00a0/g, '').replace(/^\u2212/, '-');
  if (s === '') return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // the later separator is the decimal one
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    if (count(s, ',') > 1) return undefined;
    s = s.replace(',', '.');
  } else if (count(s, '.') > 1) {
    return undefined;
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  // canonical: no leading zeros beyond one
  s = s.replace(/^(-?)0+(?=\d)/, '$1');
  return s;
}

/**
 * Normalises a count cell: Danish thousands grouping ("1.200") is read as a whole number
 * ("1200"); anything else as {@link normaliseDecimal} reads it. The caller checks that the
 * result is a whole number.
 */
export function normaliseCount(cell: string): string | undefined {
  return /^\d{1,3}(\.\d{3})+$/.test(cell) ? cell.replace(/\./g, '') : normaliseDecimal(cell);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
