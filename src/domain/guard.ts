/**
 * Guards at the public functions' boundary: an argument that is not even the right
 * kind of value (null where options belong, a string where a list belongs) is a
 * `BoligsocialError` with code `input-invalid` and a Danish diagnostic naming the
 * argument — never a TypeError from deep inside. What the value holds is validated by
 * each function's zod schema, as before.
 */
import { BoligsocialError, diagnostic } from '../errors.js';

/** An argument's name: Danish for the diagnostic, English for the exception message. */
export interface ArgumentName {
  readonly da: string;
  readonly en: string;
}

/** The kinds of value {@link requireFields} tells apart. */
export type ValueKind = 'string' | 'object' | 'list' | 'bigint';

/** Throws unless `value` is a (non-array) object. */
export function requireObject<T>(value: T, name: ArgumentName): asserts value is T & object {
  if (kindOf(value) !== 'object') reject(name, 'object', value);
}

/** Throws unless `value` is an array. */
export function requireList<T>(value: T, name: ArgumentName): asserts value is T & readonly unknown[] {
  if (!Array.isArray(value)) reject(name, 'list', value);
}

/** Throws unless `value` is an object whose named fields are of the given kinds. */
export function requireFields(value: unknown, name: ArgumentName, fields: Readonly<Record<string, ValueKind>>): void {
  requireObject(value, name);
  for (const [field, kind] of Object.entries(fields)) {
    const v = Object.hasOwn(value, field) ? (value as Readonly<Record<string, unknown>>)[field] : undefined;
    if (kindOf(v) !== kind) reject({ da: `feltet "${field}" i ${name.da}`, en: `${name.en}.${field}` }, kind, v);
  }
}

const KIND_DA: Readonly<Record<ValueKind, string>> = { string: 'en tekst', object: 'et objekt', list: 'en liste', bigint: 'et heltal (BigInt)' };
const KIND_EN: Readonly<Record<ValueKind, string>> = { string: 'a string', object: 'an object', list: 'an array', bigint: 'a bigint' };

function kindOf(value: unknown): ValueKind | 'other' {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object' && value !== null) return 'object';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'bigint') return 'bigint';
  return 'other';
}

function reject(name: ArgumentName, kind: ValueKind, value: unknown): never {
  const got = describeDa(value);
  throw new BoligsocialError('input-invalid', `${name.en} must be ${KIND_EN[kind]}, got ${value === null ? 'null' : typeof value}`, [
    diagnostic({ code: 'input-invalid', severity: 'error', message: `${name.da} skal være ${KIND_DA[kind]}, ikke ${got}`, hint: 'Se funktionens dokumentation for, hvad den skal have.' }),
  ]);
}

function describeDa(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'udeladt (undefined)';
  if (Array.isArray(value)) return 'en liste';
  return `en værdi af typen ${typeof value}`;
}
