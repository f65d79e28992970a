/**
 * How many cases a property test runs. The suite runs each property as often as what it
 * proves needs (`runs(400)`); under `npm run mutate` (MUTATE=1) every mutant reruns the
 * tests that cover it, so each property runs at most {@link MUTATE_RUNS} cases there:
 * enough to kill a mutant that changes what the property checks, at a fraction of the time.
 */
export const MUTATE_RUNS = 25;

/** `full` normally; at most {@link MUTATE_RUNS} under mutation testing. */
export function runs(full: number): number {
  return process.env.MUTATE === '1' ? Math.min(full, MUTATE_RUNS) : full;
}
