/**
 * Reading indsatser at the boundary: zod validation and the event rules, as
 * diagnostics with the file, JSON pointer and indsats id. Never reads files itself.
 */
import type { z } from 'zod';
import { BoligsocialError, diagnostic, didYouMean, fail, ok, type Diagnostic, type Result } from '../errors.js';
import { EVENT_TYPES, indsatsSchema, type Indsats } from './schema.js';
import { validateIndsatsEvents } from './state.js';
import { issuePath, issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';

const SCHEMA_HINT = 'Ret feltet, så det følger indsatsformatet; med "$schema": "…/rules/indsats.schema.json" i filen viser editoren det, mens du skriver.';

/** The value at `path` in `value`, read through own properties only. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** An event whose `type` is not one of {@link EVENT_TYPES}: the message names the type given and the closest one. */
function unknownEventType(issue: z.core.$ZodIssue, value: unknown): { message: string; hint: string } | undefined {
  const path = issuePath(issue);
  if (path.length !== 3 || path[0] !== 'events' || path[2] !== 'type') return undefined;
  const given = valueAt(value, path);
  if (typeof given !== 'string') return undefined;
  const guess = didYouMean(given, EVENT_TYPES);
  return {
    message: `Ugyldig indsats: ukendt hændelsestype "${given}"`,
    hint: `${guess === undefined ? '' : `Mente du "${guess}"? `}Tilladte typer: ${EVENT_TYPES.join(', ')}.`,
  };
}

function zodDiagnostics(error: z.ZodError, value: unknown, file: string | undefined, id: string | undefined, base: string): Diagnostic[] {
  return issuesToDiagnostics(error, {
    pointerBase: base,
    ...(file === undefined ? {} : { file }),
    ...(id === undefined ? {} : { id }),
    message: (issue) => unknownEventType(issue, value)?.message ?? `Ugyldig indsats: ${issue.message}`,
    hint: (issue) => unknownEventType(issue, value)?.hint ?? SCHEMA_HINT,
  });
}

/**
 * Validates one indsats: its shape (zod) and its event log (event rules).
 * `pointerBase` locates it inside a file holding a list (e.g. "/3").
 */
export function parseIndsats(value: unknown, options: { readonly file?: string; readonly pointerBase?: string } = {}): Result<Indsats> {
  const base = options.pointerBase ?? '';
  const parsed = safeParseDanish(indsatsSchema, value);
  const rawId = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
  if (!parsed.success) return fail(zodDiagnostics(parsed.error, value, options.file, rawId, base));
  const indsats = parsed.data;
  const errors: Diagnostic[] = [];
  const dupes = indsats.afdelinger.filter((a, i) => indsats.afdelinger.indexOf(a) !== i);
  if (dupes.length) {
    errors.push(
      diagnostic({ code: 'input-invalid', severity: 'error', message: `Afdelingen ${dupes.join(', ')} står flere gange`, hint: 'Nævn hver afdeling én gang.', pointer: `${base}/afdelinger`, id: indsats.id, ...(options.file === undefined ? {} : { file: options.file }) }),
    );
  }
  const events = validateIndsatsEvents(indsats);
  if (!events.ok) {
    for (const d of events.errors) errors.push(diagnostic({ ...d, pointer: base + (d.pointer ?? ''), ...(options.file === undefined ? {} : { file: options.file }) }));
  }
  return errors.length ? fail(errors) : ok(Object.freeze(indsats));
}

/**
 * What keeps `value` from having the shape of an indsats (its zod schema; the event
 * rules are checked by the caller), as located Danish diagnostics; empty when it has it.
 */
export function indsatsShapeProblems(value: unknown): readonly Diagnostic[] {
  const parsed = safeParseDanish(indsatsSchema, value);
  if (parsed.success) return [];
  const rawId = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
  return zodDiagnostics(parsed.error, value, undefined, rawId, '');
}

/**
 * Throws unless `value` has the shape of an indsats: the boundary of the functions that
 * take an already parsed indsats.
 * @throws BoligsocialError `input-invalid` with the located Danish diagnostics.
 */
export function requireIndsats(value: unknown): asserts value is Indsats {
  const errors = indsatsShapeProblems(value);
  if (errors.length === 0) return;
  throw new BoligsocialError('input-invalid', `not a valid indsats: ${errors.map((d) => `${d.id ?? ''}${d.pointer ?? ''} ${d.message}`).join('; ')}`, errors);
}

/**
 * Validates a JSON value holding one indsats or a list of them. Good ones are
 * returned; bad ones are reported, never dropped silently.
 */
export function parseIndsatser(value: unknown, options: { readonly file?: string } = {}): { readonly indsatser: readonly Indsats[]; readonly errors: readonly Diagnostic[] } {
  const list = Array.isArray(value) ? value : [value];
  const indsatser: Indsats[] = [];
  const errors: Diagnostic[] = [];
  list.forEach((v, i) => {
    const r = parseIndsats(v, { ...options, pointerBase: Array.isArray(value) ? `/${i}` : '' });
    if (r.ok) indsatser.push(r.value);
    else errors.push(...r.errors);
  });
  return Object.freeze({ indsatser: Object.freeze(indsatser), errors: Object.freeze(errors) });
}
