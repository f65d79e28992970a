/**
 * Classification at scale (issue 11): a classify CSV of n and of 4n rows
 * (fixtures/classification/generator.ts) read and classified one row at a time, as the
 * CLI does — rows per second, and the 4n/n time ratio (linear work gives about 4).
 * Memory is reported as the live heap after a full collection at every 10,000th row,
 * which is what streaming bounds; the process's peak RSS is V8's choice of heap size.
 */
import { performance } from 'node:perf_hooks';
import { generateBoligomraaderCsv } from '../fixtures/classification/generator.js';
import { formatTal } from '../src/format/danish.js';
import { renderTable } from '../src/format/table.js';
import { lib } from './library.js';

const { classifyEach, readBoligomraaderCsv } = lib;
const gc = (globalThis as { gc?: () => void }).gc;

interface Run {
  readonly rows: number;
  readonly ms: number;
  /** Highest live heap seen (MB), when the bench runs with --expose-gc. */
  readonly liveMb: number | undefined;
}

function runOnce(rows: number, sampleHeap: boolean): Run {
  const { text, rows: n } = generateBoligomraaderCsv(rows);
  const t0 = performance.now();
  const csv = readBoligomraaderCsv(text, 'bench.csv');
  let classified = 0;
  let liveMb: number | undefined;
  for (const r of classifyEach(csv.entries.map((e) => e.value), {})) {
    if (r.ok) classified++;
    if (sampleHeap && gc !== undefined && classified % 10_000 === 0) {
      gc();
      liveMb = Math.max(liveMb ?? 0, process.memoryUsage().heapUsed / 1e6);
    }
  }
  const ms = performance.now() - t0;
  if (classified !== n) throw new Error(`bench classify: ${classified} of ${n} rows classified`);
  return { rows: n, ms, liveMb };
}

/** Prints rows per second at 10,000 and 40,000 rows, the time ratio, and the live heap at 100,000 rows. */
export function reportClassify(): void {
  const fmt = (x: number, d = 0) => formatTal(x.toFixed(d), d);
  runOnce(2_000, false); // warm-up
  const small = runOnce(10_000, false);
  const large = runOnce(40_000, false);
  const big = runOnce(100_000, true);
  process.stdout.write('\nKlassifikation: genererede boligområderækker læst fra CSV og klassificeret én ad gangen (classifyEach)\n');
  process.stdout.write(
    renderTable(
      [{ header: 'rækker', right: true }, { header: 'ms', right: true }, { header: 'rækker/s', right: true }, { header: 'største levende heap, MB', right: true }],
      [small, large, big].map((r) => [fmt(r.rows), fmt(r.ms), fmt(r.rows / (r.ms / 1000)), r.liveMb === undefined ? '–' : fmt(r.liveMb)]),
    ),
  );
  process.stdout.write(`Tid 40.000 / 10.000 rækker: ${fmt(large.ms / small.ms, 2)} (lineær tid giver omkring 4)\n`);
}
