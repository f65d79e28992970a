/**
 * Reading tabular input: CSV with a header row, comma or semicolon separated, decimal
 * point or decimal comma. Parsing is csv-parse's; this module detects the delimiter,
 * keeps row numbers for error messages, and normalises decimal numbers.
 * Records are split by `readRecords` (csv-records.ts), one bad record at a time.
 */
import { readRecords } from './csv-records.js';
import { diagnostic, type Diagnostic, type Result, fail, ok } from '../errors.js';

/** One data row: column name → raw cell text (trimmed), with its 1-based row number (header excluded) and physical line. */
export interface CsvRow {
  readonly row: number;
  /** The physical line (1-based, header = 1) the record starts on; a quoted line break inside an earlier record counts. */
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** A parsed table. */
export interface CsvTable {
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly delimiter: ',' | ';';
  /**
   * Problems with single records: a record whose cell count differs from the header's
   * (still in `rows`, padded with blanks), and a record that could not be read at all (a
   * stray quote; not in `rows`). Every other record is read.
   */
  readonly rowErrors: readonly Diagnostic[];
}

const QUOTE_HINT = 'Kontrollér anførselstegnene i rækken: et felt med anførselstegn skal begynde og slutte med ", og et " inde i feltet skrives "".';

/** Danish messages for the csv-parse errors that cost one record. */
const SKIP_MESSAGES: ReadonlyMap<string, string> = new Map([
  ['INVALID_OPENING_QUOTE', 'rækken kan ikke læses: et anførselstegn (") midt i et felt uden anførselstegn'],
  ['CSV_INVALID_CLOSING_QUOTE', 'rækken kan ikke læses: tegn efter et afsluttende anførselstegn (")'],
  ['CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE', 'rækken kan ikke læses: tegn efter et afsluttende anførselstegn (")'],
  ['CSV_QUOTE_NOT_CLOSED', 'rækken kan ikke læses: et anførselstegn (") lukkes aldrig; læsningen fortsætter på næste linje'],
]);

/**
 * Parses CSV text with a header row. The delimiter is `;` if the header line has more
 * semicolons than commas, else `,`. Errors are per record, with the physical line: a row
 * with a different number of cells than the header, and a row csv-parse cannot read (a
 * stray quote) — the others are all read. A column named twice fails the whole table.
 */
export function parseCsv(text: string, file: string): Result<CsvTable> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const read = readRecords(body, delimiter);
  if (!read.ok) {
    return fail([
      diagnostic({
        code: 'input-invalid',
        severity: 'error',
        file,
        ...(read.line !== undefined ? { line: read.line } : {}),
        message: `CSV-filen kan ikke læses (${read.message})`,
        hint: 'Kontrollér anførselstegn og skilletegn (komma eller semikolon).',
      }),
    ]);
  }
  const located = read.records;
  const [first, ...data] = located;
  if (first === undefined) {
    return fail([diagnostic({ code: 'input-invalid', severity: 'error', file, message: 'CSV-filen er tom', hint: 'Første linje skal være en overskriftsrække med kolonnenavne.' })]);
  }
  if (!('record' in first)) {
    return fail([diagnostic({ code: 'input-invalid', severity: 'error', file, line: first.line, message: 'overskriftsrækken kan ikke læses', hint: QUOTE_HINT })]);
  }
  const headers = first.record.map((h) => h.trim());
  const twice = headers.filter((h, i) => headers.indexOf(h) !== i);
  if (twice.length > 0) {
    return fail(
      [...new Set(twice)].map((h) =>
        diagnostic({ code: 'input-invalid', severity: 'error', file, line: first.line, field: h, message: `kolonnen "${h}" står ${headers.filter((x) => x === h).length} gange i overskriften`, hint: 'Hver kolonne må kun stå én gang: slet eller omdøb den ekstra kolonne.' }),
      ),
    );
  }
  const errors: Diagnostic[] = [];
  const rows: CsvRow[] = [];
  // Every row's cells inherit from one empty object without a prototype: a column named like
  // an Object.prototype property (`constructor`, `__proto__`) is a column like any other, and,
  // unlike objects made by Object.create(null) (dictionaries in V8, ~800 bytes for a dozen
  // columns), the rows share one compact shape — 100,000 rows keep ~60 MB less.
  const noPrototype = Object.create(null) as object;
  data.forEach((entry, i) => {
    const row = i + 1;
    const { line } = entry;
    if (!('record' in entry)) {
      errors.push(diagnostic({ code: 'input-row', severity: 'error', file, row, line, message: SKIP_MESSAGES.get(entry.code) ?? 'rækken kan ikke læses som CSV', hint: QUOTE_HINT }));
      return;
    }
    const { record } = entry;
    if (record.length !== headers.length) {
      errors.push(
        diagnostic({
          code: 'input-row',
          severity: 'error',
          file,
          row,
          line,
          message: `rækken har ${record.length} celler, men overskriften har ${headers.length} kolonner`,
          hint: `Hver række skal have én celle pr. kolonne, adskilt af "${delimiter}".`,
        }),
      );
    }
    const cells = Object.create(noPrototype) as Record<string, string>;
    headers.forEach((h, j) => {
      cells[h] = (record[j] ?? '').trim();
    });
    rows.push(Object.freeze({ row, line, cells: Object.freeze(cells) }));
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
