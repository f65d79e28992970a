/**
 * `boligsocial lifecycle <indsatser.json|dir> --as-of <date>`: every indsats's state,
 * the decisions due and the stop parameters pointing to ending, most urgent first;
 * `--explain <id>` shows one indsats's start and stop assessment with its evidence.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import { addReportOutputOption } from '../report.js';
import type { LifecycleCliOptions } from '../actions/lifecycle.js';

/** Adds the input of `lifecycle`: the indsatser, `--as-of` and `--horizon`. */
export function addLifecycleInputOptions(command: Command): Command {
  return command
    .argument('<indsatser>', 'en JSON-fil med én indsats eller en liste, eller en mappe med JSON-filer')
    .requiredOption('--as-of <dato>', 'vurderingsdatoen (ÅÅÅÅ-MM-DD)')
    .option('--horizon <måneder>', 'hvor mange måneder frem en beslutning regnes som forfalden', '12');
}

/** Registers the `lifecycle` command on the program; its implementation is loaded when it runs. */
export function registerLifecycleCommand(program: Command, ctx: CliContext): void {
  addReportOutputOption(addLifecycleInputOptions(program.command('lifecycle').description('indsatsernes livsforløb: tilstand, frister, start- og stopparametre og anbefaling')))
    .option('--format <format>', 'table, json eller html (en rapport: tidslinje med frister, stopparametre og begrundelser)', 'table')
    .option('--explain <id>', 'forklar én indsats: start- og stopparametre med evidens')
    .option('--tree', 'med --explain: vis også reglernes forklaringstræ')
    .option('--benchmark', 'benchmark pr. fælles mål og strategimål: indikatorerne rangeret efter fremdrift, med tendens og metodetjek (--format table, json eller csv)')
    .option('--include-ended', 'med --benchmark: tag også afsluttede indsatser med')
    .addHelpText('after', examples('boligsocial lifecycle fixtures/indsatser --as-of 2025-06-01', 'boligsocial lifecycle fixtures/indsatser --as-of 2025-06-01 --explain sydhavn-ejf-2021 # start- og stopparametre for én indsats', 'boligsocial lifecycle fixtures/indsatser --as-of 2025-06-01 --benchmark # indsatsernes fremdrift pr. fælles mål'))
    .action(async (input: string, options: LifecycleCliOptions) => {
      const { runLifecycle } = await import('../actions/lifecycle.js');
      runLifecycle(input, options, ctx);
    });
}
