/**
 * Benchmark of the decision service: a bounded loopback load test (autocannon, a few
 * seconds per case) of `POST /v1/screen` with 1 afdeling and with 1,000, against the real
 * service as built (`node dist/cli.js serve` in its own process), beside the library's
 * in-process time for the same work (screening the same afdelinger and writing the same
 * JSON). The overhead of HTTP is the ratio of the median latency to the library's time;
 * 1,000 afdelinger on one connection, so the median is one request's time, not a queue.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { generateAfdelinger } from '../fixtures/screening/generator.js';
import { formatTal } from '../src/format/danish.js';
import { renderTable } from '../src/format/table.js';
import { lib } from './library.js';

const fmt = (n: number, d = 0) => formatTal(n.toFixed(d), d);

/** Starts `node dist/cli.js serve --port 0`; resolves to its URL and a way to stop it. */
async function startBuilt(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [new URL('../dist/cli.js', import.meta.url).pathname, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
      const m = /lytter på (http:\/\/\S+)/.exec(err);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`bench: the service stopped:\n${err}`)));
  });
  return { url, stop: () => new Promise((resolve) => { child.on('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

/** The library's time for one request's work, in ms: median of `runs`. */
function libraryMs(body: { asOf: string; afdelinger: readonly unknown[] }, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const batch = lib.screenAfdelinger(body.afdelinger, { asOf: body.asOf, explain: false });
    JSON.stringify({ asOf: body.asOf, results: batch.results, diagnostics: batch.diagnostics });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Runs the load test and prints a table. */
export async function reportServe(): Promise<void> {
  const server = await startBuilt();
  const rows: string[][] = [];
  try {
    for (const [count, connections, seconds] of [[1, 4, 4], [1000, 1, 6]] as const) {
      const body = { asOf: '2024-12-01', afdelinger: generateAfdelinger(count, { seed: 16 }) };
      const payload = JSON.stringify(body);
      const lib1 = libraryMs(body, count === 1 ? 2000 : 30);
      const r = await autocannon({ url: `${server.url}/v1/screen`, method: 'POST', headers: { 'content-type': 'application/json' }, body: payload, connections, duration: seconds });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`bench: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
      rows.push([`${fmt(count)} afdeling${count === 1 ? '' : 'er'}`, String(connections), fmt(r.requests.average, 1), fmt(r.latency.p50, 1), fmt(r.latency.p99, 1), fmt(lib1, 3), fmt(r.latency.p50 / lib1, 1)]);
    }
  } finally {
    await server.stop();
  }
  process.stdout.write('\nBeslutningstjenesten: POST /v1/screen over loopback (autocannon), tjenesten bygget i sin egen proces\n');
  process.stdout.write(
    renderTable(
      [{ header: 'forespørgsel' }, { header: 'forbindelser', right: true }, { header: 'forespørgsler/s', right: true }, { header: 'p50 ms', right: true }, { header: 'p99 ms', right: true }, { header: 'biblioteket ms', right: true }, { header: 'p50 × biblioteket', right: true }],
      rows,
    ),
  );
}
