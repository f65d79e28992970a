/**
 * Names from input are data (issue 11, item 3): a boligområde, status or fact named like a
 * property of Object.prototype is looked up as an own property only, and an inherited
 * property is not a fact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledRegistry, classifyBoligomraade, evaluateRuleSet, screenAfdelinger } from '../../src/index.js';
import { ownData } from '../../src/domain/own.js';
import { afdeling, roligPeriode } from '../screening/helpers.js';
import { runs } from '../support/runs.js';

const base = { id: 'x', udenArbejdePct: '45', indkomstPctAfRegion: '50', kunGrundskolePct: '70', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1', ikkeVestligePct: '60' };

describe('own properties only', () => {
  it('an inherited beboere is missing to the engine', () => {
    const rs = bundledRegistry().inForce('classification', '2021-12-01');
    expect(evaluateRuleSet(rs, Object.create({ beboere: 2000 }) as Record<string, number>).missingFacts).toContain('beboere');
    expect(evaluateRuleSet(rs, { beboere: 2000 }).missingFacts).not.toContain('beboere');
  });

  it('an inherited beboere is missing to classification, an own one counts', () => {
    const inherited = Object.assign(Object.create({ beboere: 2000 }) as object, base);
    expect(classifyBoligomraade(inherited, { listedato: '2021-12-01' }).mangler).toContain('beboere');
    expect(classifyBoligomraade({ ...base, beboere: 2000 }, { listedato: '2021-12-01' }).mangler).not.toContain('beboere');
  });

  it('boligområder named constructor, toString and __proto__ screen like any other name', () => {
    const names = ['constructor', 'toString', 'hasOwnProperty'];
    const afdelinger = names.map((n, i) => afdeling([roligPeriode('2024-06-01')], { id: `A${i}`, boligomraade: n }));
    const empty = screenAfdelinger(afdelinger, { asOf: '2024-12-01', boligomraadeStatus: {} });
    expect(empty.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(empty.results.map((r) => r.boligomraadeStatus)).toEqual([null, null, null]);
    const given = screenAfdelinger(afdelinger, { asOf: '2024-12-01', boligomraadeStatus: { toString: ['parallelsamfund'], constructor: 'ingen' } });
    expect(given.results.map((r) => r.boligomraadeStatus)).toEqual([[], ['parallelsamfund'], null]);
  });

  it('a status map with a number or an unknown status is refused with the boligområde named', () => {
    const a = [afdeling([roligPeriode('2024-06-01')], { boligomraade: 'x' })];
    expect(() => screenAfdelinger(a, { asOf: '2024-12-01', boligomraadeStatus: { x: 5 } as never })).toThrow(/boligområdet "x"/);
    expect(() => screenAfdelinger(a, { asOf: '2024-12-01', boligomraadeStatus: { x: ['parallelsamfun'] } })).toThrow(/Mente du "parallelsamfund"/);
  });

  it('plain JSON data passes through ownData unchanged and uncopied', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => ownData(v) === v), { numRuns: runs(300) });
  });

  it('ownData drops inherited properties at any depth and keeps own ones', () => {
    const inner = Object.assign(Object.create({ skjult: 1 }) as object, { synlig: 2 });
    expect(ownData({ a: [inner], b: 3 })).toEqual({ a: [{ synlig: 2 }], b: 3 });
  });
});
