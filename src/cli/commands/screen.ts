/**
 * `boligsocial screen <afdelinger.csv|json> --as-of <date>`: screens afdelinger and prints
 * a Danish table (or JSON/CSV); `--explain <id>` prints the full reasoning for one.
 * Bad rows are reported on stderr with row number, column and reason; good rows are
 * still screened, and the exit code is 1.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import { addReportOutputOption } from '../report.js';
import type { ScreenCliOptions } from '../actions/screen.js';

/** Adds the options that say what to screen: `--as-of` and `--status`. */
export function addScreenInputOptions(command: Command): Command {
  return command
    .argument('<fil>', 'afdelinger som CSV (én række pr. afdeling og periode) eller JSON (en liste af afdelinger)')
    .requiredOption('--as-of <dato>', 'screeningsdatoen (ÅÅÅÅ-MM-DD): seneste periode på eller før datoen, regler i kraft på datoen')
    .option('--status <fil>', 'JSON med boligområdernes officielle status: {"<boligområde>": ["udsat-boligomraade"], …}');
}

/** Registers the `screen` command on the program; its implementation is loaded when it runs. */
export function registerScreenCommand(program: Command, ctx: CliContext): void {
  addReportOutputOption(addScreenInputOptions(program.command('screen').description('screen afdelinger: udløste indikatorer, ændringer siden sidst og den indsats der passer')))
    .option('--format <format>', 'table, json, csv eller html (en rapport: oversigt, tal mod grænser og begrundelser)', 'table')
    .option('--explain <id>', 'vis den fulde begrundelse for én afdeling')
    .addHelpText('after', examples('boligsocial screen fixtures/afdelinger.csv --as-of 2024-12-01', 'boligsocial screen fixtures/afdelinger.csv --as-of 2024-12-01 --explain 352 # begrundelsen for én afdeling', 'boligsocial screen fixtures/afdelinger.csv --as-of 2024-12-01 --format html -o screening.html # rapporten til afdelingsmødet'))
    .action(async (file: string, options: ScreenCliOptions) => {
      const { runScreen } = await import('../actions/screen.js');
      runScreen(file, options, ctx);
    });
}
