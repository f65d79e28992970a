/**
 * `boligsocial screen <afdelinger.csv|json> --as-of <date>`: screens afdelinger and prints
 * a Danish table (or JSON/CSV); `--explain <id>` prints the full reasoning for one.
 * Bad rows are reported on stderr with row number, column and reason; good rows are
 * still screened, and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic, type Diagnostic, diagnostic } from '../../errors.js';
import { displayPath } from '../../rules/registry.js';
import { readAfdelingerCsv } from '../../screening/csv.js';
import { formatScreeningCsv, formatScreeningExplanation, formatScreeningTable } from '../../screening/format.js';
import { type BoligomraadeStatusMap, screenAfdelinger } from '../../screening/screen.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return reportUsage(ctx, `filen ${file} kan ikke læses`, 'Kontrollér stien.');
  }
  const shown = displayPath(path, ctx.io.cwd);
  let afdelinger: readonly unknown[];
  const diagnostics: Diagnostic[] = [];
  if (extname(path).toLowerCase() === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      diagnostics.push(diagnostic({ code: 'input-invalid', severity: 'error', file: shown, message: `JSON-filen kan ikke læses: ${(error as Error).message}`, hint: 'Kontrollér filens syntaks.' }));
      data = [];
    }
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
    try {
      statusMap = JSON.parse(readFileSync(ctx.resolvePath(options.status), 'utf8')) as BoligomraadeStatusMap;
    } catch {
      return reportUsage(ctx, `statusfilen ${options.status} kan ikke læses som JSON`, 'Skriv {"<boligområde>": ["udsat-boligomraade"], …}.');
    }
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
