/**
 * `boligsocial financing <plan.json> [--format table|json|csv] [--explain]`: splits a
 * financing plan's budget by funder, year and afdeling, exact to the øre, and prints the
 * tables in Danish number formatting with the affordability of each afdeling.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import { addReportOutputOption } from '../report.js';
import type { FinancingCliOptions } from '../actions/financing.js';

/** Registers the `financing` command on the program; its implementation is loaded when it runs. */
export function registerFinancingCommand(program: Command, ctx: CliContext): void {
  addReportOutputOption(addFinancingInputOptions(
    program.command('financing').description('fordel en finansieringsplans budget på finansieringskilder, kalenderår og afdelinger — præcist til øren — og vurder afdelingernes betalingsevne'),
  ))
    .option('--format <format>', 'table, json, csv eller html (en rapport: tabeller, en stablet søjle pr. år og betalingsevnen)', 'table')
    .option('--explain', 'vis regelforklaringen for betalingsevnen ved 100 % egenfinansiering')
    .addHelpText('after', examples('boligsocial financing fixtures/financing/helhedsplan-2024.json', 'boligsocial financing fixtures/financing/helhedsplan-2024.json --format csv # til et regneark'))
    .action(async (file: string, options: FinancingCliOptions) => {
      const { runFinancing } = await import('../actions/financing.js');
      runFinancing(file, options, ctx);
    });
}

/** Adds the input of `financing`: the plan file. */
export function addFinancingInputOptions(command: Command): Command {
  return command.argument('<plan>', 'finansieringsplanen (JSON), fx fixtures/financing/helhedsplan-2024.json');
}
