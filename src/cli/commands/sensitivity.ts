/**
 * `boligsocial sensitivity <command> <data> [the command's options] --parameter <id>.<name>
 * --from <a> --to <b> --step <s>`: per value, the rows per outcome; per row, the values at
 * which it flips (exact where the parameter meets a figure), nearest to today's value first.
 */
import type { Command } from 'commander';
import { parseParameterRef } from '../../compare/setting.js';
import { sensitivityOf } from '../../compare/sensitivity.js';
import { formatSensitivity } from '../../compare/sensitivity-format.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
import { printDiagnostics } from '../what-if.js';
import { type PreparedQuestion, QUESTION_READERS, type QuestionCommand, reportDisableError } from './compare.js';

interface SensitivityCliOptions {
  parameter: string;
  from: string;
  to: string;
  step: string;
  format: string;
  rows?: string;
}

/** Registers `sensitivity` with one subcommand per question. */
export function registerSensitivityCommand(program: Command, ctx: CliContext): void {
  const sensitivity = program
    .command('sensitivity')
    .description('følsomhed: én parameter over et interval — rækker pr. udfald for hver værdi, og hvor hver række vender, nærmest først')
    .addHelpText(
      'after',
      examples(
        'boligsocial sensitivity classify fixtures/boligomraader.csv --parameter classification.maxUdenArbejdePct --from 39 --to 43 --step 0.1 # hvor boligområderne skifter liste',
        'boligsocial sensitivity screen fixtures/afdelinger.csv --as-of 2024-12-01 --parameter screening.maxFlyttefrekvensPct --from 8 --to 20 --step 1 --rows 10',
      ),
    );
  for (const [name, reader] of Object.entries(QUESTION_READERS) as [QuestionCommand, (typeof QUESTION_READERS)[QuestionCommand]][]) {
    reader
      .addInput(sensitivity.command(name).description(`følsomheden af ${reader.description} for én parameter`))
      .requiredOption('--parameter <regelsæt.parameter>', 'parameteren, fx classification.maxUdenArbejdePct (<regelsæt>@<version>.<parameter> for én version)')
      .requiredOption('--from <værdi>', 'første værdi')
      .requiredOption('--to <værdi>', 'sidste værdi')
      .requiredOption('--step <trin>', 'afstanden mellem værdierne')
      .option('--rows <antal>', 'vis højst så mange rækker i listen over dem, der er nærmest at vende (table)')
      .option('--format <format>', 'table eller json', 'table')
      .action((file: string, options: SensitivityCliOptions) => {
        run(ctx, options, () => (reader.read as (f: string, o: SensitivityCliOptions, c: CliContext) => PreparedQuestion | undefined)(file, options, ctx));
      });
  }
}

function run(ctx: CliContext, options: SensitivityCliOptions, prepare: () => PreparedQuestion | undefined): void {
  if (options.format !== 'table' && options.format !== 'json') return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table eller json.');
  const maxRows = options.rows === undefined ? undefined : Number(options.rows);
  if (maxRows !== undefined && (!Number.isInteger(maxRows) || maxRows < 0)) return reportUsage(ctx, `--rows skal være et helt tal, ikke "${options.rows}"`, 'Skriv fx --rows 20.');
  const ref = parseParameterRef(options.parameter);
  if (!ref.ok) {
    printDiagnostics(ctx, ref.errors.map((d) => ({ ...d, message: `--parameter: ${d.message}` })));
    ctx.setExitCode(EXIT.usage);
    return;
  }
  const prepared = prepare();
  if (prepared === undefined) return;
  let result;
  try {
    result = sensitivityOf(prepared.question, { rules: ctx.registry(), domains: ctx.domains, parameter: ref.value, from: options.from, to: options.to, step: options.step });
  } catch (error) {
    reportDisableError(ctx, error);
    return;
  }
  if (!result.ok) {
    printDiagnostics(ctx, result.errors);
    ctx.setExitCode(EXIT.usage);
    return;
  }
  const s = result.value;
  const problems = [...prepared.inputDiagnostics, ...s.diagnostics.map(prepared.locate)];
  printDiagnostics(ctx, problems);
  if (problems.some((d) => d.severity === 'error')) ctx.setExitCode(EXIT.findings);
  if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(s, null, 2)}\n`);
  else writeText(ctx, formatSensitivity(s, maxRows !== undefined ? { maxRows } : {}));
}
