/**
 * The lifecycle on long event logs (issue 11, item 5): parse and review one indsats of
 * n and of 4n events, mixed and only midtvejsevalueringer (the type once handled in
 * quadratic time). Linear time shows as a 4n/n time ratio near 4.
 */
import { performance } from 'node:perf_hooks';
import { formatTal } from '../src/format/danish.js';
import { renderTable } from '../src/format/table.js';
import { generateLongIndsats, LONG_INDSATS_AS_OF } from '../fixtures/lifecycle/long-indsats.js';
import { lib } from './library.js';

const { parseIndsats, reviewIndsatser } = lib;

function timeOnce(n: number, only: boolean): number {
  const raw = generateLongIndsats(n, { onlyMidtvejsevalueringer: only });
  const t0 = performance.now();
  const parsed = parseIndsats(raw);
  if (!parsed.ok) throw new Error(`generated indsats does not parse: ${parsed.errors[0]?.message ?? ''}`);
  const review = reviewIndsatser([parsed.value], { asOf: LONG_INDSATS_AS_OF });
  if (review.indsatser.length !== 1) throw new Error('the indsats was not reviewed');
  return performance.now() - t0;
}

/** Median of five runs, in ms. */
function median(n: number, only: boolean): number {
  const runs = Array.from({ length: 5 }, () => timeOnce(n, only)).sort((a, b) => a - b);
  return runs[2] ?? Number.NaN;
}

/** Prints events per second at 10,000 and 40,000 events and the time ratio. */
export function reportLifecycle(): void {
  const fmt = (x: number, d = 0) => formatTal(x.toFixed(d), d);
  const rows = [false, true].map((only) => {
    const small = median(10_000, only);
    const large = median(40_000, only);
    return [only ? 'kun midtvejsevalueringer' : 'blandet log', fmt(small, 1), fmt(large, 1), fmt(40_000 / (large / 1000)), fmt(large / small, 2)];
  });
  process.stdout.write('\nLivsforløb: én indsats med lang hændelseslog, indlæst og vurderet (median af 5)\n');
  process.stdout.write(renderTable([{ header: 'log' }, { header: 'ms ved 10.000', right: true }, { header: 'ms ved 40.000', right: true }, { header: 'hændelser/s', right: true }, { header: 'tid 40.000 / 10.000', right: true }], rows));
  process.stdout.write('Mål: lineær tid (forholdet nær 4, ikke 16)\n');
}
