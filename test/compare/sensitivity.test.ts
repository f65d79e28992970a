/**
 * Sensitivity: every exact breakpoint is checked by answering the row just below, at and
 * just above it with the parameter changed; the counts per value agree with answering
 * every row at every value; and the watch-list is sorted by distance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bundledRegistry,
  classificationQuestion,
  deriveRegistry,
  type Flip,
  readAfdelingerCsv,
  readBoligomraaderCsv,
  type Sensitivity,
  sensitivityOf,
  screeningQuestion,
  type WhatIfQuestion,
  type WhatIfRow,
} from '../../src/index.js';
import { Decimal } from '../../src/domain/decimal.js';
import { runCli } from '../support/cli.js';
import { generateAfdelinger } from '../../fixtures/screening/generator.js';

const rules = bundledRegistry();
const boligomraader = readBoligomraaderCsv(readFileSync('fixtures/boligomraader.csv', 'utf8'), 'boligomraader.csv').entries.flatMap((e) => (e.errors.length === 0 ? [e.value] : []));
const afdelinger = readAfdelingerCsv(readFileSync('fixtures/afdelinger.csv', 'utf8'), 'afdelinger.csv').afdelinger;

/** One row's outcomes with the parameter at `value` in every version that has it, answered on its own. */
function answerAt(question: WhatIfQuestion, ruleSet: string, parameter: string, value: string, id: string, key: string): Readonly<Record<string, unknown>> | undefined {
  const targets = rules.versions(ruleSet).filter((rs) => Object.hasOwn(rs.parameters, parameter));
  const derived = deriveRegistry(rules, targets.map((rs) => ({ ruleSet, version: rs.info.version, parameter, value: typeof rs.parameters[parameter]?.value === 'number' ? Number(value) : value })));
  if (!derived.ok) throw new Error(JSON.stringify(derived.errors));
  return question.answer({ rules: derived.value, disable: [] }, { explain: false, only: new Set([id]) }).rows.find((r: WhatIfRow) => r.key === key)?.outcomes;
}

function changed(a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>> | undefined): string[] {
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  return keys.filter((k) => a?.[k] !== b?.[k]).sort();
}

const EPSILON = new Decimal('1e-12');

/** The question without `parameterFigures`: a sweep of it finds its breakpoints from explained answers. */
const explainedOnly = (q: WhatIfQuestion): WhatIfQuestion => ({ command: q.command, ruleSetIds: q.ruleSetIds, parametersOutsideConditions: q.parametersOutsideConditions, answer: q.answer });

/** Checks one exact flip: just below and just above it differ in exactly its outcomes, and the breakpoint itself lies on the side it says. */
function checkFlip(question: WhatIfQuestion, ruleSet: string, parameter: string, id: string, key: string, f: Flip): void {
  const at = new Decimal(f.ved);
  const below = answerAt(question, ruleSet, parameter, at.minus(EPSILON).toString(), id, key);
  const exactly = answerAt(question, ruleSet, parameter, f.ved, id, key);
  const above = answerAt(question, ruleSet, parameter, at.plus(EPSILON).toString(), id, key);
  const label = `${key} at ${f.ved} (${f.retning}${f.inklusive ? ', inklusive' : ''})`;
  expect(changed(below, above), label).toEqual(f.udfald.map((u) => u.udfald).sort());
  const [todaySide, farSide] = f.retning === 'op' ? [below, above] : [above, below];
  for (const u of f.udfald) {
    expect(todaySide?.[u.udfald], label).toBe(u.foer);
    expect(farSide?.[u.udfald], label).toBe(u.efter);
  }
  // "til 47,5 eller derover": the breakpoint itself already has the new outcome; "over 47,5": not yet
  expect(changed(exactly, f.inklusive ? farSide : todaySide), label).toEqual([]);
}

function sweep(question: WhatIfQuestion, ruleSet: string, parameter: string, from: string, to: string, step: string): Sensitivity {
  const s = sensitivityOf(question, { rules, parameter: { ruleSet, parameter }, from, to, step });
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.value;
}

function keyOf(r: { id: string; listedato?: string }, command: string): string {
  return command === 'classify' ? `${r.id}@${r.listedato ?? ''}` : r.id;
}

