/** Runs the CLI in-process and captures what it prints. */
import { type CliOptions, main } from '../../src/cli/main.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `boligsocial …argv` in `cwd` (the repository root by default), with the
 * package's own domains unless `options` names others (the engine's test domain).
 */
export async function runCli(argv: readonly string[], cwdOrOptions: string | CliOptions = process.cwd(), options: CliOptions = {}): Promise<CliRun> {
  const cwd = typeof cwdOrOptions === 'string' ? cwdOrOptions : process.cwd();
  const cli = typeof cwdOrOptions === 'string' ? options : cwdOrOptions;
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd }, cli);
  return { code, stdout, stderr };
}
