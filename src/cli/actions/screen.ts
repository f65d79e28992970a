/** What `boligsocial screen` does: see `../commands/screen.ts` for its options and help. */
import { extname } from 'node:path';
import { screeningJson } from '../../answers/index.js';
import { isIsoDate } from '../../domain/calendar.js';
import { safeParseDanish } from '../../domain/parse.js';
import { formatDiagnostic, type Diagnostic, diagnostic } from '../../errors.js';
import { displayPath, parseJsonDocument, readJsonFile, readTextFile, schemaDiagnostics } from '../../rules/index.js';
import { type BoligomraadeStatusMap, boligomraadeStatusMapSchema, formatScreeningCsv, formatScreeningExplanation, formatScreeningHtml, formatScreeningTable, readAfdelingerCsv, screenAfdelinger } from '../../screening/index.js';
import { type CliContext, EXIT, reportUnreadable, reportUsage, writeText } from '../io.js';
import { checkFormat, type ReportOutputOptions, writeReport } from '../report.js';

/** The options of `screen` that say what to screen (shared with `compare screen` and `sensitivity screen`). */
export interface ScreenInputOptions {
  asOf: string;
  status?: string;
}

/** The options of `screen`. */
export interface ScreenCliOptions extends ScreenInputOptions, ReportOutputOptions {
  format: string;
  explain?: string;
}

/** What `screen` reads: the afdelinger, the screening options, the file as shown, and problems found reading it. */
export interface ScreenInput {
  readonly afdelinger: readonly unknown[];
  readonly options: { readonly asOf: string; readonly boligomraadeStatus?: BoligomraadeStatusMap };
  readonly shown: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads the input of `screen` (CSV or JSON afdelinger, `--status`); reports a usage error
 * and returns undefined when the date, the file or the status file cannot be used.
 */
export function readScreenInput(file: string, options: ScreenInputOptions, ctx: CliContext): ScreenInput | undefined {
  const { asOf } = options;
  if (!isIsoDate(asOf)) {
    reportUsage(ctx, `--as-of "${asOf}" er ikke en gyldig dato`, 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-12-01.');
    return undefined;
  }
  const path = ctx.resolvePath(file);
  const shown = displayPath(path, ctx.io.cwd);
  const read = readTextFile(path, shown);
  if (!read.ok) return reportUnreadable(ctx, read.errors);
  const text = read.value;
  let afdelinger: readonly unknown[];
  const diagnostics: Diagnostic[] = [];
  if (extname(path).toLowerCase() === '.json') {
    const doc = parseJsonDocument(text, shown, { data: true });
    if (!doc.ok) return reportUnreadable(ctx, doc.errors);
    const data = doc.value.value;
    const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { afdelinger?: unknown }).afdelinger) ? (data as { afdelinger: unknown[] }).afdelinger : undefined;
    if (list === undefined) diagnostics.push(diagnostic({ code: 'input-invalid', severity: 'error', file: shown, message: 'JSON-filen skal være en liste af afdelinger', hint: 'Skriv [ {...}, {...} ] eller { "afdelinger": [ ... ] }.' }));
    afdelinger = list ?? [];
  } else {
    const read = readAfdelingerCsv(text, shown);
    diagnostics.push(...read.diagnostics);
    afdelinger = read.afdelinger;
  }

  let statusMap: BoligomraadeStatusMap | undefined;
  if (options.status !== undefined) {
    const statusPath = ctx.resolvePath(options.status);
    const status = readJsonFile(statusPath, displayPath(statusPath, ctx.io.cwd), { data: true });
    if (!status.ok) return reportUnreadable(ctx, status.errors);
    const checked = safeParseDanish(boligomraadeStatusMapSchema, status.value.value);
    if (!checked.success) {
      const located = schemaDiagnostics(status.value, checked.error.issues, { code: 'input-invalid' });
      return reportUnreadable(ctx, located.map((d) => diagnostic({ ...d, hint: 'Ret statussen; filen har formen {"<boligområde>": ["<status>", …]}, og "ingen" eller [] betyder på ingen liste.' })));
    }
    statusMap = status.value.value as BoligomraadeStatusMap;
  }
  return { afdelinger, options: { asOf, ...(statusMap ? { boligomraadeStatus: statusMap } : {}) }, shown, diagnostics };
}

/** Screening diagnostics with the input file named where they name none. */
export function screenDiagnostics(input: ScreenInput, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.file === undefined ? { ...d, file: input.shown } : d));
}

/** Screens the afdelinger of `file` and prints them (or one afdeling's reasoning). */
export function runScreen(file: string, options: ScreenCliOptions, ctx: CliContext): void {
  if (!checkFormat(ctx, options.format, ['table', 'json', 'csv', 'html'], options.output)) return;
  const input = readScreenInput(file, options, ctx);
  if (input === undefined) return;
  const { asOf } = input.options;
  const { shown } = input;
  const explainId = options.explain;
  const batch = screenAfdelinger(input.afdelinger, {
    ...input.options,
    rules: ctx.registry(),
    // explanations are only built when one is asked for (or the report shows them); the table needs decisions only
    explain: explainId !== undefined || options.format === 'html',
  });
  const diagnostics = [...input.diagnostics, ...screenDiagnostics(input, batch.diagnostics)];
  for (const d of diagnostics) ctx.io.stderr(`${formatDiagnostic(d)}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) ctx.setExitCode(EXIT.findings);

  if (explainId !== undefined) {
    const one = batch.results.find((r) => r.afdeling.id === explainId);
    if (one === undefined) {
      ctx.io.stderr(`fejl: afdeling ${explainId} findes ikke blandt de screenede afdelinger i ${shown}\n`);
      ctx.setExitCode(EXIT.findings);
      return;
    }
    if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(one, null, 2)}\n`);
    else if (options.format === 'html') writeReport(ctx, formatScreeningHtml([one], asOf), options.output);
    else writeText(ctx, formatScreeningExplanation(one));
    return;
  }
  if (options.format === 'html') {
    writeReport(ctx, formatScreeningHtml(batch.results, asOf), options.output);
  } else if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify(screeningJson(asOf, batch.results, diagnostics), null, 2)}\n`);
  } else if (options.format === 'csv') {
    ctx.io.stdout(formatScreeningCsv(batch.results));
  } else {
    writeText(ctx, formatScreeningTable(batch.results, asOf));
  }
}
