/**
 * What a screening keeps alive after it returns (src/screening/shape-anchor.ts): the last
 * result of each kind, so that the hidden classes V8's optimised code relies on outlive
 * the batch — and nothing else of the batch's results.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateAfdelinger } from '../../fixtures/screening/generator.js';
import { screenAfdeling, screenAfdelinger } from '../../src/screening/index.js';
import { anchoredResults } from '../../src/screening/shape-anchor.js';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const afdelinger = generateAfdelinger(40, { seed: 17 });
const asOf = '2024-12-01';

/** Lets a job end (a WeakRef's target stays alive until then) and collects twice. */
async function collectGarbage(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  collect();
  collect();
}

describe('the shapes a screening keeps alive', () => {
  it('keeps the last result of a batch, by kind, until the next screening of that kind', () => {
    const decided = screenAfdelinger(afdelinger, { asOf, explain: false }).results;
    expect(anchoredResults().decisionOnly).toBe(decided.at(-1));
    const explained = screenAfdelinger(afdelinger.slice(0, 3), { asOf }).results;
    expect(anchoredResults().explained).toBe(explained.at(-1));
    // an explained screening leaves the decision-only result kept, and the other way round
    expect(anchoredResults().decisionOnly).toBe(decided.at(-1));
    const one = screenAfdeling(afdelinger[5], { asOf, explain: false });
    expect(anchoredResults().decisionOnly).toBe(one);
    expect(anchoredResults().explained).toBe(explained.at(-1));
  });

  it('keeps no result when every afdeling was refused', () => {
    const before = anchoredResults();
    const refused = screenAfdelinger([{ id: 'X' }, null], { asOf, explain: false });
    expect(refused.results).toHaveLength(0);
    expect(refused.diagnostics.length).toBeGreaterThan(0);
    expect(anchoredResults()).toEqual(before);
  });

  it('lets every other result of the batch be collected', async () => {
    let results: readonly unknown[] | undefined = screenAfdelinger(afdelinger, { asOf, explain: false }).results;
    const refs = results.map((r) => new WeakRef(r as object));
    results = undefined;
    await collectGarbage();
    const alive = refs.map((ref) => ref.deref() !== undefined);
    expect(alive.slice(0, -1).filter(Boolean)).toHaveLength(0);
    expect(alive.at(-1)).toBe(true);
    expect(refs.at(-1)?.deref()).toBe(anchoredResults().decisionOnly);
  });
});
