/**
 * The JSON answers of `classify` and `forecast`, built from rows already read: what the
 * CLI prints with `--format json` and what the decision service returns, from one builder.
 */
import { type BatchRaekke, type HistorikAar, klassifikationJson, type Prognose, type UdfaldRaekke } from '../classification/index.js';
import { isIsoDate } from '../domain/calendar.js';
import { type Diagnostic, diagnostic } from '../errors.js';

/** One row of a classify (or history) input: its 1-based row, its value when it could be read, and the problems found reading it. */
export interface InputRow {
  readonly row: number;
  readonly value?: unknown;
  readonly id?: string;
  readonly listedato?: string;
  readonly errors: readonly Diagnostic[];
}

/** The rows of a JSON list, numbered from 1, none with a reading problem. */
export function rowsOfList(list: readonly unknown[]): InputRow[] {
  return list.map((value, i) => ({ row: i + 1, value, errors: [] }));
}

/** Whether a row is given to the classification (read without problems, with a value). */
export function isGoodRow(r: InputRow): boolean {
  return r.errors.length === 0 && r.value !== undefined;
}

/**
 * One input row's outcome: its read errors, its classification, or the classification's
 * errors, each `locate`d and put at the input's row. `next` is the classification's answer
 * for a good row, undefined for a row that was not given to it.
 */
export function udfaldOf(r: InputRow, next: IteratorResult<BatchRaekke> | undefined, locate: (d: Diagnostic) => Diagnostic): UdfaldRaekke {
  const named = { ...(r.id !== undefined ? { id: r.id } : {}), ...(r.listedato !== undefined ? { listedato: r.listedato } : {}) };
  if (next === undefined) return { ok: false, row: r.row, ...named, errors: r.errors };
  if (next.done === true) return { ok: false, row: r.row, errors: [diagnostic({ code: 'input-row', severity: 'error', row: r.row, message: 'rækken kunne ikke læses' })] };
  const b = next.value;
  if (b.ok) return { ok: true, klassifikation: b.klassifikation };
  const errors = b.errors.map((d) => diagnostic({ ...locate(d), row: r.row }));
  return { ok: false, row: r.row, ...(b.id !== undefined ? { id: b.id } : {}), ...(b.listedato !== undefined ? { listedato: b.listedato } : {}), errors };
}

/** Each row's outcome, in input order: the good rows matched one by one with the classification's answers. */
export function* udfaldOfRows(rows: readonly InputRow[], results: Iterator<BatchRaekke>, locate: (d: Diagnostic) => Diagnostic): Generator<UdfaldRaekke> {
  for (const r of rows) yield udfaldOf(r, isGoodRow(r) ? results.next() : undefined, locate);
}

/** The JSON answer of `classify`: one object per input row (a classification or its errors). */
export function classifyJson(udfald: Iterable<UdfaldRaekke>): Record<string, unknown>[] {
  return [...udfald].map(klassifikationJson);
}

/**
 * Earlier lists for `forecast` from rows in the classify format: per boligområde id, its
 * years (listedato, the published status, the figures). A row without id or a valid
 * listedato is reported (at `file`, when given) and left out.
 */
export function historikFromRows(rows: readonly InputRow[], file?: string): { history: Record<string, HistorikAar[]>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  // null prototype: an area named constructor or __proto__ is a name like any other
  const history = Object.create(null) as Record<string, HistorikAar[]>;
  for (const r of rows) {
    if (r.errors.length > 0 || typeof r.value !== 'object' || r.value === null) continue;
    const { listedato, offentliggjortParallelsamfund, ...input } = r.value as Record<string, unknown>;
    const id = input.id;
    if (typeof id !== 'string' || typeof listedato !== 'string' || !isIsoDate(listedato)) {
      errors.push(diagnostic({ code: 'input-row', severity: 'error', ...(file !== undefined ? { file } : {}), row: r.row, field: 'listedato', message: 'rækken mangler id eller en gyldig listedato' }));
      continue;
    }
    (history[id] ??= []).push({
      listedato,
      ...(typeof offentliggjortParallelsamfund === 'boolean' ? { offentliggjortParallelsamfund } : {}),
      input: input as unknown as HistorikAar['input'],
    });
  }
  return { history, errors };
}

/** The forecasts by boligområde, as `forecast` shows them. */
export function sortPrognoser(prognoser: readonly Prognose[]): Prognose[] {
  return [...prognoser].sort((a, b) => a.boligomraade.localeCompare(b.boligomraade));
}

/** The JSON answer of `forecast`: each forecast (sorted as {@link sortPrognoser}), then one `fejl` entry per error. */
export function forecastJson(prognoser: readonly Prognose[], diagnostics: readonly Diagnostic[]): unknown[] {
  const json = prognoser.map((p) => ({ ...klassifikationJson({ ok: true, klassifikation: p.klassifikation }), afdelinger: p.afdelinger, optaelling: p.optaelling, margener: p.margener }));
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...(d.row !== undefined ? { raekke: d.row } : {}), ...(d.id !== undefined ? { id: d.id } : {}), ...(d.field !== undefined ? { kolonne: d.field } : {}), besked: d.message }));
  return errors.length > 0 ? [...json, ...errors.map((e) => ({ fejl: [e] }))] : json;
}
