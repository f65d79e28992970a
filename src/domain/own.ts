/**
 * Looking up a name that comes from input: only an object's own properties count, so a
 * boligområde, status, fact or parameter named `constructor`, `toString` or `__proto__`
 * is data like any other name — never `Object.prototype`'s function.
 */

/**
 * `record[key]` if `record` has `key` as an own property, else `undefined`.
 *
 * @example
 * own({ a: 1 }, 'a')            // 1
 * own({ a: 1 }, 'constructor')  // undefined (not Object)
 */
export function own<V>(record: Readonly<Record<string, V>> | undefined | null, key: string): V | undefined {
  if (record === undefined || record === null) return undefined;
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True if `record` has `key` as an own property (`key in record` also sees the prototype chain). */
export function hasOwn(record: object | undefined | null, key: string): boolean {
  return record !== undefined && record !== null && Object.hasOwn(record, key);
}

/**
 * `value` with every object that is not plain data (its prototype neither `Object.prototype`
 * nor null) replaced by a plain object of its own enumerable properties, at any depth;
 * plain objects and arrays are copied only when something inside them had to be. Cycles
 * are left as they are (the validators reject them).
 */
export function ownData(value: unknown): unknown {
  return ownDataOf(value, new Set());
}

/** Deeper than this the value is left as it is: the validators' own nesting limits refuse it. */
const MAX_OWN_DATA_DEPTH = 256;

function ownDataOf(value: unknown, path: Set<object>): unknown {
  if (typeof value !== 'object' || value === null || path.has(value) || path.size >= MAX_OWN_DATA_DEPTH) return value;
  path.add(value);
  try {
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        const w = ownDataOf(v, path);
        if (w !== v) (out ??= value.slice())[i] = w;
      }
      return out ?? value;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    const plain = proto === Object.prototype || proto === null;
    let out: Record<string, unknown> | undefined = plain ? undefined : {};
    for (const [k, v] of Object.entries(value)) {
      const w = ownDataOf(v, path);
      if (out === undefined && w !== v) out = { ...(value as Record<string, unknown>) };
      if (out !== undefined) out[k] = w;
    }
    return out ?? value;
  } finally {
    path.delete(value);
  }
}
