/** `boligsocial validate [paths…]`: checks rule files and prints every error compiler-style. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Diagnostic, formatDiagnostic } from '../../errors.js';
import type { CompiledRuleSet } from '../../engine/types.js';
import { loadRuleSetFile } from '../../rules/loader.js';
import { createRegistry, displayPath, listRuleFiles } from '../../rules/registry.js';
import { examples } from '../commander-danish.js';
import { type CliContext, EXIT } from '../io.js';

/** Registers the `validate` command. */
export function registerValidateCommand(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('kontrollér regelfiler; hver fejl vises som fil:linje:kolonne med en forklaring og et forslag')
    .argument('[stier...]', 'regelfiler eller mapper (standard: regelmappen i brug)')
    .addHelpText('after', examples('boligsocial validate # pakkens egne regler', 'boligsocial validate rules/screening # én mappe', 'boligsocial --rules ../mine-regler validate # en kopi af reglerne'))
    .action((paths: string[]) => {
      const roots = paths.length > 0 ? paths.map(ctx.resolvePath) : [ctx.rulesDir()];
      const errors: Diagnostic[] = [];
      const files: string[] = [];
      for (const root of roots) {
        if (!existsSync(root)) {
          errors.push({ code: 'file-read', severity: 'error', file: root, message: 'filen eller mappen findes ikke', hint: 'Kontrollér stien.' });
          continue;
        }
        files.push(...listRuleFiles(root));
      }
      const loaded: CompiledRuleSet[] = [];
      for (const file of files) {
        const result = loadRuleSetFile(file);
        if (result.ok) loaded.push(result.value);
        else errors.push(...result.errors);
      }
      // versions of one rule set must not overlap or leave gaps: checked across the files given
      const registry = createRegistry(loaded);
      if (!registry.ok) errors.push(...registry.errors);
      for (const d of errors) ctx.io.stdout(`${formatDiagnostic(d.file !== undefined ? { ...d, file: displayPath(d.file, ctx.io.cwd) } : d)}\n`);
      const badFiles = new Set(errors.map((d) => d.file)).size;
      ctx.io.stdout(
        errors.length === 0
          ? `${files.length} regelfil${files.length === 1 ? '' : 'er'} kontrolleret: ingen fejl\n`
          : `${files.length} regelfil${files.length === 1 ? '' : 'er'} kontrolleret: ${errors.length} fejl i ${badFiles} fil${badFiles === 1 ? '' : 'er'}\n`,
      );
      if (errors.length > 0) ctx.setExitCode(EXIT.findings);
    });
}
