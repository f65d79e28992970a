/** What `boligsocial classify` and `boligsocial forecast` do: see `../commands/classify.ts` for their options and help. */
import { extname } from 'node:path';
import { forecastJson, historikFromRows, type InputRow, isGoodRow, sortPrognoser, udfaldOfRows } from '../../answers/index.js';
import {
  classifyEach,
  columnOf,
  forecastBoligomraader,
  formatKlassifikationForklaring,
  formatKlassifikationHtml,
  formatPrognoseHtml,
  type HistorikAar,
  KATEGORIER,
  type Klassifikation,
  klassifikationCsvSink,
  klassifikationJsonSink,
  klassifikationTableSink,
  type Prognose,
  readBoligomraaderCsv,
  readPrognoseCsv,
  type UdfaldRaekke,
  type UdfaldSink,
} from '../../classification/index.js';
import { isIsoDate } from '../../domain/calendar.js';
import { type Diagnostic, diagnostic, didYouMean, formatDiagnostic } from '../../errors.js';
import { chunked } from '../../format/chunked.js';
import { antal, formatDato, formatSandhed, formatTal } from '../../format/danish.js';
import { renderTable } from '../../format/table.js';
import { displayPath, parseJsonDocument, readTextFile } from '../../rules/index.js';
import { type CliContext, EXIT, reportUnreadable, reportUsage, writeText } from '../io.js';
import { checkFormat, type ReportOutputOptions, writeReport } from '../report.js';

/** The options of `classify` that say what to classify (shared with `compare classify` and `sensitivity classify`). */
export interface ClassifyInputOptions {
  disable: string[];
  forebyggelseUdenUdsatte?: boolean;
}

/** The options of `classify`. */
export interface ClassifyCliOptions extends ClassifyInputOptions, ReportOutputOptions {
  format: string;
  explain?: string;
  listedato?: string;
}

/** The options of `forecast` that say what to forecast (shared with `compare forecast` and `sensitivity forecast`). */
export interface ForecastInputOptions {
  listedato: string;
  historik?: string;
  disable: string[];
}

/** The options of `forecast`. */
export interface ForecastCliOptions extends ForecastInputOptions, ReportOutputOptions {
  format: string;
  explain?: string;
}

function readText(ctx: CliContext, file: string): { text: string; shown: string; json: boolean } | undefined {
  const path = ctx.resolvePath(file);
  const shown = displayPath(path, ctx.io.cwd);
  const read = readTextFile(path, shown);
  if (!read.ok) {
    reportUnreadable(ctx, read.errors);
    return undefined;
  }
  return { text: read.value, shown, json: extname(path).toLowerCase() === '.json' };
}

function readJsonArray(text: string, shown: string, what: string): { list: unknown[]; errors: Diagnostic[] } {
  const doc = parseJsonDocument(text, shown, { data: true });
  if (!doc.ok) return { list: [], errors: [...doc.errors] };
  const data = doc.value.value;
  if (!Array.isArray(data)) return { list: [], errors: [diagnostic({ code: 'input-invalid', severity: 'error', file: shown, message: `JSON-filen skal være en liste af ${what}`, hint: 'Skriv [ {...}, {...} ].' })] };
  return { list: data, errors: [] };
}

/** Reads classify rows from CSV or JSON: the input objects with their row numbers, and problems. */
function readRows(text: string, shown: string, json: boolean): { rows: readonly InputRow[]; fileErrors: Diagnostic[] } {
  if (json) {
    const { list, errors } = readJsonArray(text, shown, 'boligområderækker');
    return { rows: list.map((value, i) => ({ row: i + 1, value, errors: [] })), fileErrors: errors };
  }
  const csv = readBoligomraaderCsv(text, shown);
  return { rows: csv.entries, fileErrors: [...csv.diagnostics] };
}

/** What `classify` reads: the rows with their row numbers and per-row problems, the file's own problems, and how it is shown. */
export interface ClassifyInput {
  readonly rows: readonly InputRow[];
  readonly fileErrors: readonly Diagnostic[];
  readonly shown: string;
  readonly json: boolean;
  /** The batch options the input options give. */
  readonly options: { readonly disable: readonly string[]; readonly forebyggelseUdelukkerUdsatte?: true };
}

