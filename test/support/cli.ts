/** Runs the CLI in-process and captures what it prints. */
import { main } from '../../src/cli/main.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `boligsocial …argv` in `cwd` (the repository root by default). */
export function runCli(argv: readonly string[], cwd = process.cwd()): CliRun {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}
