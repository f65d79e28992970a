/** What `boligsocial serve` and `boligsocial replay` do: see `../commands/serve.ts` for their options and help. */
import { formatDiagnostic } from '../../errors.js';
import { displayPath, isUsageProblem } from '../../rules/index.js';
import { formatReplay, replayLog, ServeStartError, serveUntilStopped } from '../../serve/index.js';
import { type CliContext, EXIT, reportUsage } from '../io.js';

/** The options of `serve`. */
export interface ServeCliOptions {
  host: string;
  port: string;
  log?: string;
  logInput?: boolean;
  tokenFile?: string;
  watch?: boolean;
  bodyLimit: string;
}

/** The options of `replay`. */
export interface ReplayCliOptions {
  format: string;
}

/** Runs the service until SIGTERM; exit code 0 when it stopped in order, 2 when it could not start. */
export async function runServe(options: ServeCliOptions, ctx: CliContext): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return reportUsage(ctx, `--port "${options.port}" er ikke et portnummer`, 'Skriv et helt tal fra 0 til 65535 (0: en ledig port).');
  const bodyLimit = Number(options.bodyLimit);
  if (!Number.isInteger(bodyLimit) || bodyLimit <= 0) return reportUsage(ctx, `--body-limit "${options.bodyLimit}" er ikke et antal bytes`, 'Skriv et helt, positivt tal, fx 10485760 for 10 MB.');
  if (options.logInput === true && options.log === undefined) return reportUsage(ctx, '--log-input kræver --log <fil>', 'Angiv også filen, beslutningerne logges i.');
  try {
    await serveUntilStopped({
      host: options.host,
      port,
      rulesDir: ctx.rulesDir(),
      domains: ctx.domains,
      ...(options.log !== undefined ? { logFile: ctx.resolvePath(options.log) } : {}),
      logInput: options.logInput === true,
      ...(options.tokenFile !== undefined ? { tokenFile: ctx.resolvePath(options.tokenFile) } : {}),
      watch: options.watch === true,
      bodyLimit,
      stderr: ctx.io.stderr,
    });
  } catch (error) {
    if (!(error instanceof ServeStartError)) throw error;
    for (const d of error.diagnostics) ctx.io.stderr(`${formatDiagnostic(d.file !== undefined ? { ...d, file: displayPath(d.file, ctx.io.cwd) } : d)}\n`);
    ctx.io.stderr('fejl: tjenesten kunne ikke starte\n');
    ctx.setExitCode(error.diagnostics.some(isUsageProblem) || error.diagnostics.some((d) => d.code === 'cli-usage') ? EXIT.usage : EXIT.findings);
  }
}

/** Replays the log at `file` and prints what would now differ; exit code 1 when anything does. */
export function runReplay(file: string, options: ReplayCliOptions, ctx: CliContext): void {
  if (!['text', 'json'].includes(options.format)) return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug text eller json.');
  let result;
  try {
    result = replayLog(ctx.resolvePath(file), ctx.rulesDir(), ctx.domains);
  } catch (error) {
    // the log file itself cannot be read (missing, a directory): a usage error; anything else is a bug
    if (typeof (error as { code?: unknown }).code !== 'string') throw error;
    return reportUsage(ctx, `beslutningsloggen ${file} kan ikke læses`, 'Angiv filen fra serve --log.');
  }
  if (!result.ok) {
    for (const d of result.errors) ctx.io.stderr(`${formatDiagnostic(d)}\n`);
    ctx.setExitCode(result.errors.some(isUsageProblem) ? EXIT.usage : EXIT.findings);
    return;
  }
  ctx.io.stdout(options.format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : formatReplay(result.value));
  if (result.value.counts.differs > 0) ctx.setExitCode(EXIT.findings);
}
