/** The JSON answer of `screen`: what the CLI prints with `--format json` and what the decision service returns. */
import type { Diagnostic } from '../errors.js';
import type { ScreeningResult } from '../screening/index.js';

/** The screening of a batch as JSON: the date, each afdeling's result (with its envelope), and the problems found, per row. */
export function screeningJson(asOf: string, results: readonly ScreeningResult[], diagnostics: readonly Diagnostic[]): { asOf: string; results: readonly ScreeningResult[]; diagnostics: readonly Diagnostic[] } {
  return { asOf, results, diagnostics };
}
