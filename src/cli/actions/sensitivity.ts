/** What `boligsocial sensitivity <command>` does: see `../commands/sensitivity.ts` for its options and help. */
import { formatSensitivity, formatSensitivityHtml, parseParameterRef, sensitivityOf } from '../../compare/index.js';
import type { QuestionCommand } from '../commands/questions.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
import { checkFormat, type ReportOutputOptions, writeReport } from '../report.js';
import { reportDisableError } from './compare.js';
import { readQuestion } from './questions.js';
import { printDiagnostics } from './what-if.js';

/** The options of a `sensitivity` subcommand besides the question's own. */
export interface SensitivityCliOptions extends ReportOutputOptions {
  parameter: string;
  from: string;
  to: string;
  step: string;
  format: string;
  rows?: string;
}

/** Sweeps the parameter the options name over question `name` on the input of `file`, and prints the counts and the flips. */
export function runSensitivity(name: QuestionCommand, file: string, options: SensitivityCliOptions, ctx: CliContext): void {
  if (!checkFormat(ctx, options.format, ['table', 'json', 'html'], options.output)) return;
  const maxRows = options.rows === undefined ? undefined : Number(options.rows);
  if (maxRows !== undefined && (!Number.isInteger(maxRows) || maxRows < 0)) return reportUsage(ctx, `--rows skal være et helt tal, ikke "${options.rows}"`, 'Skriv fx --rows 20.');
  const ref = parseParameterRef(options.parameter);
  if (!ref.ok) {
    printDiagnostics(ctx, ref.errors.map((d) => ({ ...d, message: `--parameter: ${d.message}` })));
    ctx.setExitCode(EXIT.usage);
    return;
  }
  const prepared = readQuestion(name, file, options, ctx);
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
  if (options.format === 'html') writeReport(ctx, formatSensitivityHtml(s), options.output);
  else if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(s, null, 2)}\n`);
  else writeText(ctx, formatSensitivity(s, maxRows !== undefined ? { maxRows } : {}));
}
