/**
 * One envelope for every answer: each domain's result names the rule files it used with
 * the sha256 of their bytes on disk, the date, the package version, each rule's outcome as
 * true/false/null, what was missing, and the evaluations behind the outcomes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocateFinancing, bundledRegistry, classifyBoligomraade, readAfdelingerCsv, reviewIndsatser, screenAfdelinger, type Envelope, type Truth } from '../../src/index.js';
import { fixtureIndsatser } from '../lifecycle/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function expectEnvelope(e: Envelope, asOf: string): void {
  expect(e.asOf).toBe(asOf);
  expect(e.packageVersion).toBe(packageVersion);
  expect(e.ruleSets.length).toBeGreaterThan(0);
  for (const rs of e.ruleSets) {
    expect(rs.file, `${rs.id} ${rs.version} names its file`).toBeDefined();
    expect(rs.contentHash).toBe(sha256(rs.file as string));
  }
  const keys = e.ruleSets.map((rs) => `${rs.id} ${rs.version}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const o of e.outcomes) expect([true, false, null]).toContain(o.outcome);
  expect([...e.mangler]).toEqual([...new Set(e.mangler)].sort());
  expect(Object.isFrozen(e)).toBe(true);
}

describe('the envelope', () => {
  it('classification: the list date, both rule files, category outcomes as the answer gives them', () => {
    const k = classifyBoligomraade(
      { id: 'x', beboere: 2000, udenArbejdePct: '45', indkomstPctAfRegion: '50', kunGrundskolePct: '70', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1', ikkeVestligePct: '60' },
      { listedato: '2021-12-01' },
    );
    expectEnvelope(k, '2021-12-01');
    expect(k.ruleSets).toEqual(k.evaluations.map((e) => e.ruleSet));
    for (const kat of Object.values(k.kategorier)) {
      expect(k.outcomes).toContainEqual({ ruleSet: kat.ruleSet.id, ruleId: kat.regel, outcome: kat.outcome });
    }
    const evaluated = k.evaluations.flatMap((e) => e.rules.map((r) => `${e.ruleSet.id}/${r.id}`));
    expect(k.outcomes.map((o) => `${o.ruleSet}/${o.ruleId}`)).toEqual(evaluated);
  });

  it('classification: an unknown figure is in mangler and its rules are null', () => {
    const k = classifyBoligomraade({ id: 'y', beboere: 2000, udenArbejdePct: '45', indkomstPctAfRegion: '50', kunGrundskolePct: '70', domfaelteLandsgennemsnitPct: '1', ikkeVestligePct: '60' }, { listedato: '2021-12-01' });
    expect(k.mangler).toContain('domfaelteFaktor');
    expect(k.outcomes.some((o) => o.outcome === null)).toBe(true);
  });

  it('lifecycle: the lifecycle rules first, each rule outcome equal to the evaluation, trees not serialised twice', () => {
    const review = reviewIndsatser(fixtureIndsatser(), { asOf: '2025-06-01', rules: bundledRegistry() });
    expect(review.indsatser.length).toBeGreaterThan(3);
    for (const { assessment: a } of review.indsatser) {
      expectEnvelope(a, '2025-06-01');
      expect(a.ruleSets[0]?.id).toBe('lifecycle');
      expect(a.evaluations).toEqual([a.evaluation]);
      expect(a.outcomes).toEqual(a.evaluation.rules.map((r) => ({ ruleSet: 'lifecycle', ruleId: r.id, outcome: r.outcome })));
      expect(a.mangler).toEqual(a.evaluation.missingFacts);
      for (const p of [...a.start, ...a.stop]) expect(p.outcome satisfies Truth).toBe(a.evaluation.outcomes[p.id] ?? null);
      expect(Object.keys(JSON.parse(JSON.stringify(a)) as object)).not.toContain('evaluations');
    }
    const schemes = new Set(review.indsatser.flatMap((r) => r.assessment.ruleSets.map((rs) => rs.id)));
    expect(schemes.size).toBeGreaterThan(1);
  });

  it('screening: the screening rules, each rule outcome equal to the evaluation, trees not serialised twice', () => {
    const { afdelinger } = readAfdelingerCsv(readFileSync(join(ROOT, 'fixtures/afdelinger.csv'), 'utf8'), 'fixtures/afdelinger.csv');
    const { results } = screenAfdelinger(afdelinger, { asOf: '2024-12-01' });
    expect(results.length).toBeGreaterThan(3);
    expect(results.some((r) => r.mangler.length > 0)).toBe(true);
    for (const r of results) {
      expectEnvelope(r, '2024-12-01');
      expect(r.ruleSets).toEqual([r.ruleSet]);
      expect(r.evaluations).toEqual([r.evaluation]);
      expect(r.outcomes).toEqual(r.evaluation?.rules.map((x) => ({ ruleSet: 'screening', ruleId: x.id, outcome: x.outcome })));
      expect(Object.keys(JSON.parse(JSON.stringify(r)) as object)).not.toContain('evaluations');
    }
    const decided = screenAfdelinger(afdelinger, { asOf: '2024-12-01', explain: false }).results;
    expect(decided.map((r) => r.outcomes)).toEqual(results.map((r) => r.outcomes));
    for (const r of decided) expect(r.evaluations).toEqual([]);
  });

  it('financing: the scheme, then the affordability rules; one outcome per afdeling', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, 'fixtures/financing/helhedsplan-2024.json'), 'utf8')) as Parameters<typeof allocateFinancing>[1] & { budget: Parameters<typeof allocateFinancing>[0] };
    const a = allocateFinancing(plan.budget, plan);
    expectEnvelope(a, a.asOf);
    expect(a.ruleSets[0]).toEqual(a.scheme);
    expect(a.ruleSets[1]).toEqual(a.betalingsevne.ruleSet);
    const subjects = a.betalingsevne.afdelinger.map((b) => b.id);
    expect([...new Set(a.outcomes.map((o) => o.subject))]).toEqual(subjects);
    for (const b of a.betalingsevne.afdelinger) {
      for (const r of b.evaluation?.rules ?? []) expect(a.outcomes).toContainEqual({ ruleSet: a.betalingsevne.ruleSet?.id, ruleId: r.id, outcome: r.outcome, subject: b.id });
    }
    expect(a.evaluations.length).toBe(subjects.length);
    expect(Object.keys(JSON.parse(JSON.stringify(a)) as object)).toEqual(expect.arrayContaining(['ruleSets', 'asOf', 'packageVersion', 'outcomes', 'mangler']));
  });
});
