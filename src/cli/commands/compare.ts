/**
 * `boligsocial compare <command> <data> [the command's options] [--before-rules <dir>]
 * [--after-rules <dir>] [--after-set <id>.<parameter>=<value>]… [--after-disable <name>]…`:
 * the same command on two rule versions, every row whose outcomes differ with the
 * conditions that flipped, then the counts per outcome before and after. The input is
 * read by the command's own reader, so it means exactly what it means to the command.
 */
import type { Command } from 'commander';
import { compareQuestion } from '../../compare/compare.js';
import { formatComparisonCsv, formatComparisonTable } from '../../compare/format.js';
import { classificationQuestion, forecastQuestion } from '../../compare/questions/classification.js';
import { financingQuestion } from '../../compare/questions/financing.js';
import { lifecycleQuestion } from '../../compare/questions/lifecycle.js';
import { screeningQuestion } from '../../compare/questions/screening.js';
import type { WhatIfQuestion } from '../../compare/types.js';
import { BoligsocialError, type Diagnostic, formatDiagnostic } from '../../errors.js';
import { withLocation } from '../../rules/json-document.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
import { addWhatIfOptions, printDiagnostics, type WhatIfCliOptions, whatIfSides } from '../what-if.js';
import { addClassifyInputOptions, addForecastInputOptions, type ClassifyInputOptions, type ForecastInputOptions, goodRows, locateClassifyDiagnostic, locateForecastDiagnostic, readClassifyInput, readForecastInput } from './classify.js';
import { addFinancingInputOptions, readFinancingInput } from './financing.js';
import { addLifecycleInputOptions, type LifecycleInputOptions, readLifecycleInput } from './lifecycle.js';
import { addScreenInputOptions, readScreenInput, type ScreenInputOptions, screenDiagnostics } from './screen.js';

/** A question read from the command line, with the problems found reading its input and how to locate the answer's problems. */
export interface PreparedQuestion {
  readonly question: WhatIfQuestion;
  readonly inputDiagnostics: readonly Diagnostic[];
  readonly locate: (d: Diagnostic) => Diagnostic;
}

/** How each command reads its input into a what-if question (shared with `sensitivity`). */
export const QUESTION_READERS = {
  classify: {
    description: 'klassifikationen af boligområder',
    addInput: addClassifyInputOptions,
    read: (file: string, options: ClassifyInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
      const input = readClassifyInput(file, options, ctx);
      if (input === undefined) return undefined;
      const good = goodRows(input);
      return {
        question: classificationQuestion(good.map((r) => r.value), input.options),
        inputDiagnostics: [...input.fileErrors, ...input.rows.flatMap((r) => r.errors)],
        locate: (d) => locateClassifyDiagnostic(input, good, d),
      };
    },
  },
  forecast: {
    description: 'prognosen for den næste liste',
    addInput: addForecastInputOptions,
    read: (file: string, options: ForecastInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
      const input = readForecastInput(file, options, ctx);
      if (input === undefined) return undefined;
      return { question: forecastQuestion(input.usable.map((a) => a.value), input.options), inputDiagnostics: input.diagnostics, locate: (d) => locateForecastDiagnostic(input, d) };
    },
  },
  screen: {
    description: 'screeningen af afdelinger',
    addInput: addScreenInputOptions,
    read: (file: string, options: ScreenInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
      const input = readScreenInput(file, options, ctx);
      if (input === undefined) return undefined;
      return { question: screeningQuestion(input.afdelinger, input.options), inputDiagnostics: input.diagnostics, locate: (d) => screenDiagnostics(input, [d])[0] ?? d };
    },
  },
  lifecycle: {
    description: 'indsatsernes livsforløb',
    addInput: addLifecycleInputOptions,
    read: (file: string, options: LifecycleInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
      const input = readLifecycleInput(file, options, ctx);
      if (input === undefined) return undefined;
      return { question: lifecycleQuestion(input.indsatser, input.options), inputDiagnostics: input.errors, locate: (d) => d };
    },
  },
  financing: {
    description: 'finansieringsplanens fordeling og betalingsevne',
    addInput: addFinancingInputOptions,
    read: (file: string, _options: object, ctx: CliContext): PreparedQuestion | undefined => {
      const input = readFinancingInput(file, ctx);
      if (input === undefined) return undefined;
      return { question: financingQuestion(input.budget, input.options, input.shown), inputDiagnostics: [], locate: (d) => withLocation(input.doc, d) };
    },
  },
} as const;

