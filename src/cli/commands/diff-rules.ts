/**
 * `boligsocial diff-rules <a> <b> [--format table|json]`: what changed between two
 * versions of a rule set, as a reviewer reads it before approving a new dated file.
 * Each side is a rule file, or `<rule set id>@<date>` (the version in force on that date
 * in the rules in use); `<b>` may be a bare date for another version of `<a>`'s rule set.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';

/** Registers `diff-rules`; its implementation is loaded when it runs. */
export function registerDiffRulesCommand(program: Command, ctx: CliContext): void {
  program
    .command('diff-rules')
    .description('vis ændringerne mellem to versioner af et regelsæt: parametre, betingelser og regler (som betingelsesstier), hændelser, ikrafttræden og bemærkninger')
    .argument('<a>', 'den gamle version: en regelfil eller <regelsæt>@<dato>, fx classification@2020-12-01')
    .argument('<b>', 'den nye version: en regelfil, <regelsæt>@<dato> eller blot en dato for samme regelsæt')
    .option('--format <format>', 'table eller json', 'table')
    .addHelpText('after', examples('boligsocial diff-rules rules/classification/2018-12-01.json rules/classification/2021-11-30.json # hvad loven af 2021 ændrede', 'boligsocial diff-rules classification@2019-12-01 2022-12-01 --format json # versionerne i kraft på to datoer'))
    .action(async (a: string, b: string, options: { format: string }) => {
      const { runDiffRules } = await import('../actions/diff-rules.js');
      runDiffRules(a, b, options, ctx);
    });
}
