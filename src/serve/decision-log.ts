/**
 * The decision log (`--log <file.jsonl>`): one JSON line per decision (and per reload),
 * each written with one `fs.writeSync` on a file opened for appending (O_APPEND), before
 * the answer is sent. Nothing is buffered in the process, so a crash loses no line that
 * was answered and never leaves half a line; the file is fsync'ed when the service stops.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** One rule file a decision used. */
export interface LoggedRuleFile {
  readonly id: string;
  readonly version: string;
  readonly contentHash: string;
}

/** One envelope of an answer: whom it is about (when it says), its date, and each rule's outcome. */
export interface LoggedOutcome {
  readonly subject?: string;
  readonly asOf?: string;
  readonly outcomes: readonly unknown[];
}

/** One decision as logged. */
export interface DecisionLine {
  readonly kind: 'decision';
  readonly decisionId: string;
  readonly time: string;
  readonly endpoint: string;
  readonly status: number;
  readonly ruleFiles: readonly LoggedRuleFile[];
  readonly packageVersion: string;
  readonly inputHash: string;
  /** The request body, only with `--log-input`. */
  readonly input?: unknown;
  readonly outcomes: readonly LoggedOutcome[];
}

/** A reload as logged: whether it switched, and why not. */
export interface ReloadLine {
  readonly kind: 'reload';
  readonly time: string;
  readonly ok: boolean;
  readonly ruleFiles?: readonly LoggedRuleFile[];
  readonly diagnostics?: readonly unknown[];
}

/** A line of the log. */
export type LogLine = DecisionLine | ReloadLine;

/** An open decision log. */
export interface DecisionLog {
  /** Appends one line (one write); throws when the line could not be written whole. */
  write(line: LogLine): void;
  /** Flushes the file to disk (fsync) and closes it. */
  close(): void;
}

/** Opens (creating) `path` for appending. */
export function openDecisionLog(path: string): DecisionLog {
  const fd = openSync(path, 'a');
  let open = true;
  return {
    write(line) {
      if (!open) throw new Error('the decision log is closed');
      const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
      const written = writeSync(fd, bytes);
      if (written !== bytes.length) throw new Error(`the decision log took ${written} of ${bytes.length} bytes`);
    },
    close() {
      if (!open) return;
      open = false;
      fsyncSync(fd);
      closeSync(fd);
    },
  };
}
