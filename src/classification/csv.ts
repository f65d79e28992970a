/**
 * Reading boligområder from CSV: one row per boligområde per list, a header row,
 * comma or semicolon separated, decimal point or comma. A blank cell is unknown.
 */
import { type Diagnostic, diagnostic } from '../errors.js';
import { normaliseCount, normaliseDecimal, parseCsv } from '../format/csv.js';

/** The CSV columns and the input fields they fill. `id` and `listedato` are required. */
export const KOLONNER: Readonly<Record<string, string>> = Object.freeze({
  id: 'id',
  navn: 'navn',
  kommune: 'kommune',
  listedato: 'listedato',
  beboere: 'beboere',
  ikke_vestlige_pct: 'ikkeVestligePct',
  uden_arbejde_pct: 'udenArbejdePct',
  domfaelte_pct: 'domfaeltePct',
  domfaelte_landsgennemsnit_pct: 'domfaelteLandsgennemsnitPct',
  kun_grundskole_pct: 'kunGrundskolePct',
  indkomst_pct_af_region: 'indkomstPctAfRegion',
  offentliggjort_parallelsamfund: 'offentliggjortParallelsamfund',
});

/** The required columns. */
export const KRAEVEDE_KOLONNER = ['id', 'listedato'] as const;

const FIELD_TO_COLUMN: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(Object.entries(KOLONNER).map(([c, f]) => [f, c])));

/** The CSV column of an input field (for diagnostics), or the field itself. */
export function columnOf(field: string): string {
  return FIELD_TO_COLUMN[field.split('.')[0] ?? field] ?? field;
}

/** One data row read from CSV: its 1-based row number, and the input object when every cell was readable. */
export interface CsvEntry {
  readonly row: number;
  readonly value?: Readonly<Record<string, unknown>>;
  readonly id?: string;
  readonly listedato?: string;
  readonly errors: readonly Diagnostic[];
}

/** What reading the CSV gave: one entry per data row, and problems of the file as a whole. */
export interface BoligomraaderCsv {
  readonly entries: readonly CsvEntry[];
  /** File-level problems (unreadable file, missing columns: errors; unknown columns: warnings). */
  readonly diagnostics: readonly Diagnostic[];
}

const JA = new Set(['ja', 'j', 'yes', 'true', '1', 'x']);
const NEJ = new Set(['nej', 'n', 'no', 'false', '0']);

/**
 * Reads boligområde rows from CSV text. Cells are converted (decimal comma → point,
 * `ja`/`nej` → true/false); a cell that cannot be read makes its row bad, with row,
 * column and reason. Schema checks (ranges, dates) are left to the classification.
 */
export function readBoligomraaderCsv(text: string, file: string): BoligomraaderCsv {
  const parsed = parseCsv(text, file);
  if (!parsed.ok) return { entries: [], diagnostics: parsed.errors };
  const table = parsed.value;
  const diagnostics: Diagnostic[] = [];
  const missing = KRAEVEDE_KOLONNER.filter((c) => !table.headers.includes(c));
  for (const c of missing) {
    diagnostics.push(diagnostic({ code: 'input-invalid', severity: 'error', file, field: c, message: `kolonnen "${c}" mangler`, hint: `Overskriftsrækken skal have kolonnerne ${KRAEVEDE_KOLONNER.join(' og ')}.` }));
  }
  for (const h of table.headers) {
    if (KOLONNER[h] === undefined) {
      diagnostics.push(diagnostic({ code: 'input-invalid', severity: 'warning', file, field: h, message: `kolonnen "${h}" kendes ikke og ignoreres`, hint: `Kendte kolonner: ${Object.keys(KOLONNER).join(', ')}.` }));
    }
  }
  const shapeErrors = new Map<number, Diagnostic>();
  for (const d of table.rowErrors) if (d.row !== undefined) shapeErrors.set(d.row, d);
  // a record that could not be read is in no row: report it here
  const read = new Set(table.rows.map((r) => r.row));
  for (const d of table.rowErrors) if (d.row === undefined || !read.has(d.row)) diagnostics.push(d);

  const entries: CsvEntry[] = table.rows.map(({ row, line, cells }) => {
    const errors: Diagnostic[] = [];
    const id = cells.id || undefined;
    const err = (column: string, message: string, hint?: string) =>
      errors.push(diagnostic({ code: 'input-row', severity: 'error', file, row, line, field: column, ...(id !== undefined ? { id } : {}), message, ...(hint !== undefined ? { hint } : {}) }));
    const shape = shapeErrors.get(row);
    if (shape !== undefined) errors.push(shape);
    if (missing.length > 0) err(missing[0] as string, `kolonnen "${missing[0]}" mangler i filen`);
    const value: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(KOLONNER)) {
      const cell = cells[column];
      if (cell === undefined || cell === '') continue;
      if (column === 'id' || column === 'navn' || column === 'kommune' || column === 'listedato') value[field] = cell;
      else if (column === 'offentliggjort_parallelsamfund') {
        const c = cell.toLowerCase();
        if (JA.has(c)) value[field] = true;
        else if (NEJ.has(c)) value[field] = false;
        else err(column, `"${cell}" er hverken ja eller nej`, 'Skriv ja, nej eller lad cellen stå tom (ukendt).');
      } else if (column === 'beboere') {
        const n = normaliseCount(cell);
        if (n === undefined || !/^\d+$/.test(n)) err(column, `"${cell}" er ikke et helt antal beboere`, 'Skriv et helt tal, fx 1200 eller 1.200.');
        else value[field] = Number(n);
      } else {
        const n = normaliseDecimal(cell);
        if (n === undefined) err(column, `"${cell}" er ikke et tal`, 'Skriv en procent som 40,5 eller 40.5 uden %-tegn.');
        else value[field] = n;
      }
    }
    if (id === undefined && !missing.includes('id')) err('id', 'id mangler', 'Hver række skal have boligområdets id.');
    if (!cells.listedato && !missing.includes('listedato')) err('listedato', 'listedato mangler', 'Skriv listens dato som ÅÅÅÅ-MM-DD.');
    const listedato = cells.listedato || undefined;
    return Object.freeze({
      row,
      ...(errors.length === 0 ? { value: Object.freeze(value) } : {}),
      ...(id !== undefined ? { id } : {}),
      ...(listedato !== undefined ? { listedato } : {}),
      errors: Object.freeze(errors),
    });
  });
  return Object.freeze({ entries: Object.freeze(entries), diagnostics: Object.freeze(diagnostics) });
}
