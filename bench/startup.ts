/**
 * Start-up of the built CLI (issue 13, item 7): `boligsocial validate` on the shipped
 * rules, wall time from spawn to exit, median of ten runs after one warm-up, beside
 * bare `node` starting and exiting (the floor no command can go under), the two run
 * in turn so a change in the machine's load falls on both alike.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { formatTal } from '../src/format/danish.js';

const fmt = (n: number, d = 0) => formatTal(n.toFixed(d), d);

/** Wall milliseconds of one run of node with `args`; throws unless it exits 0. */
function wallMs(args: readonly string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`bench startup: node ${args.join(' ')} exited ${String(run.status)}: ${run.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return ((sorted[Math.floor((sorted.length - 1) / 2)] as number) + (sorted[Math.ceil((sorted.length - 1) / 2)] as number)) / 2;
}

/** Median wall time of `validate` and of bare node over `runs` alternating runs. */
export function benchStartup(runs = 10): { validateMs: number; nodeMs: number } {
  const cli = new URL('../dist/cli.js', import.meta.url).pathname;
  const validate = [cli, 'validate'];
  const bare = ['-e', ''];
  wallMs(validate);
  wallMs(bare);
  const v: number[] = [];
  const n: number[] = [];
  for (let i = 0; i < runs; i++) {
    v.push(wallMs(validate));
    n.push(wallMs(bare));
  }
  return { validateMs: median(v), nodeMs: median(n) };
}

/** Prints the start-up figures and the target. */
export function reportStartup(): void {
  const { validateMs, nodeMs } = benchStartup();
  process.stdout.write(`\nOpstart: boligsocial validate på de medfølgende regler, median af 10: ${fmt(validateMs)} ms (node alene: ${fmt(nodeMs)} ms; ${fmt(validateMs / nodeMs, 1)} × node)\n`);
  process.stdout.write(`Mål: validate ≤ 600 ms: ${validateMs <= 600 ? 'nået' : 'IKKE nået'}\n`);
}
