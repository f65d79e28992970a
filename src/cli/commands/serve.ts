/**
 * `boligsocial serve [--host 127.0.0.1] [--port 8080] [--log <file.jsonl>] [--log-input]
 * [--token-file <file>] [--watch]`: the decision service over HTTP, for systems that are
 * not Node. `boligsocial replay <log.jsonl>`: re-runs the logged decisions and reports
 * those whose outcomes would now differ.
 */
import type { Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import type { ReplayCliOptions, ServeCliOptions } from '../actions/serve.js';

/** Registers `serve` and `replay`; their implementation is loaded when they run. */
export function registerServeCommands(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('beslutningstjenesten over HTTP: POST /v1/screen, classify, forecast, lifecycle, financing og compare, med en beslutningslog der kan genafspilles')
    .option('--host <adresse>', 'adressen der lyttes på (standard kun denne maskine)', '127.0.0.1')
    .option('--port <port>', 'porten der lyttes på; 0 vælger en ledig', '8080')
    .option('--log <fil>', 'beslutningsloggen: én JSON-linje pr. beslutning (JSONL), tilføjet til filen')
    .option('--log-input', 'log også hver beslutnings input, så den kan genafspilles')
    .option('--token-file <fil>', 'kræv headeren Authorization: Bearer <token> med tokenet i filen (alle endpoints undtagen /v1/health)')
    .option('--watch', 'genindlæs reglerne, når en fil i regelmappen ændres (ellers ved SIGHUP)')
    .option('--body-limit <bytes>', 'den største forespørgsel i bytes', String(10 * 1024 * 1024))
    .addHelpText('after', '\nSignaler:\n  SIGHUP   genindlæs reglerne; skifter kun, hvis alle filer er gyldige\n  SIGTERM  stop: afslut igangværende forespørgsler, skriv loggen til disken')
    .addHelpText('after', examples('boligsocial serve --port 0 --log beslutninger.jsonl --log-input # en ledig port; adressen skrives på stderr', 'boligsocial --rules ../mine-regler serve --port 0 --watch # genindlæs ved hver ændring'))
    .action(async (options: ServeCliOptions) => {
      const { runServe } = await import('../actions/serve.js');
      await runServe(options, ctx);
    });

  program
    .command('replay')
    .description('genafspil beslutningsloggen: kør hver logget beslutning igen og vis dem, hvis udfald ville være anderledes nu')
    .argument('<log>', 'beslutningsloggen fra serve --log (med --log-input)')
    .option('--format <format>', 'text eller json', 'text')
    .addHelpText('after', '\nAfslutningskode 1, når mindst én beslutning ville få et andet udfald nu.')
    .addHelpText('after', examples('boligsocial replay beslutninger.jsonl', 'boligsocial --rules ../mine-regler replay beslutninger.jsonl # ville beslutningerne falde anderledes ud med de nye regler?'))
    .action(async (file: string, options: ReplayCliOptions) => {
      const { runReplay } = await import('../actions/serve.js');
      runReplay(file, options, ctx);
    });
}