/** Reads the input of `classify`; reports a usage error and returns undefined when the file cannot be read. */
export function readClassifyInput(file: string, options: ClassifyInputOptions, ctx: CliContext): ClassifyInput | undefined {
  const read = readText(ctx, file);
  if (read === undefined) return undefined;
  const { rows, fileErrors } = readRows(read.text, read.shown, read.json);
  return { rows, fileErrors, shown: read.shown, json: read.json, options: { disable: options.disable, ...(options.forebyggelseUdenUdsatte === true ? { forebyggelseUdelukkerUdsatte: true as const } : {}) } };
}

/** The rows of a classify input that read without problems: what the classification is given. */
export function goodRows(input: ClassifyInput): ClassifyInput['rows'] {
  return input.rows.filter(isGoodRow);
}

/** A classification diagnostic (its row = position among the good rows) located at the input's row and column. */
export function locateClassifyDiagnostic(input: ClassifyInput, good: ClassifyInput['rows'], d: Diagnostic): Diagnostic {
  const row = d.row !== undefined ? good[d.row - 1]?.row : undefined;
  return diagnostic({ ...d, ...(row !== undefined ? { row } : {}), file: input.shown, ...(d.field !== undefined ? { field: input.json ? d.field : columnOf(d.field) } : {}) });
}

/** Classifies the rows of `file` and prints them (or one area's reasoning). */
export function runClassify(file: string, options: ClassifyCliOptions, ctx: CliContext): void {
  if (!checkFormat(ctx, options.format, ['table', 'json', 'csv', 'html'], options.output)) return;
  if (options.listedato !== undefined && !isIsoDate(options.listedato)) return reportUsage(ctx, `--listedato "${options.listedato}" er ikke en gyldig dato`, 'Skriv datoen som ÅÅÅÅ-MM-DD.');
  const input = readClassifyInput(file, options, ctx);
  if (input === undefined) return;
  const { rows, fileErrors } = input;
  for (const d of fileErrors) ctx.io.stderr(`${formatDiagnostic(d)}\n`);
  if (fileErrors.some((d) => d.severity === 'error')) ctx.setExitCode(EXIT.findings);

  const good = goodRows(input);
  const results = classifyEach(
    good.map((r) => r.value),
    { rules: ctx.registry(), ...input.options },
  )[Symbol.iterator]();
  const out = chunked((text) => ctx.io.stdout(text));
  const explain = options.explain === undefined ? undefined : explainSink(options.explain, options.listedato);
  const report: UdfaldRaekke[] = [];
  let sink: UdfaldSink;
  if (explain !== undefined) sink = explain;
  else if (options.format === 'html') sink = { add: (r) => report.push(r), end: () => writeReport(ctx, formatKlassifikationHtml(report), options.output) };
  else if (options.format === 'json') sink = klassifikationJsonSink(out.write);
  else if (options.format === 'csv') sink = klassifikationCsvSink(out.write);
  else sink = klassifikationTableSink((text) => writeText(ctx, text));
  // one row at a time: each classification is written out (or kept as its cells) and let go
  let bad = 0;
  for (const udfald of udfaldOfRows(rows, results, (d) => locateClassifyDiagnostic(input, good, d))) {
    if (!udfald.ok) {
      bad++;
      for (const d of udfald.errors) ctx.io.stderr(`${formatDiagnostic(d)}\n`);
    }
    sink.add(udfald);
  }
  if (bad > 0) ctx.setExitCode(EXIT.findings);
  sink.end();
  out.flush();
  if (explain === undefined) return;
  if (explain.matches.length === 0) {
    const ids = [...explain.ids];
    const guess = didYouMean(explain.id, ids);
    return reportUsage(ctx, `boligområdet "${explain.id}"${options.listedato !== undefined ? ` på listen ${options.listedato}` : ''} findes ikke blandt de klassificerede rækker`, guess !== undefined ? `Mente du "${guess}"?` : `Kendte id'er: ${ids.join(', ')}`);
  }
  if (options.format === 'html') writeReport(ctx, formatKlassifikationHtml(explain.matches.map((k) => ({ ok: true, klassifikation: k }))), options.output);
  else writeText(ctx, explain.matches.map(formatKlassifikationForklaring).join('\n'));
}

