/** Limits on the shape of input that hold everywhere the package reads data. */

/**
 * The deepest nesting of any JSON value the package reads — a rule file, a data file,
 * a fact — and of a condition with its references followed. No policy needs more; past
 * it, the recursive passes over the value could exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;
