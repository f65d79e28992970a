/** What the CLI needs from its surroundings, so `main(argv, io)` runs in-process in tests. */
import { type Diagnostic, diagnostic, formatDiagnostic } from '../errors.js';
import { escapeTerminal } from '../format/terminal.js';
import { TEXT_WIDTH, wrapLongLines } from '../format/wrap.js';
import { isUsageProblem, type RuleDomain, type RuleRegistry } from '../rules/index.js';

/** The CLI's input and output. */
export interface CliIo {
  /** Writes to standard output (text includes its own newlines). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
}

/** Exit codes: 0 success, 1 a finding (invalid rules, bad rows, failing scenarios), 2 usage or I/O error. */
export const EXIT = Object.freeze({ ok: 0, findings: 1, usage: 2 });

/** What every command gets: the io, the rules in use, and a way to set the exit code. */
export interface CliContext {
  readonly io: CliIo;
  /** The domains rule files may belong to. */
  readonly domains: readonly RuleDomain[];
  /** Resolves a path given on the command line against `io.cwd`. */
  readonly resolvePath: (path: string) => string;
  /**
   * The rules in use: those under `--rules <dir>` if given, else the package's shipped
   * rules. Throws a BoligsocialError carrying the diagnostics if they do not load.
   */
  readonly registry: () => RuleRegistry;
  /** The directory of the rules in use (`--rules <dir>` or the package's own). */
  readonly rulesDir: () => string;
  /** Raises the exit code (the highest code set wins). */
  readonly setExitCode: (code: number) => void;
}

/** Reports a usage error (a bad option value) in Danish on stderr and sets exit code 2. */
export function reportUsage(ctx: CliContext, message: string, hint: string): void {
  ctx.io.stderr(`${formatDiagnostic(diagnostic({ code: 'cli-usage', severity: 'error', message, hint }))}\n`);
  ctx.setExitCode(EXIT.usage);
}

/**
 * Reports the diagnostics of an input that cannot be read at all (missing, not UTF-8,
 * not JSON) on stderr: exit code 2 when a path could not be read, else 1. Returns
 * undefined, so an input reader can `return reportUnreadable(…)` for "nothing read".
 */
export function reportUnreadable(ctx: CliContext, errors: readonly Diagnostic[]): undefined {
  for (const d of errors) ctx.io.stderr(`${formatDiagnostic(d)}\n`);
  ctx.setExitCode(errors.some(isUsageProblem) ? EXIT.usage : EXIT.findings);
  return undefined;
}

/**
 * Writes text for people (tables, explanations) on stdout: control characters from input
 * shown as visible escapes, and every line wider than {@link TEXT_WIDTH} wrapped at spaces
 * (tables are laid out to fit, so only prose is wrapped). Never for JSON or CSV output.
 */
export function writeText(ctx: CliContext, text: string): void {
  ctx.io.stdout(wrapLongLines(escapeTerminal(text), TEXT_WIDTH));
}
