/** `boligsocial test [dir]`: runs policy scenarios and reports condition coverage. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { formatDiagnostic } from '../../errors.js';
import { formatSandhed } from '../../format/danish.js';
import { displayPath, listRuleFiles } from '../../rules/registry.js';
import { CoverageCollector, type CoverageGap } from '../../scenarios/coverage.js';
import { runScenarioFile } from '../../scenarios/run.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT } from '../io.js';

/** Registers the `test` command. */
export function registerTestCommand(program: Command, ctx: CliContext): void {
  program
    .command('test')
    .description('kør scenariefiler (forventede udfald) og vis betingelser, som ingen scenarier har set både opfyldt og ikke opfyldt')
    .argument('[mappe]', 'mappe eller fil med scenarier', 'fixtures/scenarios')
    .option('--strict', 'afslut med fejlkode 1, hvis dækningen ikke er fuld')
    .addHelpText('after', examples('boligsocial test # alle scenarier under fixtures/scenarios', 'boligsocial test fixtures/scenarios/screening --strict # én mappe; huller i dækningen er fejl'))
    .action((dir: string, options: { strict?: boolean }) => {
      const root = ctx.resolvePath(dir);
      if (!existsSync(root)) {
        ctx.io.stderr(`fejl: ${dir} findes ikke\n`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const files = listRuleFiles(root);
      const coverage = new CoverageCollector();
      let passed = 0;
      let failed = 0;
      for (const file of files) {
        const result = runScenarioFile(file, { registry: ctx.registry });
        const shown = displayPath(file, ctx.io.cwd);
        if (result.ruleSet && result.evaluation) coverage.record(result.ruleSet, result.evaluation);
        if (result.passed) {
          passed++;
          continue;
        }
        failed++;
        ctx.io.stdout(`FEJLET ${shown}: ${result.description}\n`);
        for (const d of result.errors) ctx.io.stdout(`  ${formatDiagnostic(d.file !== undefined ? { ...d, file: displayPath(d.file, ctx.io.cwd) } : d)}\n`);
        for (const m of result.mismatches) {
          ctx.io.stdout(`  ${m.rule}: forventede ${show(m.expected)}, fik ${show(m.actual)}\n`);
        }
      }
      ctx.io.stdout(`${files.length} scenarier: ${passed} bestået, ${failed} fejlet\n`);
      const gaps = coverage.gaps();
      const total = coverage.ruleSets().length;
      if (gaps.length === 0) ctx.io.stdout(`Betingelsesdækning: fuld (alle betingelser i ${total} regelsætversion${total === 1 ? '' : 'er'} set både opfyldt og ikke opfyldt)\n`);
      else {
        ctx.io.stdout(`Betingelsesdækning: ${gaps.length} betingelse${gaps.length === 1 ? '' : 'r'} ikke set både opfyldt og ikke opfyldt:\n`);
        for (const g of gaps) ctx.io.stdout(`  ${gapLine(g, ctx.io.cwd)}\n`);
      }
      if (failed > 0 || (options.strict === true && gaps.length > 0)) ctx.setExitCode(EXIT.findings);
    });
}

function show(v: unknown): string {
  if (v === null || typeof v === 'boolean') return formatSandhed(v);
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return String(v);
}

function gapLine(g: CoverageGap, cwd: string): string {
  const never = !g.seenTrue && !g.seenFalse ? 'aldrig afgjort' : !g.seenTrue ? 'aldrig opfyldt' : 'aldrig ikke opfyldt';
  if (g.file === undefined) return `${g.ruleSet} ${g.version} ${g.pointer}: ${never}`;
  const where = g.line !== undefined && g.column !== undefined ? `:${g.line}:${g.column}` : '';
  return `${displayPath(g.file, cwd)}${where} ${g.pointer}: ${never}`;
}