/** `--explain`: keeps the classifications of one id (on one list, when given), and every id seen for the did-you-mean. */
function explainSink(id: string, listedato: string | undefined): UdfaldSink & { readonly id: string; readonly matches: Klassifikation[]; readonly ids: Set<string> } {
  const matches: Klassifikation[] = [];
  const ids = new Set<string>();
  return {
    id,
    matches,
    ids,
    add(r) {
      if (!r.ok) return;
      const k = r.klassifikation;
      ids.add(k.id);
      if (k.id === id && (listedato === undefined || k.listedato === listedato)) matches.push(k);
    },
    end() {},
  };
}

function readHistorik(ctx: CliContext, file: string): { history: Record<string, HistorikAar[]>; errors: Diagnostic[] } | undefined {
  const read = readText(ctx, file);
  if (read === undefined) return undefined;
  const { rows, fileErrors } = readRows(read.text, read.shown, read.json);
  const fromRows = historikFromRows(rows, read.shown);
  return { history: fromRows.history, errors: [...fileErrors, ...rows.flatMap((r) => r.errors), ...fromRows.errors] };
}

/** What `forecast` reads: the usable afdelinger with their input rows, the history, and the problems found reading them. */
export interface ForecastInput {
  /** The afdelinger of boligområder without bad rows, with their 1-based input rows. */
  readonly usable: readonly { readonly row: number; readonly value: unknown }[];
  readonly options: { readonly listedato: string; readonly history: Readonly<Record<string, readonly HistorikAar[]>>; readonly disable: readonly string[] };
  readonly shown: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads the input of `forecast` (afdelinger, `--historik`); reports a usage error and returns
 * undefined when the date or a file cannot be used.
 */
export function readForecastInput(file: string, options: ForecastInputOptions, ctx: CliContext): ForecastInput | undefined {
  if (!isIsoDate(options.listedato)) {
    reportUsage(ctx, `--listedato "${options.listedato}" er ikke en gyldig dato`, 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-01.');
    return undefined;
  }
  const read = readText(ctx, file);
  if (read === undefined) return undefined;
  const diagnostics: Diagnostic[] = [];
  let afdelinger: { row: number; value: unknown }[] = [];
  let badAreas = new Set<string>();
  if (read.json) {
    const { list, errors } = readJsonArray(read.text, read.shown, 'afdelinger');
    diagnostics.push(...errors);
    afdelinger = list.map((value, i) => ({ row: i + 1, value }));
  } else {
    const csv = readPrognoseCsv(read.text, read.shown);
    diagnostics.push(...csv.diagnostics);
    afdelinger = [...csv.afdelinger];
    badAreas = new Set(csv.badAreas);
  }
  let history: Record<string, HistorikAar[]> = {};
  if (options.historik !== undefined) {
    const h = readHistorik(ctx, options.historik);
    if (h === undefined) return undefined;
    diagnostics.push(...h.errors);
    history = h.history;
  }
  const areaOf = (v: unknown) => (typeof v === 'object' && v !== null && typeof (v as { boligomraade?: unknown }).boligomraade === 'string' ? (v as { boligomraade: string }).boligomraade : undefined);
  for (const area of badAreas) diagnostics.push(diagnostic({ code: 'input-row', severity: 'error', id: area, field: 'boligomraade', message: `boligområdet ${area} prognosticeres ikke, fordi en af dets afdelinger har fejl` }));
  const usable = afdelinger.filter((a) => !badAreas.has(areaOf(a.value) ?? ''));
  return { usable, options: { listedato: options.listedato, history, disable: options.disable }, shown: read.shown, diagnostics };
}

/** A forecast diagnostic (its row = position among the usable afdelinger) located at the input's row. */
export function locateForecastDiagnostic(input: ForecastInput, d: Diagnostic): Diagnostic {
  return d.row !== undefined ? diagnostic({ ...d, row: input.usable[d.row - 1]?.row ?? d.row, file: input.shown }) : d;
}

/** Forecasts the next list from the afdelinger of `file` and prints it (or one area's reasoning). */
export function runForecast(file: string, options: ForecastCliOptions, ctx: CliContext): void {
  if (!checkFormat(ctx, options.format, ['table', 'json', 'html'], options.output)) return;
  const input = readForecastInput(file, options, ctx);
  if (input === undefined) return;
  const diagnostics: Diagnostic[] = [...input.diagnostics];
  const result = forecastBoligomraader(
    input.usable.map((a) => a.value),
    { ...input.options, rules: ctx.registry() },
  );
  for (const d of result.errors) diagnostics.push(locateForecastDiagnostic(input, d));
  for (const d of diagnostics) ctx.io.stderr(`${formatDiagnostic(d)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) ctx.setExitCode(EXIT.findings);

  const prognoser = sortPrognoser(result.prognoser);
  if (options.explain !== undefined) {
    const p = prognoser.find((x) => x.boligomraade === options.explain);
    if (p === undefined) {
      const guess = didYouMean(options.explain, prognoser.map((x) => x.boligomraade));
      return reportUsage(ctx, `boligområdet "${options.explain}" findes ikke i prognosen`, guess !== undefined ? `Mente du "${guess}"?` : `Kendte: ${prognoser.map((x) => x.boligomraade).join(', ')}`);
    }
    if (options.format === 'html') writeReport(ctx, formatPrognoseHtml([p], input.options.listedato, diagnostics), options.output);
    else writeText(ctx, `${formatPrognose(p)}\n${formatKlassifikationForklaring(p.klassifikation)}`);
    return;
  }
  if (options.format === 'html') {
    writeReport(ctx, formatPrognoseHtml(prognoser, input.options.listedato, diagnostics), options.output);
    return;
  }
  if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify(forecastJson(prognoser, diagnostics), null, 2)}\n`);
    return;
  }
  writeText(ctx, prognoser.map(formatPrognose).join('\n'));
  const errs = diagnostics.filter((d) => d.severity === 'error');
  if (errs.length > 0) writeText(ctx, `\nFejl i input:\n${errs.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}\n`);
}

/** One forecast as Danish text: the categories and a table of margins. */
function formatPrognose(p: Prognose): string {
  const k = p.klassifikation;
  const lines = [
    `Boligområde ${p.boligomraade}${k.navn !== undefined ? ` ${k.navn}` : ''} (${antal(p.afdelinger.length, 'afdeling', 'afdelinger')}: ${p.afdelinger.join(', ')}) — prognose for listen ${formatDato(k.listedato)}, regler fra ${k.ruleSets.map((r) => r.version).join(' og ')}`,
  ];
  for (const kategori of KATEGORIER) {
    const r = k.kategorier[kategori];
    if (r !== undefined) lines.push(`  ${r.navn}: ${formatSandhed(r.outcome)}${r.afhaengerAfIkkeVestlig ? ' (afhænger af ikke-vestlig-kriteriet)' : ''}`);
  }
  if (k.historik !== undefined) lines.push(`  lister i træk, den aktuelle medregnet: ${k.historik.aarIRaekke ?? 'ukendt'} (kræver ${k.historik.minAarIRaekke})`);
  if (k.mangler.length > 0) lines.push(`  mangler: ${k.mangler.join(', ')}`);
  const rows = p.margener.map((m) => [m.titel, m.vaerdi === null ? 'ukendt' : roundForDisplay(m.vaerdi), formatTal(m.graense), m.opfyldt === null ? 'ukendt' : m.opfyldt ? 'ja' : 'nej', m.tekst.replace(/^(ikke )?opfyldt, /, '')]);
  return `${lines.join('\n')}\n${renderTable([{ header: 'Kriterium' }, { header: 'Værdi', right: true }, { header: 'Grænse', right: true }, { header: 'Opfyldt' }, { header: 'Afstand og hvad der skal til', wrap: true }], rows)}`;
}

/** A long non-terminating value shown with four decimals, marked as approximate. */
function roundForDisplay(v: string): string {
  const f = v.split('.')[1];
  return f !== undefined && f.length > 4 ? `≈${formatTal(v, 4)}` : formatTal(v);
}
