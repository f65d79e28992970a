/**
 * How far the CLI's heap may grow between full collections. By default V8 lets the old
 * generation grow to up to four times what is alive after a collection: a 100,020-row
 * `classify`, which keeps at most 112 MB alive, peaked at 470–566 MB RSS. A growth
 * factor of 1.5 peaks at about 315 MB on the same run, in the same time (fewer pages
 * touched, collections of the same size). The executable sets it for its own process
 * only — a service that imports the library keeps its own heap settings — and not where
 * the user chose the heap's size or growth (`NODE_OPTIONS` or node's own flags).
 */

/** The V8 flag the CLI sets: the heap grows by at most half of what is alive. */
export const HEAP_GROWTH_FLAG = '--heap-growing-percent=50';

const USER_HEAP_CHOICE = /--(?:heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size|optimize[-_]for[-_]size)\b/;

/**
 * Sets {@link HEAP_GROWTH_FLAG} through `setFlags` unless `execArgv` or `nodeOptions`
 * already choose the heap's size or growth. Returns whether it set it.
 */
export function boundHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined, setFlags: (flags: string) => void): boolean {
  if (execArgv.some((a) => USER_HEAP_CHOICE.test(a)) || USER_HEAP_CHOICE.test(nodeOptions ?? '')) return false;
  setFlags(HEAP_GROWTH_FLAG);
  return true;
}
