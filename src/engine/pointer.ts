/**
 * RFC 6901 JSON pointers: how `path` in a condition reads into an object fact, and how
 * diagnostics name a place in a file. The engine owns them; the loader uses them too.
 */

/** A path into a JSON value: property names and array indices. */
export type JsonPath = readonly (string | number)[];

/** Formats a path as an RFC 6901 JSON pointer. */
export function toPointer(path: JsonPath): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Parses an RFC 6901 JSON pointer into its tokens. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A JSON pointer as a path, array indices as numbers. */
export function pointerToPath(pointer: string): (string | number)[] {
  return parsePointer(pointer).map((t) => (/^(0|[1-9]\d*)$/.test(t) ? Number(t) : t));
}

/** The value at a parsed JSON pointer inside `value` (own properties only), or undefined. */
export function resolvePointer(value: unknown, tokens: readonly string[]): unknown {
  let v = value;
  for (const t of tokens) {
    if (Array.isArray(v)) v = /^(0|[1-9]\d*)$/.test(t) ? v[Number(t)] : undefined;
    else if (typeof v === 'object' && v !== null) v = Object.hasOwn(v, t) ? (v as Record<string, unknown>)[t] : undefined;
    else return undefined;
  }
  return v;
}
