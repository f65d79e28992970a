/**
 * `boligsocial financing <plan.json> [--format table|json|csv] [--explain]`: splits a
 * financing plan's budget by funder, year and afdeling, exact to the øre, and prints the
 * tables in Danish number formatting with the affordability of each afdeling.
 */
import type { Command } from 'commander';
import { type Diagnostic, formatDiagnostic } from '../../errors.js';
import { tryAllocateFinancing } from '../../financing/allocate.js';
import type { AllocateOptions } from '../../financing/types.js';
import { formatAffordabilityExplanations, formatFinancingCsv, formatFinancingTable } from '../../financing/format.js';
import { parseWith, planAllocation, planFileSchema } from '../../financing/input.js';
import { isUsageProblem, readJsonFile } from '../../rules/files.js';
import { type JsonDocument, withLocation } from '../../rules/json-document.js';
import { displayPath } from '../../rules/registry.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';

interface FinancingCliOptions {
  format: string;
  explain?: boolean;
}

/** Registers the `financing` command on the program. */
export function registerFinancingCommand(program: Command, ctx: CliContext): void {
  addFinancingInputOptions(
    program.command('financing').description('fordel en finansieringsplans budget på finansieringskilder, kalenderår og afdelinger — præcist til øren — og vurder afdelingernes betalingsevne'),
  )
    .option('--format <format>', 'table, json eller csv', 'table')
    .option('--explain', 'vis regelforklaringen for betalingsevnen ved 100 % egenfinansiering')
    .addHelpText('after', examples('boligsocial financing fixtures/financing/helhedsplan-2024.json', 'boligsocial financing fixtures/financing/helhedsplan-2024.json --format csv # til et regneark'))
    .action((file: string, options: FinancingCliOptions) => run(file, options, ctx));
}

/** What `financing` reads: the plan's budget and allocation options, its document (for locating problems) and its name. */
export interface FinancingInput {
  readonly budget: unknown;
  readonly options: Omit<AllocateOptions, 'rules'>;
  readonly doc: JsonDocument;
  readonly shown: string;
  readonly navn?: string;
}

/** Adds the input of `financing`: the plan file. */
export function addFinancingInputOptions(command: Command): Command {
  return command.argument('<plan>', 'finansieringsplanen (JSON), fx fixtures/financing/helhedsplan-2024.json');
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

function run(file: string, options: FinancingCliOptions, ctx: CliContext): void {
  if (!['table', 'json', 'csv'].includes(options.format)) {
    reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table, json eller csv.');
    return;
  }
  const input = readFinancingInput(file, ctx);
  if (input === undefined) return;
  const result = tryAllocateFinancing(input.budget, { ...input.options, rules: ctx.registry() }, input.shown);
  if (!result.ok) return reportFinancing(result.errors, input.doc, ctx);
  const a = result.value;
  if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(a, null, 2)}\n`);
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
