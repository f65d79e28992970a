/**
 * `boligsocial compare <command> <data> [the command's options] [--before-rules <dir>]
 * [--after-rules <dir>] [--after-set <id>.<parameter>=<value>]… [--after-disable <name>]…`:
 * the same command on two rule versions, every row whose outcomes differ with the
 * conditions that flipped, then the counts per outcome before and after. The input is
 * read by the command's own reader, so it means exactly what it means to the command.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import { addReportOutputOption } from '../report.js';
import { questionEntries } from './questions.js';
import { addWhatIfOptions } from './what-if.js';
import type { CompareCliOptions } from '../actions/compare.js';

/** Registers `compare` with one subcommand per question; its implementation is loaded when it runs. */
export function registerCompareCommand(program: Command, ctx: CliContext): void {
  const compare = program
    .command('compare')
    .description('hvad sker der, hvis …: samme kommando på to regelversioner — de rækker, hvis udfald ændres, og hvorfor')
    .addHelpText(
      'after',
      examples(
        'boligsocial compare screen fixtures/afdelinger.csv --as-of 2024-12-01 --after-set screening.maxFlyttefrekvensPct=11 # en lavere grænse for flyttefrekvensen',
        'boligsocial compare classify fixtures/boligomraader.csv --after-disable ikke-vestlige --format csv # uden kriteriet om ikke-vestlige',
      ),
    );
  for (const [name, question] of questionEntries()) {
    const sub = question.addInput(compare.command(name).description(`sammenlign ${question.description} før og efter en regelændring`));
    addReportOutputOption(addWhatIfOptions(sub))
      .option('--format <format>', 'table, json, csv eller html (en rapport: de ændrede rækker før og efter, med grunden)', 'table')
      .action(async (file: string, options: CompareCliOptions) => {
        const { runCompare } = await import('../actions/compare.js');
        runCompare(name, file, options, ctx);
      });
  }
}
