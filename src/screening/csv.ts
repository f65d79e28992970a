/**
 * Reading afdelinger from CSV: one row per afdeling and screening period. Bad rows are
 * reported with row number, column and reason and left out; good rows are still read.
 */
import { afdelingSchema, PERIODE_FELTER, TAELLER_NAEVNER, type Afdeling, type PeriodeFeltKey, type ScreeningPeriode } from '../domain/afdeling.js';
import { type Diagnostic, diagnostic, didYouMean } from '../errors.js';
import { parseCsv, normaliseCount, normaliseDecimal, type CsvRow } from '../format/csv.js';
import { markValidated } from './validate.js';
import { isIsoDate } from '../domain/calendar.js';
import { issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import { INGEN_STATUS, isIngenStatus, statusInListProblem } from '../domain/boligomraade-status.js';

/** The columns of the afdeling's base data (repeated on each of its rows). */
export const AFDELING_KOLONNER = ['afdeling_id', 'navn', 'boligorganisation', 'kommune', 'boligomraade', 'boligomraade_status', 'lejemaal', 'boligareal_m2', 'beboere'] as const;

/** Columns every file must have. */
export const KRAEVEDE_KOLONNER = ['afdeling_id', 'navn', 'boligorganisation', 'kommune', 'lejemaal', 'boligareal_m2', 'beboere', 'periode'] as const;

/** Every known column, in the order the fixtures write them. */
export const ALLE_KOLONNER: readonly string[] = Object.freeze([...AFDELING_KOLONNER, 'periode', ...PERIODE_FELTER.map((f) => f.column)]);

const COLUMN_OF: Readonly<Record<string, string>> = Object.fromEntries(PERIODE_FELTER.map((f) => [f.key, f.column]));

/** Afdelinger read from a file, and every problem found. */
export interface AfdelingerInput {
  readonly afdelinger: readonly Afdeling[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads afdelinger from CSV text (comma or semicolon, decimal point or comma). Blank
 * cells are unknown figures. `boligomraade_status` (per row: the status at that period) lists statuses separated by `|`;
 * `ingen` means on no list; blank means unknown.
 */
export function readAfdelingerCsv(text: string, file: string): AfdelingerInput {
  const table = parseCsv(text, file);
  if (!table.ok) return { afdelinger: [], diagnostics: table.errors };
  const { headers, rows } = table.value;
  const diagnostics: Diagnostic[] = [];
  const missingRequired = KRAEVEDE_KOLONNER.filter((c) => !headers.includes(c));
  for (const c of missingRequired) {
    const guess = didYouMean(c, headers);
    diagnostics.push(
      diagnostic({
        code: 'input-invalid',
        severity: 'error',
        file,
        line: 1,
        field: c,
        message: `kolonnen ${c} mangler i overskriften`,
        hint: guess ? `Mente du "${guess}"? Omdøb kolonnen til "${c}".` : `Tilføj kolonnen "${c}".`,
      }),
    );
  }
  if (missingRequired.length > 0) return { afdelinger: [], diagnostics };
  for (const f of PERIODE_FELTER) {
    if (!headers.includes(f.column)) {
      diagnostics.push(
        diagnostic({ code: 'input-invalid', severity: 'warning', file, line: 1, field: f.column, message: `kolonnen ${f.column} mangler; ${f.label} er ukendt i alle rækker`, hint: `Tilføj kolonnen "${f.column}".` }),
      );
    }
  }
  for (const h of headers) {
    if (!ALLE_KOLONNER.includes(h)) {
      const guess = didYouMean(h, ALLE_KOLONNER);
      diagnostics.push(
        diagnostic({ code: 'input-invalid', severity: 'warning', file, line: 1, field: h, message: `ukendt kolonne ${h} ignoreres`, hint: guess ? `Mente du "${guess}"?` : 'Fjern kolonnen eller ret navnet.' }),
      );
    }
  }
  const badRows = new Set<number>();
  for (const d of table.value.rowErrors) {
    diagnostics.push(d);
    if (d.row !== undefined) badRows.add(d.row);
  }

  const groups = new Map<string, { base: Omit<Afdeling, 'perioder'>; firstRow: number; perioder: ScreeningPeriode[] }>();
  for (const row of rows) {
    if (badRows.has(row.row)) continue;
    const parsed = readRow(row, file);
    if (!parsed.ok) {
      diagnostics.push(...parsed.errors);
      continue;
    }
    const { base, periode } = parsed;
    diagnostics.push(...parsed.warnings);
    const group = groups.get(base.id);
    const report = (field: string, message: string, hint: string) =>
      diagnostics.push(diagnostic({ code: 'input-row', severity: 'error', file, row: row.row, line: row.line, field, id: base.id, message, hint }));
    if (group === undefined) {
      groups.set(base.id, { base, firstRow: row.row, perioder: [periode] });
      continue;
    }
    const differing = differingField(group.base, base);
    if (differing !== undefined) {
      report(differing, `afdelingens ${differing} afviger fra række ${group.firstRow}`, 'Afdelingens grunddata skal være ens i alle dens rækker.');
      continue;
    }
    if (group.perioder.some((p) => p.periode === periode.periode)) {
      report('periode', `perioden ${periode.periode} forekommer allerede for afdeling ${base.id}`, 'Hver afdeling må kun have én række pr. screeningsperiode.');
      continue;
    }
    group.perioder.push(periode);
  }

  const afdelinger: Afdeling[] = [];
  for (const g of groups.values()) {
    const candidate = { ...g.base, perioder: g.perioder.sort((a, b) => a.periode.localeCompare(b.periode)) };
    const checked = safeParseDanish(afdelingSchema, candidate);
    if (checked.success) afdelinger.push(markValidated(checked.data as Afdeling));
    else {
      diagnostics.push(...issuesToDiagnostics(checked.error, { file, id: g.base.id, field: 'always' }));
    }
  }
  return Object.freeze({ afdelinger: Object.freeze(afdelinger), diagnostics: Object.freeze(diagnostics) });
}

type RowResult = { ok: true; base: Omit<Afdeling, 'perioder'>; periode: ScreeningPeriode; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

function readRow(row: CsvRow, file: string): RowResult {
  const errors: Diagnostic[] = [];
  const cells = row.cells;
  const id = cells['afdeling_id'] ?? '';
  const report = (field: string, message: string, hint: string) =>
    errors.push(
      diagnostic({ code: 'input-row', severity: 'error', file, row: row.row, line: row.line, field, ...(id !== '' ? { id } : {}), message, hint }),
    );
  const text = (column: string): string => {
    const v = cells[column] ?? '';
    if (v === '') report(column, `${column} er tom`, 'Cellen skal udfyldes.');
    return v;
  };
  const count = (column: string, label: string, required: boolean, min = 0, max?: number): number | undefined => {
    const raw = cells[column];
    if (raw === undefined || raw === '') {
      if (required) report(column, `${column} er tom`, 'Cellen skal udfyldes med et tal.');
      return undefined;
    }
    // Danish thousands grouping ("1.234") is a whole number here, as classification reads it
    const n = normaliseCount(raw);
    if (n === undefined) {
      report(column, `"${raw}" er ikke et tal (${label})`, 'Skriv et tal, fx 120.');
      return undefined;
    }
    if (n.startsWith('-')) {
      report(column, `${label} må ikke være negativ (${raw})`, 'Et antal er 0 eller mere.');
      return undefined;
    }
    if (n.includes('.')) {
      report(column, `${label} skal være et helt tal (${raw})`, 'Skriv et helt tal uden decimaler.');
      return undefined;
    }
    const v = Number(n);
    if (v < min || (max !== undefined && v > max)) {
      report(column, `${label} skal være mellem ${min} og ${max ?? '∞'} (${raw})`, max !== undefined ? `Brug en karakter fra ${min} til ${max}.` : `Skriv et tal på mindst ${min}.`);
      return undefined;
    }
    return v;
  };
  const amount = (column: string, label: string, required: boolean): string | undefined => {
    const raw = cells[column];
    if (raw === undefined || raw === '') {
      if (required) report(column, `${column} er tom`, 'Cellen skal udfyldes med et beløb.');
      return undefined;
    }
    const n = normaliseDecimal(raw);
    if (n === undefined) {
      report(column, `"${raw}" er ikke et tal (${label})`, 'Skriv et beløb, fx 1234,50.');
      return undefined;
    }
    if (n.startsWith('-')) {
      report(column, `${label} må ikke være negativ (${raw})`, 'Et beløb her er 0 eller mere.');
      return undefined;
    }
    return n;
  };

  text('afdeling_id');
  const navn = text('navn');
  const boligorganisation = text('boligorganisation');
  const kommune = text('kommune');
  const lejemaal = count('lejemaal', 'antal lejemål', true, 1);
  const boligarealM2 = amount('boligareal_m2', 'boligareal', true);
  const beboere = count('beboere', 'antal beboere', true);
  const periodeRaw = cells['periode'] ?? '';
  if (periodeRaw === '') report('periode', 'periode er tom', 'Skriv screeningsdatoen som ÅÅÅÅ-MM-DD.');
  else if (!isIsoDate(periodeRaw)) {
    report('periode', `"${periodeRaw}" er ikke en gyldig dato`, 'Skriv screeningsdatoen som ÅÅÅÅ-MM-DD, fx 2024-12-01.');
  }

  const periode: Record<string, unknown> = { periode: periodeRaw };
  for (const f of PERIODE_FELTER) {
    const v = f.type === 'beloeb' ? amount(f.column, f.label, false) : count(f.column, f.label, false, f.type === 'karakter' ? 1 : 0, f.type === 'karakter' ? 5 : undefined);
    if (v !== undefined) periode[f.key] = v;
  }
  if (typeof periode['huslejeReferenceKrPrM2'] === 'string' && /^0(\.0+)?$/.test(periode['huslejeReferenceKrPrM2'])) {
    report('husleje_reference_kr_m2', 'referencehuslejen skal være større end 0', 'Angiv referencehuslejen i kr. pr. m² pr. år.');
  }
  for (const [t, n] of TAELLER_NAEVNER) {
    const tv = periode[t];
    const nv = n === 'afdeling.lejemaal' ? lejemaal : periode[n];
    if (typeof tv === 'number' && typeof nv === 'number' && tv > nv) {
      const naevner = n === 'afdeling.lejemaal' ? 'lejemaal' : (COLUMN_OF[n as PeriodeFeltKey] ?? n);
      report(COLUMN_OF[t] ?? t, `${COLUMN_OF[t]} (${tv}) er større end ${naevner} (${nv})`, `Tælleren kan ikke overstige nævneren; kontrollér ${COLUMN_OF[t]} og ${naevner}.`);
    }
  }
  const boligomraade = cells['boligomraade'] ?? '';
  const statusCell = readStatusCell(cells['boligomraade_status'] ?? '', boligomraade !== '');
  if (statusCell.problem !== undefined) report('boligomraade_status', statusCell.problem.message, statusCell.problem.hint);
  if (errors.length > 0) return { ok: false, errors };
  const status = statusCell.status;
  const warnings = statusCell.ignored
    ? [
        diagnostic({
          code: 'input-row',
          severity: 'warning',
          file,
          row: row.row,
          line: row.line,
          field: 'boligomraade_status',
          ...(id !== '' ? { id } : {}),
          message: `boligomraade_status "${cells['boligomraade_status'] ?? ''}" ignoreres: afdelingen ligger ikke i et boligområde`,
          hint: 'Udfyld kolonnen boligomraade, eller tøm boligomraade_status.',
        }),
      ]
    : [];
  const base: Omit<Afdeling, 'perioder'> = {
    id,
    navn,
    boligorganisation,
    kommune,
    ...(boligomraade !== '' ? { boligomraade } : {}),
    lejemaal: lejemaal as number,
    boligarealM2: boligarealM2 as string,
    beboere: beboere as number,
  };
  if (status !== undefined) periode['boligomraadeStatus'] = status;
  return { ok: true, base, periode: periode as ScreeningPeriode, warnings };
}

/**
 * The statuses in a `boligomraade_status` cell (`|`-separated; `ingen` = on no list; blank =
 * unknown), each on the closed list — else the problem, with a did-you-mean. A status on
 * a row with no boligområde cannot apply: it is dropped and `ignored` says so.
 */
function readStatusCell(raw: string, inBoligomraade: boolean): { status?: string[]; problem?: { message: string; hint: string }; ignored?: boolean } {
  if (raw.trim() === '') return {};
  const status = isIngenStatus(raw)
    ? []
    : raw
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '');
  for (const s of status) {
    const problem = statusInListProblem(s, `Skriv "${INGEN_STATUS}" alene i cellen (eller statusserne adskilt af |)`);
    if (problem !== undefined) return { problem };
  }
  if (!inBoligomraade) return status.length > 0 ? { ignored: true } : {};
  return { status };
}

function differingField(a: Omit<Afdeling, 'perioder'>, b: Omit<Afdeling, 'perioder'>): string | undefined {
  const pairs: [string, unknown, unknown][] = [
    ['navn', a.navn, b.navn],
    ['boligorganisation', a.boligorganisation, b.boligorganisation],
    ['kommune', a.kommune, b.kommune],
    ['boligomraade', a.boligomraade, b.boligomraade],
    ['lejemaal', a.lejemaal, b.lejemaal],
    ['boligareal_m2', a.boligarealM2, b.boligarealM2],
    ['beboere', a.beboere, b.beboere],
  ];
  return pairs.find(([, x, y]) => x !== y)?.[0];
}
