/** `boligsocial test [dir]`: runs policy scenarios and reports coverage: untested rule-set versions and conditions. */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import type { TestOptions } from '../actions/test.js';

/** Registers the `test` command; its implementation is loaded when it runs. */
export function registerTestCommand(program: Command, ctx: CliContext): void {
  program
    .command('test')
    .description('kør scenariefiler (domæneinput eller fakta med forventede udfald) og vis dækningen: regelsætversioner uden scenarier og betingelser, som ingen scenarier har set både opfyldt og ikke opfyldt')
    .argument('[mappe]', 'mappe med scenarier (dækningen vises for en mappe), eller én scenariefil', 'fixtures/scenarios')
    .option('--strict', 'afslut med fejlkode 1, hvis dækningen ikke er fuld')
    .addHelpText('after', examples('boligsocial test # alle scenarier under fixtures/scenarios', 'boligsocial test fixtures/scenarios/screening --strict # én mappe; huller i dækningen er fejl'))
    .action(async (dir: string, options: TestOptions) => {
      const { runTest } = await import('../actions/test.js');
      runTest(dir, options, ctx);
    });
}
