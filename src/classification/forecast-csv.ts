/** Reading afdelinger for a forecast from CSV: one row per afdeling, naming its boligområde. */
import { type Diagnostic, diagnostic } from '../errors.js';
import { normaliseCount, normaliseDecimal, parseCsv } from '../format/csv.js';

/** The CSV columns and the fields they fill. `afdeling_id` and `boligomraade` are required. */
export const PROGNOSE_KOLONNER: Readonly<Record<string, { readonly field: string; readonly type: 'tekst' | 'antal' | 'beloeb' }>> = Object.freeze({
  afdeling_id: { field: 'id', type: 'tekst' },
  navn: { field: 'navn', type: 'tekst' },
  boligomraade: { field: 'boligomraade', type: 'tekst' },
  boligomraade_navn: { field: 'boligomraadeNavn', type: 'tekst' },
  kommune: { field: 'kommune', type: 'tekst' },
  beboere: { field: 'beboere', type: 'antal' },
  ikke_vestlige: { field: 'ikkeVestlige', type: 'antal' },
  beboere_18_64: { field: 'beboere18til64', type: 'antal' },
  uden_arbejde: { field: 'udenArbejde', type: 'antal' },
  beboere_18_plus: { field: 'beboere18plus', type: 'antal' },
  domfaelte: { field: 'domfaelte', type: 'antal' },
  domfaelte_landsgennemsnit_pct: { field: 'domfaelteLandsgennemsnitPct', type: 'beloeb' },
  beboere_30_59: { field: 'beboere30til59', type: 'antal' },
  kun_grundskole: { field: 'kunGrundskole', type: 'antal' },
  skatteydere: { field: 'skatteydere', type: 'antal' },
  bruttoindkomst_kr: { field: 'bruttoindkomstKr', type: 'beloeb' },
  region_gennemsnit_kr: { field: 'regionGennemsnitKr', type: 'beloeb' },
});

const REQUIRED = ['afdeling_id', 'boligomraade'] as const;

/** Afdelinger read from CSV: the readable rows (with their CSV row numbers) and every problem. */
export interface AfdelingerCsv {
  readonly afdelinger: readonly { readonly row: number; readonly value: Readonly<Record<string, unknown>> }[];
  readonly diagnostics: readonly Diagnostic[];
  /** Boligområder with an unreadable afdeling row: their sums would be incomplete. */
  readonly badAreas: ReadonlySet<string>;
}

/** Reads forecast afdelinger from CSV (comma or semicolon, decimal point or comma). Blank cells are unknown. */
export function readPrognoseCsv(text: string, file: string): AfdelingerCsv {
  const parsed = parseCsv(text, file);
  if (!parsed.ok) return { afdelinger: [], diagnostics: parsed.errors, badAreas: new Set() };
  const table = parsed.value;
  const diagnostics: Diagnostic[] = [...table.rowErrors];
  const missing = REQUIRED.filter((c) => !table.headers.includes(c));
  for (const c of missing) diagnostics.push(diagnostic({ code: 'input-invalid', severity: 'error', file, field: c, message: `kolonnen "${c}" mangler`, hint: `Overskriftsrækken skal have kolonnerne ${REQUIRED.join(' og ')}.` }));
  if (missing.length > 0) return { afdelinger: [], diagnostics, badAreas: new Set() };
  for (const h of table.headers) {
    if (PROGNOSE_KOLONNER[h] === undefined) diagnostics.push(diagnostic({ code: 'input-invalid', severity: 'warning', file, field: h, message: `kolonnen "${h}" kendes ikke og ignoreres` }));
  }
  const bad = new Set(table.rowErrors.map((d) => d.row));
  const afdelinger: { row: number; value: Record<string, unknown> }[] = [];
  const badAreas = new Set<string>();
  for (const { row, cells } of table.rows) {
    if (bad.has(row)) {
      // a row with too few or too many cells: its afdeling is left out, so its area's sums are incomplete
      if (cells.boligomraade) badAreas.add(cells.boligomraade);
      continue;
    }
    const value: Record<string, unknown> = {};
    let ok = true;
    for (const [column, { field, type }] of Object.entries(PROGNOSE_KOLONNER)) {
      const cell = cells[column];
      if (cell === undefined || cell === '') continue;
      if (type === 'tekst') {
        value[field] = cell;
        continue;
      }
      const n = type === 'antal' ? normaliseCount(cell) : normaliseDecimal(cell);
      if (n === undefined || (type === 'antal' && !/^\d+$/.test(n))) {
        ok = false;
        diagnostics.push(
          diagnostic({ code: 'input-row', severity: 'error', file, row, field: column, ...(cells.afdeling_id ? { id: cells.afdeling_id } : {}), message: `"${cell}" er ikke ${type === 'antal' ? 'et helt antal' : 'et tal'}` }),
        );
        continue;
      }
      value[field] = type === 'antal' ? Number(n) : n;
    }
    if (ok) afdelinger.push({ row, value });
    else if (cells.boligomraade) badAreas.add(cells.boligomraade);
  }
  return { afdelinger, diagnostics, badAreas };
}
