/** Deep freezing of results: every value the package returns is frozen all the way down. */

/** Freezes a value and everything reachable from it; returns it. Already frozen parts are not walked again. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A result type while it is being built, before it is frozen: its readonly properties writable. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