/** The commands `compare` and `sensitivity` take, in the order help lists them. */
export type QuestionCommand = keyof typeof QUESTION_READERS;

interface CompareCliOptions extends WhatIfCliOptions {
  format: string;
}

/** Registers `compare` with one subcommand per question. */
export function registerCompareCommand(program: Command, ctx: CliContext): void {
  const compare = program
    .command('compare')
    .description('hvad sker der, hvis …: samme kommando på to regelversioner — de rækker, hvis udfald ændres, og hvorfor')
    .addHelpText(
      'after',
      examples(
        'boligsocial compare screen fixtures/afdelinger.csv --as-of 2024-12-01 --after-set screening.maxFlyttefrekvensPct=11 # en lavere grænse for flyttefrekvensen',
        'boligsocial compare classify fixtures/boligomraader.csv --after-disable ikke-vestlige --format csv # uden kriteriet om ikke-vestlige',
      ),
    );
  for (const [name, reader] of Object.entries(QUESTION_READERS) as [QuestionCommand, (typeof QUESTION_READERS)[QuestionCommand]][]) {
    const sub = reader.addInput(compare.command(name).description(`sammenlign ${reader.description} før og efter en regelændring`));
    addWhatIfOptions(sub)
      .option('--format <format>', 'table, json eller csv', 'table')
      .action((file: string, options: CompareCliOptions) => {
        run(ctx, options, () => (reader.read as (f: string, o: CompareCliOptions, c: CliContext) => PreparedQuestion | undefined)(file, options, ctx));
      });
  }
}

/** Prints the answer's diagnostics once: those of the before side, and those only the after side has. */
export function printSideDiagnostics(ctx: CliContext, prepared: PreparedQuestion, before: readonly Diagnostic[], after: readonly Diagnostic[]): void {
  const seen = new Set<string>();
  const all = [...prepared.inputDiagnostics, ...before.map(prepared.locate)];
  for (const d of all) seen.add(formatDiagnostic(d));
  const extra = after.map(prepared.locate).filter((d) => !seen.has(formatDiagnostic(d)));
  printDiagnostics(ctx, [...all, ...extra.map((d) => ({ ...d, message: `efter ændringen: ${d.message}` }))]);
  if ([...all, ...extra].some((d) => d.severity === 'error')) ctx.setExitCode(EXIT.findings);
}

/** Reports an unknown `--after-disable` name as the usage error it is (exit 2); any other error goes on. */
export function reportDisableError(ctx: CliContext, error: unknown): void {
  if (!(error instanceof BoligsocialError) || error.code !== 'unknown-disable-id') throw error;
  printDiagnostics(ctx, error.diagnostics.map((d) => ({ ...d, message: `--after-disable: ${d.message}` })));
  ctx.setExitCode(EXIT.usage);
}

function run(ctx: CliContext, options: CompareCliOptions, prepare: () => PreparedQuestion | undefined): void {
  if (!['table', 'json', 'csv'].includes(options.format)) return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table, json eller csv.');
  if (options.beforeRules === undefined && options.afterRules === undefined && options.afterSet.length === 0 && options.afterDisable.length === 0) {
    return reportUsage(ctx, 'der er intet at sammenligne: før og efter er de samme regler', 'Angiv --after-rules, --after-set, --after-disable eller --before-rules.');
  }
  const prepared = prepare();
  if (prepared === undefined) return;
  const what = whatIfSides(ctx, options);
  if (what === undefined) return;
  let comparison;
  try {
    comparison = compareQuestion(prepared.question, what.sides);
  } catch (error) {
    reportDisableError(ctx, error);
    return;
  }
  printSideDiagnostics(ctx, prepared, comparison.diagnostics.foer, comparison.diagnostics.efter);
  if (options.format === 'json') {
    const { kommando, ...rest } = comparison;
    ctx.io.stdout(`${JSON.stringify({ kommando, foer: what.descriptions.foer, efter: what.descriptions.efter, ...rest }, null, 2)}\n`);
  } else if (options.format === 'csv') ctx.io.stdout(formatComparisonCsv(comparison));
  else writeText(ctx, formatComparisonTable(comparison, what.descriptions));
}
