/**
 * `boligsocial classify <file.csv|file.json>`: classifies boligområder on their lists under
 * the law version of each list date, with history from earlier rows of the same id.
 * `boligsocial forecast <afdelinger.csv> --listedato <date> --historik <file.csv>`:
 * sums afdelinger to boligområder and forecasts the next list, with margins in persons.
 * Bad rows are reported on stderr (row, column, reason) and in the output; good rows
 * are still classified; the exit code is then 1.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import { addReportOutputOption } from '../report.js';
import type { ClassifyCliOptions, ForecastCliOptions } from '../actions/classify.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the input of `classify`: the file, `--disable` and `--forebyggelse-uden-udsatte`. */
export function addClassifyInputOptions(command: Command): Command {
  return command
    .argument('<fil>', 'CSV (én række pr. boligområde pr. liste; tidligere rækker med samme id er historik) eller JSON (en liste af rækker)')
    .option('--disable <id>', 'slå en betingelse eller regel fra, fx ikke-vestlige (kan gentages)', collect, [] as string[])
    .option('--forebyggelse-uden-udsatte', 'et udsat boligområde er ikke også forebyggelsesområde (ubekræftet praksis; standard: regelfilens forebyggelseUdelukkerUdsatte)');
}

/** Adds the input of `forecast`: the file, `--listedato`, `--historik` and `--disable`. */
export function addForecastInputOptions(command: Command): Command {
  return command
    .argument('<afdelinger>', 'CSV eller JSON med én række pr. afdeling, der navngiver sit boligområde')
    .requiredOption('--listedato <dato>', 'listen der prognosticeres (ÅÅÅÅ-MM-DD); vælger lovversionen')
    .option('--historik <fil>', 'tidligere lister i classify-formatet (id, listedato, offentliggjort_parallelsamfund og evt. tal)')
    .option('--disable <id>', 'slå en betingelse eller regel fra, fx ikke-vestlige (kan gentages)', collect, [] as string[]);
}

/** Registers the `classify` and `forecast` commands on the program; their implementation is loaded when they run. */
export function registerClassifyCommand(program: Command, ctx: CliContext): void {
  addReportOutputOption(addClassifyInputOptions(
    program
      .command('classify')
      .description('klassificér boligområder på de officielle lister efter loven i kraft på hver listedato (udsat, ghetto/parallelsamfund, hård/omdannelse, forebyggelse)'),
  ))
    .option('--format <format>', 'table, json, csv eller html (en rapport: historik, kriterier mod grænser, begrundelser)', 'table')
    .option('--explain <id>', 'vis den fulde begrundelse for ét boligområde (alle dets lister, eller den i --listedato)')
    .option('--listedato <dato>', 'med --explain: kun listen på denne dato')
    .addHelpText('after', examples('boligsocial classify fixtures/boligomraader.csv # tabel over alle listedatoer i filen', 'boligsocial classify fixtures/boligomraader.csv --explain solbakken --listedato 2022-12-01 # begrundelsen for én liste', 'boligsocial classify fixtures/boligomraader.csv --disable ikke-vestlige --format csv'))
    .action(async (file: string, options: ClassifyCliOptions) => {
      const { runClassify } = await import('../actions/classify.js');
      runClassify(file, options, ctx);
    });

  addReportOutputOption(addForecastInputOptions(program.command('forecast').description('prognose for den næste liste: afdelingernes tal summeret pr. boligområde, med afstanden til hver grænse i personer')))
    .option('--format <format>', 'table, json eller html (en rapport: kriterier mod grænser og margin i personer)', 'table')
    .option('--explain <boligområde>', 'vis den fulde begrundelse for ét boligområde')
    .addHelpText('after', examples('boligsocial forecast fixtures/classification/afdelinger-prognose.csv --listedato 2025-12-01 --historik fixtures/classification/historik-2014-2022.csv'))
    .action(async (file: string, options: ForecastCliOptions) => {
      const { runForecast } = await import('../actions/classify.js');
      runForecast(file, options, ctx);
    });
}
