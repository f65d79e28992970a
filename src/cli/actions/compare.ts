/** What `boligsocial compare <command>` does: see `../commands/compare.ts` for its options and help. */
import { comparisonJson } from '../../answers/index.js';
import { compareQuestion, formatComparisonCsv, formatComparisonHtml, formatComparisonTable } from '../../compare/index.js';
import { BoligsocialError, type Diagnostic, formatDiagnostic } from '../../errors.js';
import type { QuestionCommand } from '../commands/questions.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
import { checkFormat, type ReportOutputOptions, writeReport } from '../report.js';
import { type PreparedQuestion, readQuestion } from './questions.js';
import { printDiagnostics, type WhatIfCliOptions, whatIfSides } from './what-if.js';

/** The options of a `compare` subcommand besides the question's own. */
export interface CompareCliOptions extends WhatIfCliOptions, ReportOutputOptions {
  format: string;
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

/** Compares question `name` on the input of `file` before and after the changes the options give, and prints the rows that change. */
export function runCompare(name: QuestionCommand, file: string, options: CompareCliOptions, ctx: CliContext): void {
  if (!checkFormat(ctx, options.format, ['table', 'json', 'csv', 'html'], options.output)) return;
  if (options.beforeRules === undefined && options.afterRules === undefined && options.afterSet.length === 0 && options.afterDisable.length === 0) {
    return reportUsage(ctx, 'der er intet at sammenligne: før og efter er de samme regler', 'Angiv --after-rules, --after-set, --after-disable eller --before-rules.');
  }
  const prepared = readQuestion(name, file, options, ctx);
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
  if (options.format === 'html') writeReport(ctx, formatComparisonHtml(comparison, what.descriptions), options.output);
  else if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify(comparisonJson(comparison, what.descriptions), null, 2)}\n`);
  } else if (options.format === 'csv') ctx.io.stdout(formatComparisonCsv(comparison));
  else writeText(ctx, formatComparisonTable(comparison, what.descriptions));
}
