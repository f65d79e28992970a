/**
 * `boligsocial validate [paths…] [--hashes] [--format table|json]`: checks rule files and
 * prints every error compiler-style; with `--hashes`, also every rule file's id,
 * version, period in force and content hash (sha256 of its bytes), for audit.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import type { ValidateOptions } from '../actions/validate.js';

/** Registers the `validate` command; its implementation is loaded when it runs. */
export function registerValidateCommand(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('kontrollér regelfiler; hver fejl vises som fil:linje:kolonne med en forklaring og et forslag')
    .argument('[stier...]', 'regelfiler eller mapper (standard: regelmappen i brug)')
    .option('--hashes', 'vis hver regelfils id, version, periode og SHA-256 af filens bytes (til revision)')
    .option('--format <format>', 'table eller json', 'table')
    .addHelpText('after', examples('boligsocial validate # pakkens egne regler', 'boligsocial validate rules/screening # én mappe', 'boligsocial --rules ../mine-regler validate # en kopi af reglerne', 'boligsocial validate --hashes # hver regelfils SHA-256, til revision'))
    .action(async (paths: string[], options: ValidateOptions) => {
      const { runValidate } = await import('../actions/validate.js');
      runValidate(paths, options, ctx);
    });
}
