/**
 * Validation at the boundary: zod with its Danish messages, chosen per call (never
 * zod's global configuration, which would change other code in the same process).
 */
import type { z } from 'zod';
import { da } from 'zod/locales';
import { ownData } from './own.js';
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../errors.js';
import { toPointer } from '../engine/pointer.js';

const danish = da();

/**
 * `schema.safeParse(value)` with zod's Danish messages and each issue's input kept for
 * hints. Only own properties are data: zod reads a key through the prototype chain, so
 * an object built on another prototype is first read as its own enumerable properties
 * (an inherited `beboere` does not count).
 */
export function safeParseDanish<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(ownData(value), { error: danish.localeError, reportInput: true });
}

/**
 * The path a zod issue is about: for an unknown key, the key itself rather than the
 * object holding it, so its pointer, line and column lead to the key an analyst must
 * delete or correct.
 */
export function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  return issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
}

/** How {@link issuesToDiagnostics} turns zod issues into diagnostics: what every one shares, and where each is located. */
export interface IssueDiagnostics {
  /** The diagnostic code (default `input-invalid`). */
  readonly code?: DiagnosticCode;
  readonly file?: string;
  /** The id of the thing the input describes (an afdeling, an indsats), when it has one. */
  readonly id?: string;
  /** The 1-based row of the input in a batch. */
  readonly row?: number;
  /** Locate each issue by JSON pointer, prefixed with this (e.g. "/3" inside a list); omitted: no pointer. */
  readonly pointerBase?: string;
  /** `field` (the path joined with "."): `always`, `when-nested` (only when the path is not empty) or omitted: none. */
  readonly field?: 'always' | 'when-nested';
  /** The message from zod's (Danish) message and the field; default zod's message. */
  readonly message?: (issue: z.core.$ZodIssue, field: string) => string;
  /** The hint, one for all or per issue. */
  readonly hint?: string | ((issue: z.core.$ZodIssue) => string | undefined);
}

/**
 * The one mapping from a zod error to located Danish diagnostics (error severity): each
 * domain's boundary says what its diagnostics share and how they are located.
 *
 * @example
 * issuesToDiagnostics(error, { file, pointerBase: '', hint: 'Ret feltet.' })
 */
export function issuesToDiagnostics(error: z.ZodError, how: IssueDiagnostics): Diagnostic[] {
  return error.issues.map((raw) => {
    const issue = withKeyMessage(raw);
    const path = issuePath(issue);
    const field = issue.path.join('.');
    const hint = typeof how.hint === 'function' ? how.hint(issue) : how.hint;
    return diagnostic({
      code: how.code ?? 'input-invalid',
      severity: 'error',
      ...(how.file !== undefined ? { file: how.file } : {}),
      ...(how.id !== undefined ? { id: how.id } : {}),
      ...(how.row !== undefined ? { row: how.row } : {}),
      ...(how.pointerBase !== undefined ? { pointer: how.pointerBase + toPointer(path) } : {}),
      ...(how.field === 'always' || (how.field === 'when-nested' && issue.path.length > 0) ? { field } : {}),
      message: how.message === undefined ? issue.message : how.message(issue, field),
      ...(hint !== undefined ? { hint } : {}),
    });
  });
}

/**
 * A record key that fails its schema is reported by zod as "Ugyldig nøgle i record", with
 * the key's own problem ("skal være et årstal, fx \"2024\"") tucked inside: the issue
 * with that problem as its message, naming the key.
 */
function withKeyMessage(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_key') return issue;
  const inner = issue.issues[0]?.message;
  if (inner === undefined) return issue;
  const key = issue.path[issue.path.length - 1];
  return { ...issue, message: key === undefined ? `nøglen ${inner}` : `nøglen "${String(key)}" ${inner}` };
}

/** The `id` an input names, if it is an object with an own text property `id` (for locating its diagnostics). */
export function idOf(value: unknown): string | undefined {
  try {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'id')) return undefined;
    const id = (value as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    // a proxy or getter that throws names nothing; validation says what is wrong with it
    return undefined;
  }
}
