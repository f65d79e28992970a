/**
 * The official statuses of boligområder given beside the afdelinger (`--status`, the
 * `boligomraadeStatus` option): boligområde → a status, a list of statuses, or "ingen".
 * Checked against the closed list of statuses, and read into a Map, so a boligområde
 * named `constructor` or `toString` is a name like any other.
 */
import { z } from 'zod';
import { isIngenStatus, normaliseStatus, resolveStatus, statusInListProblem, unknownStatusProblem } from '../domain/boligomraade-status.js';
import { issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import { BoligsocialError, diagnostic } from '../errors.js';

/** Official statuses per boligområde id: a status or a list of statuses; "ingen" or [] = on no list. */
export type BoligomraadeStatusMap = Readonly<Record<string, string | readonly string[]>>;

/**
 * The zod schema of a status map: an object whose every value is a known status, "ingen"
 * (or ""), or a list of known statuses. Issues name the boligområde (and the list index).
 * The value passes through unchanged: read it with {@link statusMapOf}.
 */
export const boligomraadeStatusMapSchema = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'statusfilen skal være et objekt: {"<boligområde>": ["<status>", …], …}' });
    return;
  }
  for (const [omraade, v] of Object.entries(value)) {
    if (typeof v === 'string') {
      if (v.trim() !== '' && !isIngenStatus(v) && resolveStatus(v) === undefined) ctx.addIssue({ code: 'custom', path: [omraade], message: problemText(v) });
    } else if (Array.isArray(v)) {
      v.forEach((s: unknown, i) => {
        if (typeof s !== 'string') ctx.addIssue({ code: 'custom', path: [omraade, i], message: `en status skal være tekst, ikke ${JSON.stringify(s) ?? typeof s}` });
        else {
          const problem = statusInListProblem(s, 'Skriv [] eller "ingen" (uden liste)');
          if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [omraade, i], message: `${problem.message} — ${problem.hint}` });
        }
      });
    } else {
      ctx.addIssue({ code: 'custom', path: [omraade], message: `boligområdet "${omraade}" skal have en status eller en liste af statusser, ikke ${JSON.stringify(v) ?? typeof v}` });
    }
  }
});

function problemText(status: string): string {
  const p = unknownStatusProblem(status);
  return `${p.message} — ${p.hint}`;
}

/**
 * A checked status map as a Map from boligområde to its status ids ([] = on no list).
 *
 * @throws BoligsocialError `input-invalid` naming each bad entry (pointer and Danish message).
 */
export function statusMapOf(map: unknown): ReadonlyMap<string, readonly string[]> {
  const checked = safeParseDanish(boligomraadeStatusMapSchema, map);
  if (!checked.success) {
    const diagnostics = issuesToDiagnostics(checked.error, { pointerBase: '', hint: 'Ret statussen for boligområdet.' }).map((d) => diagnostic({ ...d, field: 'boligomraadeStatus' }));
    throw new BoligsocialError('input-invalid', `boligomraadeStatus does not validate: ${diagnostics.map((d) => `${d.pointer} ${d.message}`).join('; ')}`, diagnostics);
  }
  const out = new Map<string, readonly string[]>();
  for (const [omraade, v] of Object.entries(map as object) as [string, string | readonly string[]][]) {
    const list = typeof v === 'string' ? (v.trim() === '' || isIngenStatus(v) ? [] : [v]) : v;
    out.set(omraade, Object.freeze(list.map(normaliseStatus)));
  }
  return out;
}
