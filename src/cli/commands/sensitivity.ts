/**
 * `boligsocial sensitivity <command> <data> [the command's options] --parameter <id>.<name>
 * --from <a> --to <b> --step <s>`: per value, the rows per outcome; per row, the values at
 * which it flips (exact where the parameter meets a figure), nearest to today's value first.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import { questionEntries } from './questions.js';
import type { SensitivityCliOptions } from '../actions/sensitivity.js';
import { addReportOutputOption } from '../report.js';

/** Registers `sensitivity` with one subcommand per question; its implementation is loaded when it runs. */
export function registerSensitivityCommand(program: Command, ctx: CliContext): void {
  const sensitivity = program
    .command('sensitivity')
    .description('følsomhed: én parameter over et interval — rækker pr. udfald for hver værdi, og hvor hver række vender, nærmest først')
    .addHelpText(
      'after',
      examples(
        'boligsocial sensitivity classify fixtures/boligomraader.csv --parameter classification.maxUdenArbejdePct --from 39 --to 43 --step 0.1 # hvor boligområderne skifter liste',
        'boligsocial sensitivity screen fixtures/afdelinger.csv --as-of 2024-12-01 --parameter screening.maxFlyttefrekvensPct --from 8 --to 20 --step 1 --rows 10',
      ),
    );
  for (const [name, question] of questionEntries()) {
    addReportOutputOption(question.addInput(sensitivity.command(name).description(`følsomheden af ${question.description} for én parameter`)))
      .requiredOption('--parameter <regelsæt.parameter>', 'parameteren, fx classification.maxUdenArbejdePct (<regelsæt>@<version>.<parameter> for én version)')
      .requiredOption('--from <værdi>', 'første værdi')
      .requiredOption('--to <værdi>', 'sidste værdi')
      .requiredOption('--step <trin>', 'afstanden mellem værdierne')
      .option('--rows <antal>', 'vis højst så mange rækker i listen over dem, der er nærmest at vende (table)')
      .option('--format <format>', 'table, json eller html (en rapport: optællingen som linjer over værdierne, og hvem der vender)', 'table')
      .action(async (file: string, options: SensitivityCliOptions) => {
        const { runSensitivity } = await import('../actions/sensitivity.js');
        runSensitivity(name, file, options, ctx);
      });
  }
}
