/**
 * `boligsocial serve`: loads the rules, opens the log, listens (loopback unless told
 * otherwise) and says where on stderr ("lytter på http://127.0.0.1:PORT"). SIGHUP (and,
 * with `watch`, a change in the rules directory) reloads the rules; SIGTERM (or SIGINT)
 * stops accepting, lets the requests in flight finish, then flushes and closes the log.
 */
import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { type Diagnostic, formatDiagnostic } from '../errors.js';
import type { RuleDomain } from '../rules/index.js';
import { readTokenFile, tokenCheck } from './auth.js';
import { type DecisionLog, type LoggedRuleFile, openDecisionLog } from './decision-log.js';
import { createPolicy, loadPolicy, type Policy, type PolicySnapshot } from './policy.js';
import { buildServer } from './server.js';

/** What `serve` is told. */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly rulesDir: string;
  readonly domains: readonly RuleDomain[];
  readonly logFile?: string;
  readonly logInput: boolean;
  readonly tokenFile?: string;
  readonly watch: boolean;
  readonly bodyLimit?: number;
  /** Text for the operator (Danish), on stderr. */
  readonly stderr: (text: string) => void;
}

/** Why the service did not start: Danish diagnostics. */
export class ServeStartError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('the decision service could not start');
  }
}

function filesOf(snapshot: PolicySnapshot): LoggedRuleFile[] {
  return [...snapshot.files.values()].map(({ info }) => ({ id: info.id, version: info.version, contentHash: info.contentHash }));
}

/** Reloads the policy, says so on stderr and in the log; the old rules stay when any file does not validate. */
function reloader(policy: Policy, log: DecisionLog | undefined, stderr: (text: string) => void): () => void {
  return () => {
    const result = policy.reload();
    const time = new Date().toISOString();
    if (result.ok) {
      stderr(`regler genindlæst fra ${policy.dir}: ${result.value.files.size} regelfiler\n`);
      log?.write({ kind: 'reload', time, ok: true, ruleFiles: filesOf(result.value) });
      return;
    }
    for (const d of result.errors) stderr(`${formatDiagnostic(d)}\n`);
    stderr(`reglerne blev ikke genindlæst: ${result.errors.length} fejl; tjenesten bruger fortsat de hidtidige regler\n`);
    log?.write({ kind: 'reload', time, ok: false, diagnostics: result.errors });
  };
}

/**
 * Runs the service until SIGTERM or SIGINT; resolves when it has stopped (every request
 * answered, the log flushed and closed). Rejects with {@link ServeStartError} when it cannot start.
 */
export async function serveUntilStopped(options: ServeOptions): Promise<void> {
  const first = loadPolicy(options.rulesDir, options.domains);
  if (!first.ok) throw new ServeStartError(first.errors);
  const policy = createPolicy(options.rulesDir, options.domains, first.value);
  let token;
  try {
    token = options.tokenFile === undefined ? undefined : tokenCheck(readTokenFile(options.tokenFile));
  } catch {
    throw new ServeStartError([{ code: 'cli-usage', severity: 'error', message: `tokenfilen ${options.tokenFile ?? ''} kan ikke læses, eller den er tom`, hint: 'Skriv tokenet på første linje i filen.' }]);
  }
  const log = options.logFile === undefined ? undefined : openDecisionLog(options.logFile);
  const fastify = buildServer({
    policy,
    ...(log !== undefined ? { log } : {}),
    logInput: options.logInput,
    ...(token !== undefined ? { token } : {}),
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    report: options.stderr,
  });
  const reload = reloader(policy, log, options.stderr);
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await fastify.listen({ host: options.host, port: options.port });
  } catch (error) {
    log?.close();
    throw new ServeStartError([{ code: 'cli-usage', severity: 'error', message: `tjenesten kan ikke lytte på ${options.host}:${options.port}: ${(error as Error).message}`, hint: 'Vælg en anden --port (0: en ledig port).' }]);
  }
  if (options.watch) {
    // editors write a file in several steps: reload once the directory has been quiet a moment.
    // One watch per directory, set up before the address is announced (a recursive watch is set
    // up asynchronously on Linux in Node 20, so a change right after the start could be missed).
    watchers = directoriesUnder(options.rulesDir).map((dir) =>
      watch(dir, () => {
        clearTimeout(timer);
        timer = setTimeout(reload, 300);
      }),
    );
  }
  // the signals are handled before the address is announced: a SIGTERM right after it still stops in order
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      process.off('SIGHUP', reload);
      for (const w of watchers) w.close();
      clearTimeout(timer);
      options.stderr('stopper: afslutter igangværende forespørgsler\n');
      void fastify.close().then(() => {
        log?.close();
        options.stderr('stoppet\n');
        done();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.on('SIGHUP', reload);
  });
  const address = fastify.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  options.stderr(`lytter på http://${host}:${address.port}\n`);
  await stopped;
}

/** `dir` and every directory below it. */
function directoriesUnder(dir: string): string[] {
  return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => directoriesUnder(join(dir, e.name)))];
}
