/** What `boligsocial lifecycle` does: see `../commands/lifecycle.ts` for its options and help. */
import { explainedPortfolioJson, portfolioJson } from '../../answers/index.js';
import { isIsoDate } from '../../domain/calendar.js';
import { formatDiagnostic, type Diagnostic } from '../../errors.js';
import { formatIndsatsExplanation, formatPortfolioHtml, formatPortfolioTable, type Indsats, parseIndsatser, reviewIndsatser } from '../../lifecycle/index.js';
import { displayPath, isUsageProblem, listJsonFiles, readJsonFile, withLocation } from '../../rules/index.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
import { checkFormat, type ReportOutputOptions, writeReport } from '../report.js';
import { runBenchmark } from './lifecycle-benchmark.js';

/** The options of `lifecycle` that say what to assess (shared with `compare lifecycle` and `sensitivity lifecycle`). */
export interface LifecycleInputOptions {
  asOf: string;
  horizon: string;
}

/** The options of `lifecycle`. */
export interface LifecycleCliOptions extends LifecycleInputOptions, ReportOutputOptions {
  format: string;
  explain?: string;
  tree?: boolean;
  benchmark?: boolean;
  includeEnded?: boolean;
}

function readInput(path: string, shown: string): { indsatser: Indsats[]; errors: Diagnostic[] } {
  const listed = listJsonFiles(path, { shown, recursive: false });
  if (!listed.ok) return { indsatser: [], errors: [...listed.errors] };
  const files = listed.value;
  const indsatser: Indsats[] = [];
  const errors: Diagnostic[] = [];
  for (const file of files) {
    const doc = readJsonFile(file);
    if (!doc.ok) {
      errors.push(...doc.errors);
      continue;
    }
    const r = parseIndsatser(doc.value.value, { file });
    indsatser.push(...r.indsatser);
    errors.push(...r.errors.map((d) => withLocation(doc.value, d)));
  }
  return { indsatser, errors };
}

/** What `lifecycle` reads: the indsatser, the problems found reading them, and the assessment options. */
export interface LifecycleInput {
  readonly indsatser: readonly Indsats[];
  readonly errors: readonly Diagnostic[];
  readonly options: { readonly asOf: string; readonly horizonMonths: number };
}

/** Reads the input of `lifecycle`; reports a usage error (exit 2) and returns undefined when an option or a path cannot be used. */
export function readLifecycleInput(input: string, options: LifecycleInputOptions, ctx: CliContext): LifecycleInput | undefined {
  if (!isIsoDate(options.asOf)) {
    reportUsage(ctx, `--as-of skal være en dato på formen ÅÅÅÅ-MM-DD, ikke "${options.asOf}"`, 'Skriv fx --as-of 2025-06-01.');
    return undefined;
  }
  const horizonMonths = Number(options.horizon);
  if (!Number.isInteger(horizonMonths) || horizonMonths < 0) {
    reportUsage(ctx, `--horizon skal være et helt antal måneder, ikke "${options.horizon}"`, 'Skriv fx --horizon 12.');
    return undefined;
  }
  const { indsatser, errors } = readInput(ctx.resolvePath(input), input);
  if (errors.some(isUsageProblem)) {
    for (const d of errors) ctx.io.stderr(`${showLifecycleDiagnostic(d, ctx.io.cwd)}\n`);
    ctx.setExitCode(EXIT.usage);
    return undefined;
  }
  return { indsatser, errors, options: { asOf: options.asOf, horizonMonths } };
}

/** A diagnostic with its file shown relative to the working directory. */
export function showLifecycleDiagnostic(d: Diagnostic, cwd: string): string {
  return formatDiagnostic(d.file !== undefined ? { ...d, file: displayPath(d.file, cwd) } : d);
}

/** Reviews the indsatser of `input` and prints the portfolio (or one indsats's assessment, or the benchmark). */
export function runLifecycle(input: string, options: LifecycleCliOptions, ctx: CliContext): void {
  const { io } = ctx;
  if (options.benchmark !== true && !checkFormat(ctx, options.format, ['table', 'json', 'html'], options.output)) return;
  const read = readLifecycleInput(input, options, ctx);
  if (read === undefined) return;
  const { indsatser, errors } = read;
  if (options.benchmark === true) {
    runBenchmark(ctx, indsatser, errors, options, (d) => showLifecycleDiagnostic(d, io.cwd));
    return;
  }
  let selected = indsatser;
  if (options.explain !== undefined) {
    selected = indsatser.filter((i) => i.id === options.explain);
    if (selected.length === 0) {
      const known = indsatser.map((i) => i.id);
      reportUsage(ctx, `ingen indsats med id "${options.explain}"`, `Kendte id'er: ${known.join(', ')}.`);
      return;
    }
  }
  const review = reviewIndsatser(selected, { ...read.options, rules: ctx.registry() });
  const problems = [...errors, ...review.fejl];
  for (const d of problems) io.stderr(`${showLifecycleDiagnostic(d, io.cwd)}\n`);
  if (problems.some((d) => d.severity === 'error')) ctx.setExitCode(EXIT.findings);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(options.explain === undefined ? portfolioJson(review) : explainedPortfolioJson(review), null, 2)}\n`);
    return;
  }
  if (options.format === 'html') {
    writeReport(ctx, formatPortfolioHtml(review), options.output);
    return;
  }
  if (options.explain !== undefined) {
    const r = review.indsatser[0];
    if (r) writeText(ctx, formatIndsatsExplanation(r.indsats, r.assessment, { tree: options.tree === true }));
    return;
  }
  writeText(ctx, formatPortfolioTable(review));
}
