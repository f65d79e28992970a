/**
 * Checking the history a caller gives beside an area (`options.history`): each earlier list
 * an object with a valid `listedato`, a published status that is yes, no or unknown, and
 * figures (`input`) as an object, checked when the list is classified — nothing else, so a
 * misspelt key is an error, not a status silently left out. A fault is a located Danish
 * diagnostic, never a TypeError from deep inside the history fold.
 */
import { z } from 'zod';
import { isoDateSchema } from '../domain/calendar.js';
import { issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import { BoligsocialError, diagnostic } from '../errors.js';

const historikAarSchema = z
  .object({
    listedato: isoDateSchema,
    offentliggjortParallelsamfund: z.boolean().nullish(),
    input: z.looseObject({}).optional(),
  })
  .strict();

const historikSchema = z.array(historikAarSchema);
const historikPrOmraadeSchema = z.record(z.string(), historikSchema);

const HINT = 'Hver tidligere liste er { listedato: "ÅÅÅÅ-MM-DD", offentliggjortParallelsamfund: true/false/null, input: { … områdets tal … } }.';

/**
 * Checks the history of one area (`history` as `classifyBoligomraade` and
 * `forecastBoligomraade` take it); undefined is no history.
 * @throws BoligsocialError `input-invalid`, a diagnostic per fault, its field as `history.<index>.<key>`.
 */
export function checkHistory(history: unknown): void {
  if (history === undefined) return;
  check(historikSchema, history, 'history');
}

/**
 * Checks a history per boligområde id (`history` as the batch functions take it);
 * undefined is none.
 * @throws BoligsocialError `input-invalid`, as {@link checkHistory}, the field as `history.<id>.<index>.<key>`.
 */
export function checkHistoryById(history: unknown): void {
  if (history === undefined) return;
  check(historikPrOmraadeSchema, history, 'history');
}

function check(schema: z.ZodType, value: unknown, name: string): void {
  const r = safeParseDanish(schema, value);
  if (r.success) return;
  const diagnostics = issuesToDiagnostics(r.error, {
    field: 'always',
    message: (issue, field) => `${field === '' ? name : `${name}.${field}`}: ${issue.message}`,
    hint: HINT,
  }).map((d) => diagnostic({ ...d, field: d.field === undefined || d.field === '' ? name : `${name}.${d.field}` }));
  throw new BoligsocialError('input-invalid', `invalid ${name}: ${diagnostics.map((d) => d.message).join('; ')}`, diagnostics);
}
