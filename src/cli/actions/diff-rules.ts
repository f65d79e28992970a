/** What `boligsocial diff-rules` does: see `../commands/diff-rules.ts` for its options and help. */
import { existsSync, statSync } from 'node:fs';
import { diffRuleSets, formatRuleSetDiff } from '../../compare/index.js';
import { isIsoDate } from '../../domain/calendar.js';
import { BoligsocialError, didYouMean } from '../../errors.js';
import { type CompiledRuleSet, displayPath, isUsageProblem, loadRuleSetFile } from '../../rules/index.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
import { printDiagnostics } from './what-if.js';

const VERSION_SPEC = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4}-\d{2}-\d{2})$/;

/** Prints what changed from version `a` to version `b` of a rule set. */
export function runDiffRules(a: string, b: string, options: { format: string }, ctx: CliContext): void {
  if (options.format !== 'table' && options.format !== 'json') return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table eller json.');
  const before = resolveSpec(ctx, a, undefined);
  if (before === undefined) return;
  const after = resolveSpec(ctx, b, before.info.id);
  if (after === undefined) return;
  const diff = diffRuleSets(before, after);
  if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
  else writeText(ctx, formatRuleSetDiff(diff));
}

/** One side: a file, `<id>@<date>`, or (for the second) a bare date of the first side's rule set. Problems are reported. */
function resolveSpec(ctx: CliContext, spec: string, sameAs: string | undefined): CompiledRuleSet | undefined {
  const versioned = VERSION_SPEC.exec(spec);
  if (versioned !== null) return inForce(ctx, versioned[1] as string, versioned[2] as string);
  if (sameAs !== undefined && isIsoDate(spec)) return inForce(ctx, sameAs, spec);
  const path = ctx.resolvePath(spec);
  if (existsSync(path) && statSync(path).isDirectory()) {
    reportUsage(ctx, `"${spec}" er en mappe, ikke en regelfil`, 'Angiv én regelfil, fx rules/classification/2021-11-30.json, eller <regelsæt>@<dato>.');
    return undefined;
  }
  if (!existsSync(path)) {
    reportUsage(ctx, `"${spec}" er hverken en regelfil eller <regelsæt>@<dato>`, 'Angiv en sti til en regelfil, fx rules/classification/2021-11-30.json, eller fx classification@2021-12-01.');
    return undefined;
  }
  const loaded = loadRuleSetFile(path, { domains: ctx.domains, name: displayPath(path, ctx.io.cwd) });
  if (loaded.ok) return loaded.value;
  printDiagnostics(ctx, loaded.errors);
  ctx.setExitCode(loaded.errors.some(isUsageProblem) ? EXIT.usage : EXIT.findings);
  return undefined;
}

function inForce(ctx: CliContext, id: string, date: string): CompiledRuleSet | undefined {
  const registry = ctx.registry();
  if (!registry.ids().includes(id)) {
    const guess = didYouMean(id, registry.ids());
    reportUsage(ctx, `ukendt regelsæt "${id}"`, guess !== undefined ? `Mente du "${guess}"?` : `Kendte regelsæt: ${registry.ids().join(', ')}.`);
    return undefined;
  }
  try {
    return registry.inForce(id, date);
  } catch (error) {
    if (!(error instanceof BoligsocialError)) throw error;
    printDiagnostics(ctx, error.diagnostics);
    ctx.setExitCode(EXIT.usage);
    return undefined;
  }
}
