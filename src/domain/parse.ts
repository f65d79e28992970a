/**
 * Validation at the boundary: zod with its Danish messages, chosen per call (never
 * zod's global configuration, which would change other code in the same process).
 */
import type { z } from 'zod';
import { da } from 'zod/locales';
import { ownData } from './own.js';

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
