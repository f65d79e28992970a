/** What `boligsocial financing` does: see `../commands/financing.ts` for its options and help. */
import { type Diagnostic, formatDiagnostic } from '../../errors.js';
import { type AllocateOptions, formatAffordabilityExplanations, formatFinancingCsv, formatFinancingHtml, formatFinancingTable, parseWith, planAllocation, planFileSchema, tryAllocateFinancing } from '../../financing/index.js';
import { displayPath, isUsageProblem, type JsonDocument, readJsonFile, withLocation } from '../../rules/index.js';
import { type CliContext, EXIT, writeText } from '../io.js';
import { checkFormat, type ReportOutputOptions, writeReport } from '../report.js';

/** The options of `financing`. */
export interface FinancingCliOptions extends ReportOutputOptions {
  format: string;
  explain?: boolean;
}

/** What `financing` reads: the plan's budget and allocation options, its document (for locating problems) and its name. */
export interface FinancingInput {
  readonly budget: unknown;
  readonly options: Omit<AllocateOptions, 'rules'>;
  readonly doc: JsonDocument;
  readonly shown: string;
  readonly navn?: string;
}

/** Reads and validates a plan file; reports its problems (exit 1, or 2 when it cannot be read) and returns undefined when it cannot be used. */
export function readFinancingInput(file: string, ctx: CliContext): FinancingInput | undefined {
  const path = ctx.resolvePath(file);
  const shown = displayPath(path, ctx.io.cwd);
  const doc = readJsonFile(path, shown);
  if (!doc.ok) {
    reportFinancing(doc.errors, undefined, ctx);
    return undefined;
  }
  const plan = parseWith(planFileSchema, doc.value.value, shown);
  if (!plan.ok) {
    reportFinancing(plan.errors, doc.value, ctx);
    return undefined;
  }
  const p = plan.value;
  const { budget, options } = planAllocation(p);
  return { budget, options, doc: doc.value, shown, ...(p.navn !== undefined ? { navn: p.navn } : {}) };
}

/** Allocates the plan of `file` and prints the tables (and, with `--explain`, the affordability reasoning). */
export function runFinancing(file: string, options: FinancingCliOptions, ctx: CliContext): void {
  if (!checkFormat(ctx, options.format, ['table', 'json', 'csv', 'html'], options.output)) return;
  const input = readFinancingInput(file, ctx);
  if (input === undefined) return;
  const result = tryAllocateFinancing(input.budget, { ...input.options, rules: ctx.registry() }, input.shown);
  if (!result.ok) return reportFinancing(result.errors, input.doc, ctx);
  const a = result.value;
  if (options.format === 'html') writeReport(ctx, formatFinancingHtml(a, input.navn), options.output);
  else if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(a, null, 2)}\n`);
  else if (options.format === 'csv') ctx.io.stdout(formatFinancingCsv(a));
  else {
    writeText(ctx, formatFinancingTable(a, input.navn));
    if (options.explain === true) writeText(ctx, `\n${formatAffordabilityExplanations(a)}`);
  }
}

/** Prints diagnostics with line and column found from their JSON pointer, and flags the run. */
export function reportFinancing(errors: readonly Diagnostic[], doc: JsonDocument | undefined, ctx: CliContext): void {
  for (const d of errors) {
    ctx.io.stderr(`${formatDiagnostic(doc === undefined ? d : withLocation(doc, d))}\n`);
  }
  ctx.setExitCode(errors.some(isUsageProblem) ? EXIT.usage : EXIT.findings);
}
