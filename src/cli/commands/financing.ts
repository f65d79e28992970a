/**
 * `boligsocial financing <plan.json> [--format table|json|csv] [--explain]`: splits a
 * financing plan's budget by funder, year and afdeling, exact to the øre, and prints the
 * tables in Danish number formatting with the affordability of each afdeling.
 */
import type { Command } from 'commander';
import { type Diagnostic, formatDiagnostic } from '../../errors.js';
import { tryAllocateFinancing } from '../../financing/allocate.js';
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
  program
    .command('financing')
    .description('fordel en finansieringsplans budget på finansieringskilder, kalenderår og afdelinger — præcist til øren — og vurder afdelingernes betalingsevne')
    .argument('<plan>', 'finansieringsplanen (JSON), fx fixtures/financing/helhedsplan-2024.json')
    .option('--format <format>', 'table, json eller csv', 'table')
    .option('--explain', 'vis regelforklaringen for betalingsevnen ved 100 % egenfinansiering')
    .addHelpText('after', examples('boligsocial financing fixtures/financing/helhedsplan-2024.json', 'boligsocial financing fixtures/financing/helhedsplan-2024.json --format csv # til et regneark'))
    .action((file: string, options: FinancingCliOptions) => run(file, options, ctx));
}

function run(file: string, options: FinancingCliOptions, ctx: CliContext): void {
  if (!['table', 'json', 'csv'].includes(options.format)) {
    reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table, json eller csv.');
    return;
  }
  const path = ctx.resolvePath(file);
  const shown = displayPath(path, ctx.io.cwd);
  const doc = readJsonFile(path, shown);
  if (!doc.ok) return report(doc.errors, undefined, ctx);
  const plan = parseWith(planFileSchema, doc.value.value, shown);
  if (!plan.ok) return report(plan.errors, doc.value, ctx);
  const p = plan.value;
  const { budget, options: allocation } = planAllocation(p);
  const result = tryAllocateFinancing(budget, { ...allocation, rules: ctx.registry() }, shown);
  if (!result.ok) return report(result.errors, doc.value, ctx);
  const a = result.value;
  if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(a, null, 2)}\n`);
  else if (options.format === 'csv') ctx.io.stdout(formatFinancingCsv(a));
  else {
    writeText(ctx, formatFinancingTable(a, p.navn));
    if (options.explain === true) writeText(ctx, `\n${formatAffordabilityExplanations(a)}`);
  }
}

/** Prints diagnostics with line and column found from their JSON pointer, and flags the run. */
function report(errors: readonly Diagnostic[], doc: JsonDocument | undefined, ctx: CliContext): void {
  for (const d of errors) {
    ctx.io.stderr(`${formatDiagnostic(doc === undefined ? d : withLocation(doc, d))}\n`);
  }
  ctx.setExitCode(errors.some(isUsageProblem) ? EXIT.usage : EXIT.findings);
}
