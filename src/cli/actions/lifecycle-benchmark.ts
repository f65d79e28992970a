/**
 * `boligsocial lifecycle <dir> --as-of <date> --benchmark [--format table|json|csv]`:
 * the benchmark of the indsatser per fælles mål and strategy mål, with the method check.
 * Thin: calls the public API and prints.
 */
import type { Diagnostic } from '../../errors.js';
import { benchmarkIndsatser, formatBenchmarkCsv, formatBenchmarkTable, type Indsats } from '../../lifecycle/index.js';
import { type CliContext, EXIT, reportUsage } from '../io.js';

/** The output formats of the benchmark. */
export const BENCHMARK_FORMATS = ['table', 'json', 'csv'] as const;

/** What the benchmark reads of the lifecycle command's options. */
export interface BenchmarkCliOptions {
  readonly asOf: string;
  readonly format: string;
  readonly explain?: string;
  readonly includeEnded?: boolean;
}

/**
 * Benchmarks the indsatser read by the lifecycle command and prints the result.
 * `show` formats a diagnostic for stderr; input errors already found are printed first.
 */
export function runBenchmark(ctx: CliContext, indsatser: readonly Indsats[], inputErrors: readonly Diagnostic[], options: BenchmarkCliOptions, show: (d: Diagnostic) => string): void {
  if (!(BENCHMARK_FORMATS as readonly string[]).includes(options.format)) {
    reportUsage(ctx, `ukendt format "${options.format}" for --benchmark`, 'Brug --format table, json eller csv (html kommer senere).');
    return;
  }
  if (options.explain !== undefined) {
    reportUsage(ctx, '--benchmark og --explain kan ikke bruges sammen', 'Brug --benchmark for hele porteføljen, eller --explain <id> for én indsats (den viser også metodetjekket).');
    return;
  }
  const result = benchmarkIndsatser(indsatser, { asOf: options.asOf, medAfsluttede: options.includeEnded === true, rules: ctx.registry() });
  const problems = [...inputErrors, ...result.fejl];
  for (const d of problems) ctx.io.stderr(`${show(d)}\n`);
  if (problems.some((d) => d.severity === 'error')) ctx.setExitCode(EXIT.findings);
  if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (options.format === 'csv') ctx.io.stdout(formatBenchmarkCsv(result));
  else ctx.io.stdout(formatBenchmarkTable(result));
}
