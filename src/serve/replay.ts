/**
 * `boligsocial replay <log.jsonl>`: re-runs every logged decision whose input was logged,
 * through the same endpoint code the service answered it with, and reports every decision
 * whose outcomes would now differ. A decision whose rule files no longer have the logged
 * content hashes cannot be reproduced exactly: that is said per decision, naming the file,
 * and the decision is still re-run with the files there are now.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../errors.js';
import type { RuleDomain } from '../rules/index.js';
import { canonicalJson } from './canonical.js';
import type { DecisionLine, LoggedOutcome } from './decision-log.js';
import { fileKey, loadPolicy } from './policy.js';
import { decide } from './routes/decide.js';
import { endpointNamed } from './routes/index.js';
import { envelopesOf } from './server.js';

/** A logged rule file whose content is not what it was when the decision was made. */
export interface ChangedFile {
  readonly id: string;
  readonly version: string;
  readonly logged: string;
  /** Its content hash now; null when there is no such file now. */
  readonly now: string | null;
}

/** One envelope whose outcomes differ now. */
export interface OutcomeDifference {
  readonly subject?: string;
  readonly asOf?: string;
  readonly logged: LoggedOutcome['outcomes'] | null;
  readonly now: LoggedOutcome['outcomes'] | null;
}

/** What replaying one decision found. */
export interface ReplayedDecision {
  readonly decisionId: string;
  readonly endpoint: string;
  readonly time: string;
  /** `same`: the outcomes now are those logged; `differs`; `no-input`: logged without its input (not re-run). */
  readonly status: 'same' | 'differs' | 'no-input';
  readonly changedFiles: readonly ChangedFile[];
  readonly differences: readonly OutcomeDifference[];
  /** Why the decision is now refused (a 400), when it is. */
  readonly errors?: readonly Diagnostic[];
}

/** What replaying a log found. */
export interface Replay {
  readonly decisions: readonly ReplayedDecision[];
  /** Lines that are not decisions as the service writes them (1-based line numbers). */
  readonly unreadable: readonly number[];
  readonly counts: { readonly same: number; readonly differs: number; readonly noInput: number; readonly cannotReproduce: number };
}

/** Replays the decisions of the log at `file` against the rules in `rulesDir`; fails with the rules' diagnostics when they do not load. */
export function replayLog(file: string, rulesDir: string, domains: readonly RuleDomain[]): { ok: true; value: Replay } | { ok: false; errors: readonly Diagnostic[] } {
  const snapshot = loadPolicy(rulesDir, domains);
  if (!snapshot.ok) return snapshot;
  const { registry, files } = snapshot.value;
  const decisions: ReplayedDecision[] = [];
  const unreadable: number[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let line: DecisionLine;
      try {
        line = JSON.parse(text) as DecisionLine;
      } catch {
        unreadable.push(i + 1);
        return;
      }
      if (typeof line !== 'object' || line === null || (line as { kind?: unknown }).kind !== 'decision') {
        if ((line as { kind?: unknown } | null)?.kind !== 'reload') unreadable.push(i + 1);
        return;
      }
      const changedFiles = line.ruleFiles.flatMap((f): ChangedFile[] => {
        const now = files.get(fileKey(f.id, f.version))?.info.contentHash ?? null;
        return now === f.contentHash ? [] : [{ id: f.id, version: f.version, logged: f.contentHash, now }];
      });
      const base = { decisionId: line.decisionId, endpoint: line.endpoint, time: line.time, changedFiles };
      const endpoint = endpointNamed(line.endpoint);
      if (!Object.hasOwn(line, 'input') || endpoint === undefined) {
        decisions.push({ ...base, status: 'no-input', differences: [] });
        return;
      }
      const answer = decide(endpoint, registry, line.input);
      if (!answer.ok) {
        decisions.push({ ...base, status: 'differs', differences: [], errors: answer.errors });
        return;
      }
      const differences = compareOutcomes(line.outcomes, envelopesOf(answer.json).outcomes);
      decisions.push({ ...base, status: differences.length > 0 ? 'differs' : 'same', differences });
    });
  const count = (status: ReplayedDecision['status']) => decisions.filter((d) => d.status === status).length;
  return {
    ok: true,
    value: { decisions, unreadable, counts: { same: count('same'), differs: count('differs'), noInput: count('no-input'), cannotReproduce: decisions.filter((d) => d.changedFiles.length > 0).length } },
  };
}

/** The envelopes whose outcomes differ, position by position (an envelope only one side has differs too). */
function compareOutcomes(logged: readonly LoggedOutcome[], now: readonly LoggedOutcome[]): OutcomeDifference[] {
  const out: OutcomeDifference[] = [];
  for (let i = 0; i < Math.max(logged.length, now.length); i++) {
    const a = logged[i];
    const b = now[i];
    if (a !== undefined && b !== undefined && a.subject === b.subject && a.asOf === b.asOf && canonicalJson(a.outcomes) === canonicalJson(b.outcomes)) continue;
    const who = a ?? b;
    out.push({ ...(who?.subject !== undefined ? { subject: who.subject } : {}), ...(who?.asOf !== undefined ? { asOf: who.asOf } : {}), logged: a?.outcomes ?? null, now: b?.outcomes ?? null });
  }
  return out;
}
