/**
 * Linear work, checked without a clock limit: the same reader timed on inputs of size
 * n and 4n in the same process. Linear work gives a ratio near 4, quadratic near 16.
 * Another process on the machine can only slow a run down, so each size counts its best
 * of three runs, and a ratio at or above the limit is measured again (up to three times)
 * before it counts: a quadratic reader is above the limit every time.
 */
import { performance } from 'node:perf_hooks';

/** The best of `runs` timings of `work`, in ms. */
export function best(work: () => unknown, runs = 3): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** The time for input size 4n over the time for size n, each the best of several runs; the lowest of up to three measurements above `limit`. */
export function growth(make: (n: number) => string, read: (text: string) => unknown, n: number, limit: number): number {
  const small = make(n);
  const large = make(4 * n);
  read(small); // warm-up: compile the code paths first
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && ratio >= limit; attempt++) ratio = Math.min(ratio, best(() => read(large)) / best(() => read(small)));
  return ratio;
}
