/**
 * Classification at scale (issue 11): a classify CSV of n and of 4n rows
 * (fixtures/classification/generator.ts) read and classified one row at a time, as the
 * CLI does — rows per second, and the 4n/n time ratio (linear work gives about 4).
 * Memory is reported as the live heap after a full collection at every 10,000th row,
 * which is what streaming bounds, and as the peak RSS of the built CLI classifying the
 * 100,000 rows (`--format json`), which is what the machine sees.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const cli = cliPeak(100_000);
  process.stdout.write(`boligsocial classify --format json på ${fmt(cli.rows)} rækker: største RSS ${fmt(cli.rssMb)} MB på ${fmt(cli.ms / 1000, 1)} s (mål: under 500 MB)\n`);
}

/** The built CLI on a generated file of `rows` rows: its peak RSS (MB, from bench/maxrss.mjs) and wall time. */
function cliPeak(rows: number): { rows: number; rssMb: number; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-classify-'));
  try {
    const { text, rows: n } = generateBoligomraaderCsv(rows);
    const file = join(dir, 'omraader.csv');
    writeFileSync(file, text);
    const preload = new URL('./maxrss.mjs', import.meta.url).href;
    const cliPath = new URL('../dist/cli.js', import.meta.url).pathname;
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ['--import', preload, cliPath, 'classify', file, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t0;
    // exit 1 (rows with findings) has still classified every good row
    if (run.status !== 0 && run.status !== 1) throw new Error(`bench classify: the CLI exited ${String(run.status)}: ${run.stderr}`);
    const match = /maxrss-kb (\d+)/.exec(run.stderr);
    if (match === null) throw new Error('bench classify: the CLI did not report its peak RSS');
    return { rows: n, rssMb: Number(match[1]) / 1024, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