const CASES = [
  { name: 'classification.maxUdenArbejdePct on the boligområder', question: classificationQuestion(boligomraader), ruleSet: 'classification', parameter: 'maxUdenArbejdePct', from: '38', to: '48', step: '1' },
  { name: 'classification.maxIkkeVestligePct on the boligområder', question: classificationQuestion(boligomraader), ruleSet: 'classification', parameter: 'maxIkkeVestligePct', from: '44', to: '56', step: '2' },
  { name: 'screening.maxFlyttefrekvensPct on the afdelinger', question: screeningQuestion(afdelinger, { asOf: '2024-12-01' }), ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', from: '10', to: '13', step: '1' },
] as const;

describe.each(CASES)('sensitivity of $name', ({ question, ruleSet, parameter, from, to, step }) => {
  const s = sweep(question, ruleSet, parameter, from, to, step);

  it('finds exact breakpoints, and each holds just below, at and just above it', () => {
    expect(s.metode).toBe('eksakt');
    const exact = s.raekker.flatMap((r) => r.vendinger.filter((f) => f.eksakt).map((f) => ({ r, f })));
    expect(exact.length).toBeGreaterThan(3);
    for (const { r, f } of exact) checkFlip(question, ruleSet, parameter, r.id, keyOf(r, question.command), f);
  });

  it('counts the rows per outcome at each value as answering every row at that value does', () => {
    for (const [i, value] of s.vaerdier.entries()) {
      const targets = rules.versions(ruleSet).filter((rs) => Object.hasOwn(rs.parameters, parameter));
      const derived = deriveRegistry(rules, targets.map((rs) => ({ ruleSet, version: rs.info.version, parameter, value })));
      if (!derived.ok) throw new Error('derive');
      const rows = question.answer({ rules: derived.value, disable: [] }, { explain: false }).rows;
      for (const c of s.optaelling[i]?.optaelling ?? []) {
        for (const v of c.vaerdier) expect(rows.filter((r) => Object.hasOwn(r.outcomes, c.udfald) && r.outcomes[c.udfald] === v.vaerdi).length, `${value} ${c.udfald} ${String(v.vaerdi)}`).toBe(v.antal);
      }
    }
  });

  it('lists the rows nearest to flipping first', () => {
    const nearest = s.raekker.map((r) => new Decimal(r.vendinger[0]?.afstand ?? '0').toNumber());
    expect(nearest).toEqual([...nearest].sort((a, b) => a - b));
    for (const r of s.raekker) expect(r.vendinger.map((f) => Number(f.afstand))).toEqual(r.vendinger.map((f) => Number(f.afstand)).sort((a, b) => a - b));
  });

  it('gives the same flips, step for step, as sweeping value by value', () => {
    const stepping: WhatIfQuestion = { ...question, parametersOutsideConditions: [parameter] };
    const t = sweep(stepping, ruleSet, parameter, from, to, step);
    expect(t.metode).toBe('trinvis');
    expect(t.optaelling).toEqual(s.optaelling);
    // the steps the exact flips lie in are the steps the value-by-value sweep finds (several exact flips may share one)
    const steps = (x: Sensitivity) => x.raekker.map((r) => [keyOf(r, question.command), [...new Set(r.vendinger.map((f) => (f.eksakt ? stepOf(x.vaerdier, f) : `${f.fra}|${f.ved}`)))].sort()]).sort();
    expect(steps(s)).toEqual(steps(t));
  });
});

/** The two values of the sweep an exact flip lies between, written as a stepped flip writes them (today's side first). */
function stepOf(values: readonly string[], f: Flip): string {
  const v = new Decimal(f.ved);
  const upperSide = f.retning === 'op' ? f.inklusive : !f.inklusive;
  const i = values.findIndex((x) => (upperSide ? new Decimal(x).gte(v) : new Decimal(x).gt(v)));
  const [lo, hi] = [values[i - 1] as string, values[i] as string];
  return f.retning === 'op' ? `${lo}|${hi}` : `${hi}|${lo}`;
}

describe('sensitivity of a parameter that is not a threshold', () => {
  it('sweeps a count in "mindst k af n" value by value', () => {
    const s = sweep(screeningQuestion(afdelinger, { asOf: '2024-12-01' }), 'screening', 'minIndikatorerHelhedsplan', '2', '6', '1');
    expect(s.metode).toBe('trinvis');
    expect(s.raekker.length).toBeGreaterThan(0);
    for (const r of s.raekker) for (const f of r.vendinger) expect(f.eksakt).toBe(false);
  });
});

describe('the sensitivity command', () => {
  it('prints the watch-list with exact breakpoints in Danish', async () => {
    const run = await runCli(['sensitivity', 'classify', 'fixtures/boligomraader.csv', '--parameter', 'classification.maxUdenArbejdePct', '--from', '38', '--to', '44', '--step', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Vendepunkterne er eksakte');
    expect(run.stdout).toMatch(/Nærmest at vende \(\d+ af 30 rækker vender i intervallet\):\n  \S+/);
    expect(run.stdout).toMatch(/når værdien hæves til [\d,]+ % eller derover — /);
  });

  it('rejects an unknown parameter with a suggestion and a range without values', async () => {
    const a = await runCli(['sensitivity', 'classify', 'fixtures/boligomraader.csv', '--parameter', 'classification.maxUdenArbejdPct', '--from', '35', '--to', '50', '--step', '0.5']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('Mente du "maxUdenArbejdePct"?');
    const b = await runCli(['sensitivity', 'classify', 'fixtures/boligomraader.csv', '--parameter', 'classification.maxUdenArbejdePct', '--from', '50', '--to', '35', '--step', '0.5']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--to (35) er mindre end --from (50)');
  });
});

describe('sensitivity of more rows than are explained at once', () => {
  // without parameterFigures the breakpoints are found from explained answers 64 rows at a time: 140 afdelinger cross two chunk boundaries
  const generated = generateAfdelinger(140, { seed: 2026 });
  const question = explainedOnly(screeningQuestion(generated, { asOf: '2024-12-01' }));
  const s = sweep(question, 'screening', 'maxFlyttefrekvensPct', '6', '14', '0.5');

  it('finds the flips exactly in every chunk, and as sweeping value by value finds them', () => {
    expect(s.metode).toBe('eksakt');
    expect(s.raekkerIAlt).toBe(140);
    // exact wherever one breakpoint lies between two values (a row's current and previous figure may share a step)
    expect(s.raekker.filter((r) => r.vendinger.some((f) => f.eksakt)).length).toBeGreaterThan(100);
    for (const r of s.raekker) expect(r.trinvis, r.id).toBeUndefined();
    const t = sweep({ ...question, parametersOutsideConditions: ['maxFlyttefrekvensPct'] }, 'screening', 'maxFlyttefrekvensPct', '6', '14', '0.5');
    expect(t.optaelling).toEqual(s.optaelling);
    const steps = (x: Sensitivity) => x.raekker.map((r) => [r.id, [...new Set(r.vendinger.map((f) => (f.eksakt ? stepOf(x.vaerdier, f) : `${f.fra}|${f.ved}`)))].sort()]).sort();
    expect(steps(s)).toEqual(steps(t));
  });

  it('gives each row the flips it has when swept among fewer rows than a chunk', () => {
    for (const part of [generated.slice(0, 50), generated.slice(100)]) {
      const alone = sweep(explainedOnly(screeningQuestion(part, { asOf: '2024-12-01' })), 'screening', 'maxFlyttefrekvensPct', '6', '14', '0.5');
      const ids = new Set(part.map((a) => a.id));
      expect(alone.raekker.length).toBeGreaterThan(20);
      expect(s.raekker.filter((r) => ids.has(r.id))).toEqual(alone.raekker);
    }
  });

  it('puts the breakpoints of the last chunk where the outcomes flip', () => {
    const lastChunk = new Set(generated.slice(128).map((a) => a.id));
    const flips = s.raekker.filter((r) => lastChunk.has(r.id)).flatMap((r) => r.vendinger.map((f) => ({ r, f })));
    expect(flips.length).toBeGreaterThan(0);
    for (const { r, f } of flips.slice(0, 4)) checkFlip(question, 'screening', 'maxFlyttefrekvensPct', r.id, r.id, f);
  });
});

describe('sensitivity from the comparisons alone', () => {
  // the screening question finds breakpoints from its rows' comparisons with the parameter (no trees); without
  // parameterFigures a sweep finds them from explained answers (in chunks): both must give the same sweep
  const inputs = [
    { name: 'the fixtures', afdelinger: afdelinger as readonly unknown[] },
    { name: '80 generated afdelinger', afdelinger: generateAfdelinger(80, { seed: 7 }) as readonly unknown[] },
  ];
  const sweeps = [
    { parameter: 'maxFlyttefrekvensPct', from: '6', to: '14', step: '0.5', disable: [] },
    { parameter: 'maxUtrygPct', from: '10', to: '30', step: '2.5', disable: [] },
    { parameter: 'maxHuslejeIndeks', from: '0.9', to: '1.3', step: '0.05', disable: [] },
    { parameter: 'minSaarbareEjendomsfunktionaerPct', from: '1', to: '8', step: '0.5', disable: [] },
    { parameter: 'maxFlyttefrekvensPct', from: '6', to: '14', step: '0.5', disable: ['hoej-flyttefrekvens'] },
    { parameter: 'maxKontanthjaelpPct', from: '2', to: '12', step: '1', disable: ['sociale-problemer'] },
  ];
  it.each(inputs)('gives the sweep the explained answers give, on $name', ({ afdelinger: input }) => {
    const question = screeningQuestion(input, { asOf: '2024-12-01' });
    expect(question.parameterFigures).toBeDefined();
    let flipping = 0;
    for (const { parameter, from, to, step, disable } of sweeps) {
      const run = (q: WhatIfQuestion) => sensitivityOf(q, { rules, parameter: { ruleSet: 'screening', parameter }, from, to, step, disable });
      const fast = run(question);
      expect(fast, `${parameter} ${disable.join()}`).toEqual(run(explainedOnly(question)));
      if (fast.ok) flipping += fast.value.raekker.length;
    }
    expect(flipping).toBeGreaterThan(20);
  });
});
