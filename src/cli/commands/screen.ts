/**
 * `boligsocial screen <afdelinger.csv|json> --as-of <date>`: screens afdelinger and prints
 * a Danish table (or JSON/CSV); `--explain <id>` prints the full reasoning for one.
 * Bad rows are reported on stderr with row number, column and reason; good rows are
 * still screened, and the exit code is 1.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic, type Diagnostic, diagnostic } from '../../errors.js';
import { readJsonFile, readTextFile } from '../../rules/files.js';
import { parseJsonDocument } from '../../rules/json-document.js';
import { displayPath } from '../../rules/registry.js';
import { readAfdelingerCsv } from '../../screening/csv.js';
import { formatScreeningCsv, formatScreeningExplanation, formatScreeningTable } from '../../screening/format.js';
import { type BoligomraadeStatusMap, screenAfdelinger } from '../../screening/screen.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT, reportUnreadable, reportUsage, writeText } from '../io.js';
import { isIsoDate } from '../../domain/calendar.js';
import { safeParseDanish } from '../../domain/parse.js';
import { schemaDiagnostics } from '../../rules/schema-issues.js';
import { boligomraadeStatusMapSchema } from '../../screening/status-map.js';

/** The options of `screen` that say what to screen (shared with `compare screen` and `sensitivity screen`). */
export interface ScreenInputOptions {
  asOf: string;
  status?: string;
}

interface ScreenCliOptions extends ScreenInputOptions {
  format: string;
  explain?: string;
}

/** Adds the options that say what to screen: `--as-of` and `--status`. */
export function addScreenInputOptions(command: Command): Command {
  return command
    .argument('<fil>', 'afdelinger som CSV (én række pr. afdeling og periode) eller JSON (en liste af afdelinger)')
    .requiredOption('--as-of <dato>', 'screeningsdatoen (ÅÅÅÅ-MM-DD): seneste periode på eller før datoen, regler i kraft på datoen')
    .option('--status <fil>', 'JSON med boligområdernes officielle status: {"<boligområde>": ["udsat-boligomraade"], …}');
}

/** Registers the `screen` command on the program. */
export function registerScreenCommand(program: Command, ctx: CliContext): void {
  addScreenInputOptions(program.command('screen').description('screen afdelinger: udløste indikatorer, ændringer siden sidst og den indsats der passer'))
    .option('--format <format>', 'table, json eller csv', 'table')
    .option('--explain <id>', 'vis den fulde begrundelse for én afdeling')
    .addHelpText('after', examples('boligsocial screen fixtures/afdelinger.csv --as-of 2024-12-01', 'boligsocial screen fixtures/afdelinger.csv --as-of 2024-12-01 --explain 352 # begrundelsen for én afdeling'))
    .action((file: string, options: ScreenCliOptions) => run(file, options, ctx));
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

function run(file: string, options: ScreenCliOptions, ctx: CliContext): void {
  if (!['table', 'json', 'csv'].includes(options.format)) return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table, json eller csv.');
  const input = readScreenInput(file, options, ctx);
  if (input === undefined) return;
  const { asOf } = input.options;
  const { shown } = input;
  const explainId = options.explain;
  const batch = screenAfdelinger(input.afdelinger, {
    ...input.options,
    rules: ctx.registry(),
    // explanations are only built when one is asked for; the table needs decisions only
    explain: explainId !== undefined,
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
    else writeText(ctx, formatScreeningExplanation(one));
    return;
  }
  if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({ asOf, results: batch.results, diagnostics }, null, 2)}\n`);
  } else if (options.format === 'csv') {
    ctx.io.stdout(formatScreeningCsv(batch.results));
  } else {
    writeText(ctx, formatScreeningTable(batch.results, asOf));
  }
}
