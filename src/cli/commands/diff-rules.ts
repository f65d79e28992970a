/**
 * `boligsocial diff-rules <a> <b> [--format table|json]`: what changed between two
 * versions of a rule set, as a reviewer reads it before approving a new dated file.
 * Each side is a rule file, or `<rule set id>@<date>` (the version in force on that date
 * in the rules in use); `<b>` may be a bare date for another version of `<a>`'s rule set.
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { formatRuleSetDiff } from '../../compare/diff-format.js';
import { diffRuleSets } from '../../compare/diff-rules.js';
import { isIsoDate } from '../../domain/calendar.js';
import type { CompiledRuleSet } from '../../engine/types.js';
import { BoligsocialError, didYouMean } from '../../errors.js';
import { isUsageProblem } from '../../rules/files.js';
import { loadRuleSetFile } from '../../rules/loader.js';
import { displayPath } from '../../rules/registry.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT, reportUsage, writeText } from '../io.js';
import { printDiagnostics } from '../what-if.js';

const VERSION_SPEC = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4}-\d{2}-\d{2})$/;

/** Registers `diff-rules`. */
export function registerDiffRulesCommand(program: Command, ctx: CliContext): void {
  program
    .command('diff-rules')
    .description('vis ændringerne mellem to versioner af et regelsæt: parametre, betingelser og regler (som betingelsesstier), hændelser, ikrafttræden og bemærkninger')
    .argument('<a>', 'den gamle version: en regelfil eller <regelsæt>@<dato>, fx classification@2020-12-01')
    .argument('<b>', 'den nye version: en regelfil, <regelsæt>@<dato> eller blot en dato for samme regelsæt')
    .option('--format <format>', 'table eller json', 'table')
    .addHelpText('after', examples('boligsocial diff-rules rules/classification/2018-12-01.json rules/classification/2021-11-30.json # hvad loven af 2021 ændrede', 'boligsocial diff-rules classification@2019-12-01 2022-12-01 --format json # versionerne i kraft på to datoer'))
    .action((a: string, b: string, options: { format: string }) => {
      if (options.format !== 'table' && options.format !== 'json') return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table eller json.');
      const before = resolveSpec(ctx, a, undefined);
      if (before === undefined) return;
      const after = resolveSpec(ctx, b, before.info.id);
      if (after === undefined) return;
      const diff = diffRuleSets(before, after);
      if (options.format === 'json') ctx.io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
      else writeText(ctx, formatRuleSetDiff(diff));
    });
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
