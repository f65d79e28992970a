/** The Danish report of `boligsocial replay`. */
import { formatDiagnostic } from '../errors.js';
import type { OutcomeDifference, Replay, ReplayedDecision } from './replay.js';

const short = (hash: string | null) => (hash === null ? 'ingen fil' : `${hash.slice(0, 12)}…`);

function outcomeText(outcomes: OutcomeDifference['logged']): string {
  if (outcomes === null) return '(intet svar)';
  return (outcomes as { ruleId?: string; outcome?: unknown }[]).filter((o) => o.outcome === true).map((o) => o.ruleId).join(', ') || '(ingen regel opfyldt)';
}

function decisionText(d: ReplayedDecision): string[] {
  const lines = [`beslutning ${d.decisionId} (${d.endpoint}, ${d.time}): ${d.status === 'same' ? 'samme udfald' : d.status === 'differs' ? 'ANDET UDFALD NU' : 'ikke genafspillet: input blev ikke logget (start serve med --log-input)'}`];
  for (const f of d.changedFiles) {
    lines.push(`  kan ikke genskabes med de loggede regelfiler: ${f.id} ${f.version} ${f.now === null ? 'findes ikke længere' : 'har ændret indhold'} (logget ${short(f.logged)}, nu ${short(f.now)}); genafspillet med de nuværende filer`);
  }
  for (const e of d.errors ?? []) lines.push(`  afvises nu: ${formatDiagnostic(e)}`);
  for (const x of d.differences) {
    lines.push(`  ${x.subject ?? '(uden id)'}${x.asOf !== undefined ? ` pr. ${x.asOf}` : ''}: opfyldt før: ${outcomeText(x.logged)}; opfyldt nu: ${outcomeText(x.now)}`);
  }
  return lines;
}

/** The replay as Danish text: decisions that differ or cannot be reproduced, one by one, then the counts. */
export function formatReplay(replay: Replay): string {
  const shown = replay.decisions.filter((d) => d.status !== 'same' || d.changedFiles.length > 0);
  const lines = shown.flatMap(decisionText);
  for (const n of replay.unreadable) lines.push(`linje ${n} er ikke en beslutning fra tjenesten og er sprunget over`);
  const c = replay.counts;
  lines.push(`${replay.decisions.length} beslutninger i loggen: ${c.same} med samme udfald, ${c.differs} med andet udfald nu, ${c.noInput} uden logget input${c.cannotReproduce > 0 ? `; ${c.cannotReproduce} brugte regelfiler, der siden er ændret` : ''}`);
  return `${lines.join('\n')}\n`;
}
