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

interface ScreenCliOptions {
  asOf: string;
  format: string;
  explain?: string;
  status?: string;
}

/** Registers the `screen` command on the program. */
export function registerScreenCommand(program: Command, ctx: CliContext): void {
  program
    .command('screen')
    .description('screen afdelinger: udløste indikatorer, ændringer siden sidst og den indsats der passer')
    .argument('<fil>', 'afdelinger som CSV (én række pr. afdeling og periode) eller JSON (en liste af afdelinger)')
    .requiredOption('--as-of <dato>', 'screeningsdatoen (ÅÅÅÅ-MM-DD): seneste periode på eller før datoen, regler i kraft på datoen')
    .option('--format <format>', 'table, json eller csv', 'table')
    .option('--explain <id>', 'vis den fulde begrundelse for én afdeling')
    .option('--status <fil>', 'JSON med boligområdernes officielle status: {"<boligområde>": ["udsat-boligomraade"], …}')
    .addHelpText('after', examples('boligsocial screen fixtures/afdelinger.csv --as-of 2024-12-01', 'boligsocial screen fixtures/afdelinger.csv --as-of 2024-12-01 --explain 352 # begrundelsen for én afdeling'))
    .action((file: string, options: ScreenCliOptions) => run(file, options, ctx));
}


function run(file: string, options: ScreenCliOptions, ctx: CliContext): void {
  const { asOf } = options;
  if (!isIsoDate(asOf)) return reportUsage(ctx, `--as-of "${asOf}" er ikke en gyldig dato`, 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-12-01.');
  if (!['table', 'json', 'csv'].includes(options.format)) return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table, json eller csv.');

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
    statusMap = status.value.value as BoligomraadeStatusMap;
  }

  const explainId = options.explain;
  const batch = screenAfdelinger(afdelinger, {
    asOf,
    rules: ctx.registry(),
    ...(statusMap ? { boligomraadeStatus: statusMap } : {}),
    // explanations are only built when one is asked for; the table needs decisions only
    explain: explainId !== undefined,
  });
  diagnostics.push(...batch.diagnostics.map((d) => (d.file === undefined ? { ...d, file: shown } : d)));
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
