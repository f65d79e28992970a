/** Controlled rounding of any two-way table, and the exact fractions behind it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceil, floor, rational, rationalFromDecimal, toFixed } from '../../src/financing/rational.js';
import { type FlowEdge, roundCirculation } from '../../src/financing/rounding.js';
import { runs } from '../support/runs.js';

describe('rational', () => {
  it('is exact', () => {
    expect(rationalFromDecimal('0.125')).toEqual({ n: 1n, d: 8n });
    expect(floor(rational(-7n, 2n))).toBe(-4n);
    expect(ceil(rational(7n, 2n))).toBe(4n);
    expect(toFixed(rational(1n, 3n), 2)).toBe('0.33');
    expect(toFixed(rational(5n, 1000n), 2)).toBe('0.00'); // half-even: 0.005 → 0.00
    expect(toFixed(rational(15n, 1000n), 2)).toBe('0.02'); // half-even: 0.015 → 0.02
    expect(toFixed(rational(3n, 1n), 4)).toBe('3.0000');
  });
});

/** A random table of exact fractions (m rows × n columns). */
const tableArb = fc
  .record({ m: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 6 }), d: fc.bigInt({ min: 1n, max: 10_000n }) })
  .chain(({ m, n, d }) =>
    fc.record({ d: fc.constant(d), cells: fc.array(fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }) }),
  );

describe('roundCirculation on arbitrary two-way tables', () => {
  it('rounds every cell, row total, column total and the grand total down or up, and keeps every sum', () => {
    fc.assert(
      fc.property(tableArb, ({ d, cells }) => {
        const m = cells.length;
        const n = cells[0]?.length ?? 0;
        // nodes: 0 source, 1 sink, rows 2.., columns 2+m..
        const edges: FlowEdge[] = [];
        const rowSum = cells.map((r) => r.reduce((a, b) => a + b, 0n));
        const colSum = Array.from({ length: n }, (_, j) => cells.reduce((a, r) => a + (r[j] as bigint), 0n));
        const grand = rowSum.reduce((a, b) => a + b, 0n);
        edges.push({ from: 1, to: 0, value: rational(grand, d) });
        rowSum.forEach((v, i) => edges.push({ from: 0, to: 2 + i, value: rational(v, d) }));
        cells.forEach((r, i) => r.forEach((v, j) => edges.push({ from: 2 + i, to: 2 + m + j, value: rational(v, d) })));
        colSum.forEach((v, j) => edges.push({ from: 2 + m + j, to: 1, value: rational(v, d) }));
        const x = roundCirculation(2 + m + n, edges);
        edges.forEach((e, k) => {
          const diff = (x[k] as bigint) * e.value.d - e.value.n;
          expect(diff < 0n ? -diff < e.value.d : diff < e.value.d).toBe(true);
        });
        const cell = (i: number, j: number) => x[1 + m + i * n + j] as bigint;
        for (let i = 0; i < m; i++) expect(Array.from({ length: n }, (_, j) => cell(i, j)).reduce((a, b) => a + b, 0n)).toBe(x[1 + i]);
        for (let j = 0; j < n; j++) expect(Array.from({ length: m }, (_, i) => cell(i, j)).reduce((a, b) => a + b, 0n)).toBe(x[1 + m + m * n + j]);
        expect(x.slice(1, 1 + m).reduce((a, b) => a + b, 0n)).toBe(x[0]);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('is deterministic and keeps already whole values', () => {
    const edges: FlowEdge[] = [
      { from: 1, to: 0, value: rational(3n) },
      { from: 0, to: 2, value: rational(3n, 2n) },
      { from: 0, to: 3, value: rational(3n, 2n) },
      { from: 2, to: 1, value: rational(3n, 2n) },
      { from: 3, to: 1, value: rational(3n, 2n) },
    ];
    expect(roundCirculation(4, edges)).toEqual(roundCirculation(4, edges));
    const x = roundCirculation(4, edges);
    expect(x[0]).toBe(3n);
    expect(x.slice(1, 3).sort()).toEqual([1n, 2n]);
  });

  it('refuses values that do not balance', () => {
    expect(() => roundCirculation(2, [{ from: 0, to: 1, value: rational(5n) }])).toThrow(/do not balance/);
  });
});
