/** What the CLI needs from its surroundings, so `main(argv, io)` runs in-process in tests. */

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
