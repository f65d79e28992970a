/**
 * The benchmark scenario form: a portfolio under "benchmark", run through
 * benchmarkIndsatser; partial expectations with exact shares; located Danish errors;
 * coverage of the benchmark rule set and the methods catalogues.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../../src/shipped.js';
import { loadRegistry } from '../../src/shipped.js';
import { CoverageCollector } from '../../src/scenarios/coverage.js';
import type { ScenarioResult } from '../../src/scenarios/run.js';
import { runCli } from '../support/cli.js';
import { runScenarioFile, scenarioRules } from '../../src/scenarios/index.js';

const rules = scenarioRules(bundledRegistry);
const dir = mkdtempSync(join(tmpdir(), 'benchmark-scenarie-'));
let n = 0;

/** Writes a scenario (pretty-printed, so lines and columns mean something) and runs it. */
function run(value: unknown, with_ = rules): ScenarioResult & { readonly path: string; readonly lineOf: (text: string) => number } {
  const path = join(dir, `s${n++}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(path, text);
  return { ...runScenarioFile(path, with_), path, lineOf: (needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1 };
}

/** A lokalt udviklingsprojekt started 2024-01-01 with one indicator on fælles mål 1 (baseline 20, target 15, lower is better). */
function projekt(id: string, vaerdi: string | null, extra: Record<string, unknown> = {}) {
  return {
    id,
    navn: `Projekt ${id}`,
    kind: 'lokalt-udviklingsprojekt',
    afdelinger: [`Afdeling ${id}`],
    finansieringsordning: 'financing-lokalt-udviklingsprojekt',
    maal: [
      {
        id: 'maal',
        titel: 'Mål',
        strategiMaal: [1],
        faellesMaal: [1],
        indikatorer: [{ id: 'ledighed', navn: 'Ledighed', enhed: 'pct.', baseline: '20', maal: '15', retning: 'ned', maalinger: vaerdi === null ? [] : [{ periode: '2024', dato: '2025-03-01', vaerdi }] }],
      },
    ],
    aktiviteter: [],
    events: [
      { type: 'bevilling', date: '2023-11-01', varighedMaaneder: 48 },
      { type: 'start', date: '2024-01-01' },
    ],
    ...extra,
  };
}

describe('a benchmark scenario', () => {
  it('runs benchmarkIndsatser: a lifecycle question that uses the benchmark rule set and the methods catalogue', () => {
    const r = run({ description: 'd', asOf: '2025-06-01', benchmark: [projekt('a', '18')], expected: { indikatorer: { a: { ledighed: { fremdrift: '2/5' } } } } });
    expect(r.errors).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.kind).toBe('benchmark');
    expect(r.domain).toBe('lifecycle');
    expect(r.used.map((rs) => `${rs.info.id} ${rs.info.version}`)).toEqual(['benchmark 2017-06-01']);
    expect(r.kataloger.map((k) => `${k.id} ${k.version}`)).toEqual(['metoder 2017-06-01']);
  });

  it('compares shares by value and names the key path, the expected and the exact fraction found', () => {
    const portfolio = [projekt('a', '18'), projekt('b', '16')];
    // (20 − 18) / (20 − 15) = 2/5; (20 − 16) / 5 = 4/5
    expect(run({ description: 'd', asOf: '2025-06-01', benchmark: portfolio, expected: { indikatorer: { a: { ledighed: { fremdrift: '4/10' } }, b: { ledighed: { fremdrift: '0.8' } } } } }).passed).toBe(true);
    const r = run({ description: 'd', asOf: '2025-06-01', benchmark: portfolio, expected: { indikatorer: { a: { ledighed: { fremdrift: '1/2', naaet: true } }, c: { ledighed: {} }, b: { ukendt: {} } } } });
    expect(r.mismatches).toEqual([
      { rule: 'indikatorer.a.ledighed.fremdrift', expected: '1/2', actual: '2/5' },
      { rule: 'indikatorer.a.ledighed.naaet', expected: true, actual: false },
      { rule: 'indikatorer.c', expected: { ledighed: {} }, actual: 'indsatsen er ikke med i benchmarket' },
      { rule: 'indikatorer.b.ukendt', expected: {}, actual: 'ingen sådan indikator på indsatsens mål' },
    ]);
  });

  it('checks a ranking as the whole list in order, the rank only where written', () => {
    const portfolio = [projekt('a', '18'), projekt('b', '16'), projekt('c', null)];
    const rows = (...r: object[]) => ({ description: 'd', asOf: '2025-06-01', benchmark: portfolio, expected: { faellesMaal: { '1': { rangering: { 'pct.': r } } } } });
    expect(run(rows({ indsats: 'b', indikator: 'ledighed', rang: 1 }, { indsats: 'a', indikator: 'ledighed' }, { indsats: 'c', indikator: 'ledighed', rang: null })).passed).toBe(true);
    const swapped = run(rows({ indsats: 'a', indikator: 'ledighed' }, { indsats: 'b', indikator: 'ledighed' }, { indsats: 'c', indikator: 'ledighed' }));
    expect(swapped.mismatches).toEqual([
      {
        rule: 'faellesMaal.1.rangering.pct.',
        expected: [
          { indsats: 'a', indikator: 'ledighed' },
          { indsats: 'b', indikator: 'ledighed' },
          { indsats: 'c', indikator: 'ledighed' },
        ],
        actual: [
          { indsats: 'b', indikator: 'ledighed', rang: 1 },
          { indsats: 'a', indikator: 'ledighed', rang: 2 },
          { indsats: 'c', indikator: 'ledighed', rang: null },
        ],
      },
    ]);
    expect(run(rows({ indsats: 'b', indikator: 'ledighed' }, { indsats: 'a', indikator: 'ledighed' })).passed).toBe(false);
    expect(run({ ...rows(), expected: { faellesMaal: { '1': { rangering: { kr: [] } } } } }).mismatches).toEqual([{ rule: 'faellesMaal.1.rangering.kr', expected: [], actual: 'ingen indikatorer i den enhed på målet' }]);
  });

  it('an indsats whose events break a rule is a located error of the scenario, unless its pointer is expected in "fejl"', () => {
    const broken = projekt('b', '18', { events: [{ type: 'start', date: '2024-01-01' }] });
    const r = run({ description: 'd', asOf: '2025-06-01', benchmark: [projekt('a', '18'), broken], expected: { indsatser: ['a'] } });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'event-not-allowed', file: r.path, pointer: '/benchmark/1/events/0', line: expect.any(Number), column: expect.any(Number) })]);
    expect(run({ description: 'd', asOf: '2025-06-01', benchmark: [projekt('a', '18'), broken], expected: { indsatser: ['a'], fejl: ['/benchmark/1/events/0'] } }).passed).toBe(true);
  });

  it('a repeated indsats id is located at the repeat', () => {
    const r = run({ description: 'd', asOf: '2025-06-01', benchmark: [projekt('a', '18'), projekt('a', '16')], expected: {} });
    expect(r.errors).toEqual([expect.objectContaining({ file: r.path, pointer: '/benchmark/1/id', line: expect.any(Number), message: 'Indsatsen "a" findes flere gange' })]);
  });

  it('checks the method check of a benchmarked indsats, and says what it found when there is none', () => {
    const plan = projekt('plan', null, {
      kind: 'helhedsplan',
      finansieringsordning: 'financing-helhedsplan-lbf-2019-2026',
      aktiviteter: [
        { id: 'lektier', navn: 'Lektiecafé', metode: 'lektiecafe' },
        { id: 'job', navn: 'Fritidsjob', metode: 'fritidsjobb' },
      ],
      events: [
        { type: 'praekvalifikation-ansoegt', date: '2023-06-01' },
        { type: 'praekvalifikation-bevilget', date: '2023-09-01' },
        { type: 'bevilling', date: '2023-11-01', varighedMaaneder: 48 },
        { type: 'start', date: '2024-01-01' },
      ],
    });
    const ok = run({ description: 'd', asOf: '2025-06-01', benchmark: [plan], expected: { metoder: { plan: { katalog: '2017-06-01', andelDokumenteret: '1/2', advarsler: 1, aktiviteter: { lektier: 'dokumenteret', job: { status: 'ukendt-metode', forslag: 'fritidsjob' } } } } } });
    expect(ok.passed).toBe(true);
    const wrong = run({ description: 'd', asOf: '2025-06-01', benchmark: [plan], expected: { metoder: { plan: { katalog: null, aktiviteter: { lektier: { forslag: 'lektiecafe' }, job: { forslag: null } } } } } });
    expect(wrong.mismatches).toEqual([
      { rule: 'metoder.plan.katalog', expected: 'intet katalog', actual: '2017-06-01' },
      { rule: 'metoder.plan.aktiviteter.lektier.forslag', expected: 'lektiecafe', actual: 'intet forslag' },
      { rule: 'metoder.plan.aktiviteter.job.forslag', expected: 'intet forslag', actual: 'fritidsjob' },
    ]);
  });
});

describe('located Danish errors in a benchmark scenario', () => {
  it('a share that is no fraction, and a fælles mål that does not exist: each at its line', () => {
    const r = run({ description: 'd', asOf: '2025-06-01', benchmark: [projekt('a', '18')], expected: { indikatorer: { a: { ledighed: { fremdrift: '2/0' } } }, faellesMaal: { '6': {} } } });
    expect(r.passed).toBe(false);
    const at = (pointer: string) => r.errors.find((e) => e.pointer === pointer);
    expect(at('/expected/indikatorer/a/ledighed/fremdrift')).toMatchObject({ code: 'schema', file: r.path, line: r.lineOf('"2/0"') });
    expect(at('/expected/faellesMaal/6')).toMatchObject({ code: 'schema', file: r.path, line: r.lineOf('"6"') });
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/brøk|decimaltal/);
  });

  it('"benchmark" and "indsats" in one file: at the second, and the missing-input hint names "benchmark"', () => {
    const both = run({ description: 'd', asOf: '2025-06-01', indsats: projekt('a', '18'), benchmark: [projekt('a', '18')], expected: {} });
    expect(both.errors).toEqual([expect.objectContaining({ pointer: '/benchmark', message: 'scenariet har både "indsats" og "benchmark"' })]);
    expect(run({ description: 'd', expected: {} }).errors[0]?.hint).toContain('"benchmark"');
  });

  it('a date before the benchmark rules: at asOf', () => {
    const r = run({ description: 'd', asOf: '2016-06-01', benchmark: [projekt('a', '18', { events: [] })], expected: {} });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'no-rules-in-force', pointer: '/asOf', line: r.lineOf('"2016-06-01"') })]);
  });
});

describe('coverage of the benchmark and the methods catalogues', () => {
  const lifecycleOnly = 'fixtures/scenarios/lifecycle/tilstand/under-afslutning.json';
  const benchmark = 'fixtures/scenarios/lifecycle/benchmark/portefoelje.json';

  it('lifecycle scenarios without a benchmark scenario leave the benchmark version untested; one benchmark scenario uses it', () => {
    const coverage = new CoverageCollector();
    coverage.recordScenario(runScenarioFile(lifecycleOnly, rules));
    expect(coverage.untested().map((u) => `${u.ruleSet} ${u.version}`)).toEqual(['benchmark 2017-06-01']);
    coverage.recordScenario(runScenarioFile(benchmark, rules));
    expect(coverage.untested()).toEqual([]);
  });

  it('a new methods catalogue is a version without scenarios until a method check is made against it', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'regler-'));
    cpSync('rules', copy, { recursive: true });
    const katalog = JSON.parse(readFileSync(join(copy, 'metoder/2017-06-01.json'), 'utf8')) as { effective: { from: string } };
    katalog.effective = { from: '2026-01-01' };
    writeFileSync(join(copy, 'metoder/2026-01-01.json'), JSON.stringify(katalog, null, 2));
    const plain = await runCli(['--rules', copy, 'test', 'fixtures/scenarios/lifecycle', '--strict']);
    expect(plain.stdout).toContain('Regelsætversioner uden scenarier: 1');
    expect(plain.stdout).toMatch(/metoder\/2026-01-01\.json \(metoder 2026-01-01: intet scenarie bruger denne version\)/);
    expect(plain.code).toBe(1);

    const loaded = loadRegistry(copy);
    if (!loaded.ok) throw new Error('the copied rules do not load');
    const copied = scenarioRules(() => loaded.value);
    const coverage = new CoverageCollector();
    coverage.recordScenario(runScenarioFile(benchmark, copied));
    // the portfolio's helhedsplan started 2025-01-01: checked against the 2017 catalogue, not the 2026 one
    expect(coverage.untested().filter((u) => u.ruleSet === 'metoder').map((u) => u.version)).toEqual(['2026-01-01']);
    const later = run({ description: 'd', asOf: '2026-06-01', benchmark: [projekt('a', '18', { events: [{ type: 'bevilling', date: '2025-12-01' }, { type: 'start', date: '2026-02-01' }] })], expected: {} }, copied);
    expect(later.errors).toEqual([]);
    coverage.recordScenario(later);
    expect(coverage.untested().filter((u) => u.ruleSet === 'metoder')).toEqual([]);
  });
});
