/** The scenario file format: one input key per question, partial expectations, located Danish errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../../src/shipped.js';
import type { ScenarioResult } from '../../src/scenarios/run.js';
import { runScenarioFile, scenarioRules } from '../../src/scenarios/index.js';

const rules = scenarioRules(bundledRegistry);
const dir = mkdtempSync(join(tmpdir(), 'scenarie-'));
let n = 0;

/** Writes a scenario (pretty-printed, so lines and columns mean something) and runs it. */
function run(value: unknown): ScenarioResult & { readonly path: string; readonly lineOf: (text: string) => number } {
  const path = join(dir, `s${n++}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(path, text);
  return { ...runScenarioFile(path, rules), path, lineOf: (needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1 };
}

/** A 2021 row: 1.500 beboere, 45 pct. uden arbejde, 65 pct. kun grundskole, 55 pct. ikke-vestlige: udsat and parallelsamfund. */
const parallelsamfund = { id: 'a', listedato: '2021-12-01', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '65', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1', indkomstPctAfRegion: '70' };
const quietPeriod = {
  periode: '2024-12-01', huslejeKrPrM2: '1000', huslejeReferenceKrPrM2: '1000', fraflytninger: 8, voksne18til64: 100, overfoerselsindkomst: 15, kontanthjaelp: 4,
  tryghedRespondenter: 100, tryghedUtrygge: 8, voldHaendelser: 0, haervaerkHaendelser: 1, standBygninger: 2, standFriarealer: 2, saarbareIsoleredeHusstande: 2,
  restancer: 2, udsaettelser: 0, unge18til29: 50, ungeUdenJobUddannelse: 3, unge20til24: 20, ungeUdenUngdomsuddannelse: 1, elever9klasse: 10, eleverUnder02: 1, unge15til25: 40, ungeSigtede: 0,
};
const afdeling = { id: 'x', navn: 'X', boligorganisation: 'fsb', kommune: 'København', lejemaal: 100, boligarealM2: '7500', beboere: 200, perioder: [quietPeriod] };

describe('the input key decides the question', () => {
  it('a classification scenario runs classifyBoligomraade and checks only the keys given', () => {
    const r = run({ description: 'd', boligomraade: parallelsamfund, expected: { kategorier: { udsat: true } } });
    expect(r.kind).toBe('classification');
    expect(r.errors).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('a wrong expectation names its key path, what was expected and what came', () => {
    // no earlier lists given: the history is unknown, so omdannelse is too
    const r = run({ description: 'd', boligomraade: parallelsamfund, expected: { kategorier: { parallelsamfund: false, omdannelse: false }, aarIRaekke: 5 } });
    expect(r.mismatches).toEqual([
      { rule: 'kategorier.parallelsamfund', expected: false, actual: true },
      { rule: 'kategorier.omdannelse', expected: false, actual: null },
      { rule: 'aarIRaekke', expected: 5, actual: null },
    ]);
  });

  it('a category the law version does not define is a mismatch, not a pass', () => {
    const r = run({ description: 'd', boligomraade: { ...parallelsamfund, listedato: '2014-12-01' }, expected: { kategorier: { forebyggelse: false } } });
    expect(r.mismatches).toEqual([{ rule: 'kategorier.forebyggelse', expected: false, actual: 'findes ikke i lovversionen' }]);
  });

  it('a screening scenario computes the shares from the counts', () => {
    const flagged = run({ description: 'd', asOf: '2024-12-01', afdeling: { ...afdeling, perioder: [{ ...quietPeriod, fraflytninger: 16 }] }, expected: { udloeste: ['hoej-flyttefrekvens'], konklusion: 'indsats' } });
    expect(flagged.kind).toBe('screening');
    expect(flagged.passed).toBe(true);
    const unknown = run({ description: 'd', asOf: '2024-12-01', afdeling, expected: { indikatorer: { flytning: false } } });
    expect(unknown.mismatches).toEqual([{ rule: 'indikatorer.flytning', expected: false, actual: 'ingen sådan indikator' }]);
  });

  it('a financing scenario compares amounts by value', () => {
    const plan = { scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2025-01-01', key: 'lejemaal', budget: { periode: { from: '2025-01-01', to: '2025-12-31' }, total: '1000000.00' }, afdelinger: [{ id: 'a', lejemaal: 10 }] };
    expect(run({ description: 'd', plan, expected: { funders: { lbf: { total: '750000' } } } }).passed).toBe(true);
    expect(run({ description: 'd', plan, expected: { funders: { lbf: { total: '750000.01' } } } }).mismatches).toEqual([{ rule: 'funders.lbf.total', expected: '750000.01', actual: '750000.00' }]);
  });

  it('a plan the domain refuses is a located error of the scenario unless the refusal is expected', () => {
    const plan = { scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2025-01-01', key: 'lejemaal', budget: { periode: { from: '2025-01-01', to: '2029-01-01' }, total: '1000000.00' }, afdelinger: [{ id: 'a', lejemaal: 10 }] };
    const r = run({ description: 'd', plan, expected: {} });
    expect(r.errors).toEqual([expect.objectContaining({ file: r.path, pointer: '/plan/budget/periode/to', line: expect.any(Number), column: expect.any(Number) })]);
    expect(run({ description: 'd', plan, expected: { fejl: ['/budget/periode/to'] } }).passed).toBe(true);
  });

  it('a lifecycle scenario folds the events; an event the state does not allow can be the expectation', () => {
    const indsats = { id: 'i', navn: 'I', kind: 'lokalt-udviklingsprojekt', afdelinger: ['x'], finansieringsordning: 'financing-lokalt-udviklingsprojekt', maal: [], aktiviteter: [], events: [{ type: 'start', date: '2025-01-01' }] };
    expect(run({ description: 'd', asOf: '2025-06-01', indsats, expected: { haendelsesfejl: 'start-kraever-bevilling' } }).passed).toBe(true);
    const r = run({ description: 'd', asOf: '2025-06-01', indsats, expected: { tilstand: 'i-gang' } });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'event-not-allowed', pointer: '/indsats/events/0', line: expect.any(Number) })]);
  });
});

describe('located Danish errors', () => {
  it('no input key: at the top, naming the five keys', () => {
    const r = run({ description: 'd', expected: {} });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'schema', file: r.path, pointer: '', line: 1, column: 1, message: 'scenariet angiver ikke sit input' });
    for (const key of ['facts', 'boligomraade', 'afdeling', 'indsats', 'plan']) expect(r.errors[0]?.hint).toContain(`"${key}"`);
  });

  it('two input keys: at the second', () => {
    const r = run({ description: 'd', afdeling, indsats: {}, expected: {} });
    expect(r.errors).toEqual([expect.objectContaining({ pointer: '/indsats', line: r.lineOf('"indsats"'), column: 3, message: 'scenariet har både "afdeling" og "indsats"' })]);
  });

  it('a misspelt expectation key: at that key, with a hint', () => {
    const r = run({ description: 'd', boligomraade: parallelsamfund, expected: { kategorier: { omdanelse: true } } });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'schema', pointer: '/expected/kategorier/omdanelse', line: r.lineOf('"omdanelse"'), hint: expect.stringContaining('omdanelse') })]);
  });

  it('a bad figure in the domain input: at the figure, with the domain schema\'s Danish message', () => {
    const r = run({ description: 'd', asOf: '2024-12-01', afdeling: { ...afdeling, lejemaal: 'mange' }, expected: {} });
    expect(r.errors).toEqual([expect.objectContaining({ pointer: '/afdeling/lejemaal', line: r.lineOf('"mange"'), message: expect.stringMatching(/tal/) })]);
  });

  it('an earlier list of another area or not before the row: at that field', () => {
    const r = run({ description: 'd', boligomraade: parallelsamfund, historik: [{ id: 'b', listedato: '2020-12-01' }, { listedato: '2021-12-01' }], expected: {} });
    expect(r.errors.map((e) => e.pointer)).toEqual(['/historik/0/id', '/historik/1/listedato']);
    expect(r.errors.every((e) => e.file === r.path && typeof e.line === 'number')).toBe(true);
  });

  it('a date no rules are in force on: at the date', () => {
    const r = run({ description: 'd', boligomraade: { ...parallelsamfund, listedato: '2009-12-01' }, expected: {} });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'no-rules-in-force', pointer: '/boligomraade/listedato', line: r.lineOf('"2009-12-01"') })]);
  });
});
