/**
 * The branches of `allocateFinancing` that a budget table's figures alone do not show,
 * with exact øre amounts worked out by hand: a one-day period; a total split over two
 * calendar years with an afdeling of zero weight; an øre that cannot be split in three
 * (the controlled rounding gives it to the first chain it finds); funders' descriptions
 * (the scheme's, none for the plan's own); no afdeling table when no funder is split;
 * the Danish explanation line by line for a total and a per-year budget; the rounding
 * method; the envelope (missing facts, evaluations kept but not serialised); and
 * switching off the affordability rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateFinancing } from '../../src/financing/default-rules.js';
import { AFRUNDING_FORKLARING } from '../../src/financing/rounding.js';
import type { AfdelingInput, AllocateOptions, BudgetInput } from '../../src/financing/types.js';

const HELHEDSPLAN = 'financing-helhedsplan-lbf-2019-2026';
const FUNDERS_LINE =
  'Ordningen "Boligsocial helhedsplan under Landsbyggefondens pulje 2019–2026" (financing-helhedsplan-lbf-2019-2026, version 2019-01-01) fordeler budgettet: Landsbyggefonden 75 %, Københavns Kommune 12,5 %, Boligorganisation/afdelinger 12,5 %.';

describe('a one-day period', () => {
  // 800 øre: LBF 600, KK 100, afdelinger 100 = 25 + 75 by 100 : 300 lejemål; all exact
  const a = allocateFinancing(
    { periode: { from: '2024-06-15', to: '2024-06-15' }, total: '8.00' },
    { scheme: HELHEDSPLAN, asOf: '2024-06-15', key: 'lejemaal', afdelinger: [{ id: 'a', lejemaal: 100 }, { id: 'b', lejemaal: 300 }] },
  );
  it('is a period of one day in one year', () => {
    expect(a.aar).toEqual([2024]);
    expect(a.dagePrAar).toEqual([1]);
    expect(a.aarTotaler).toEqual(['8.00']);
    expect(a.funders.map((f) => [f.total, ...f.perAar])).toEqual([
      ['6.00', '6.00'],
      ['1.00', '1.00'],
      ['1.00', '1.00'],
    ]);
    expect(a.afdelingsfordeling[0]?.rows.map((r) => [r.total, ...r.perAar])).toEqual([
      ['0.25', '0.25'],
      ['0.75', '0.75'],
    ]);
    expect(a.forklaring[1]).toBe('Budgettet på 8,00 kr. for perioden 15. juni 2024 – 15. juni 2024 er fordelt på kalenderår efter periodens dage i hvert år: 2024: 1 af 1 dage.');
  });
});

describe('a total over two calendar years, with an afdeling of zero weight', () => {
  // 1 July 2024 – 30 June 2025: 184 days in 2024 (31+31+30+31+30+31), 181 in 2025
  // (31+28+31+30+31+30), 365 in all. 365.000 øre → 184.000 and 181.000 øre.
  // LBF ·3/4: 138.000 + 135.750 = 273.750; KK and afdelinger ·1/8: 23.000 + 22.625 = 45.625.
  // Afdelinger by 0 : 1 : 3 lejemål (0, 1/4, 3/4): Nul 0; a 5.750 + 5.656,25 = 11.406,25;
  // B 17.250 + 16.968,75 = 34.218,75. To the nearest øre a gets 5.656 and 11.406, B 16.969
  // and 34.219: 5.750 + 5.656 = 11.406, 17.250 + 16.969 = 34.219, 5.656 + 16.969 = 22.625,
  // 11.406 + 34.219 = 45.625 — every sum holds, so the controlled rounding moves nothing.
  const afdelinger: AfdelingInput[] = [
    { id: 'nul', navn: 'Nul', lejemaal: 0, aarligHusleje: '100000.00' },
    { id: 'a', lejemaal: 1, aarligHusleje: '100000.00' },
    { id: 'b', navn: 'B', lejemaal: 3, aarligHusleje: '300000.00' },
  ];
  const a = allocateFinancing({ periode: { from: '2024-07-01', to: '2025-06-30' }, total: '3650.00' }, { scheme: HELHEDSPLAN, asOf: '2024-07-01', key: 'lejemaal', afdelinger });

  it('splits the years by days and the funders by share', () => {
    expect(a.budgetType).toBe('total');
    expect(a.aar).toEqual([2024, 2025]);
    expect(a.dagePrAar).toEqual([184, 181]);
    expect(a.aarTotaler).toEqual(['1840.00', '1810.00']);
    expect(a.funders.map((f) => [f.id, f.total, ...f.perAar])).toEqual([
      ['lbf', '2737.50', '1380.00', '1357.50'],
      ['koebenhavns-kommune', '456.25', '230.00', '226.25'],
      ['boligorganisation-afdelinger', '456.25', '230.00', '226.25'],
    ]);
  });
  it('splits the afdelinger’s share by lejemål, the afdeling with none paying nothing', () => {
    const t = a.afdelingsfordeling[0];
    expect(a.afdelingsfordeling.map((x) => x.funder)).toEqual(['boligorganisation-afdelinger']);
    expect(t?.navn).toBe('Boligorganisation/afdelinger');
    expect(t?.rows.map((r) => [r.id, r.navn, r.noegleVaerdi, r.andel, r.total, ...r.perAar])).toEqual([
      ['nul', 'Nul', '0', '0.000000', '0.00', '0.00', '0.00'],
      ['a', 'a', '1', '0.250000', '114.06', '57.50', '56.56'],
      ['b', 'B', '3', '0.750000', '342.19', '172.50', '169.69'],
    ]);
    expect(t?.aarTotaler).toEqual(['230.00', '226.25']);
    expect(t?.total).toBe('456.25');
  });
  it('tells each afdeling what it pays now and if it paid everything (365.000 øre by 0 : 1 : 3)', () => {
    expect(a.betalingsevne.afdelinger.map((x) => [x.id, x.nu.samlet, x.udenEksternFinansiering.samlet])).toEqual([
      ['nul', '0.00', '0.00'],
      ['a', '114.06', '912.50'],
      ['b', '342.19', '2737.50'],
    ]);
  });
  it('explains itself line by line, naming an afdeling without a name by its id', () => {
    expect(a.forklaring).toEqual([
      FUNDERS_LINE,
      'Budgettet på 3.650,00 kr. for perioden 1. juli 2024 – 30. juni 2025 er fordelt på kalenderår efter periodens dage i hvert år: 2024: 184 af 365 dage, 2025: 181 af 365 dage.',
      'Afdelingernes andel er fordelt mellem afdelingerne efter antal lejemål: Nul 0 (0,00 %), a 1 (25,00 %), B 3 (75,00 %).',
      AFRUNDING_FORKLARING,
    ]);
  });
  it('names the rounding method', () => {
    expect(a.afrunding).toEqual({ metode: 'kontrolleret afrunding (heltallig strøm i et netværk; Cox 1987)', forklaring: AFRUNDING_FORKLARING });
  });
  it('carries the envelope: both rule sets, one outcome per afdeling, and what is missing', () => {
    expect(a.ruleSets.map((r) => r.id)).toEqual([HELHEDSPLAN, 'financing-affordability']);
    // an afdeling with 0 lejemål has no cost per lejemål, so its outcome is unknown
    expect(a.outcomes.map((o) => [o.ruleId, o.subject, o.outcome])).toEqual([
      ['for-hoej-udgift', 'nul', null],
      ['for-hoej-udgift', 'a', false],
      ['for-hoej-udgift', 'b', false],
    ]);
    expect(a.betalingsevne.afdelinger[0]?.nu).not.toHaveProperty('prLejemaalPrAar');
    expect(a.mangler).toEqual(['udgiftPrLejemaalPrAar']);
  });
});

describe('an øre that cannot be split in three', () => {
  // 1.000 kr. in 2025: the afdelinger's 12.500 øre by 1 : 1 : 1 is 4.166⅔ øre each, rounded
  // to 4.167, 1 øre too much. The documented method walks back from the afdelinger's
  // total along the first afdeling's total (its first edge) to the year's sub-total via
  // that afdeling's cell, and lowers both: the first afdeling pays 41,66 kr., the others 41,67.
  const a = allocateFinancing(
    { periode: { from: '2025-01-01', to: '2025-12-31' }, total: '1000.00' },
    { scheme: HELHEDSPLAN, asOf: '2025-01-01', key: 'lejemaal', afdelinger: ['x', 'y', 'z'].map((id) => ({ id, lejemaal: 1 })) },
  );
  it('gives the øre to the first chain found', () => {
    expect(a.funders.map((f) => f.total)).toEqual(['750.00', '125.00', '125.00']);
    expect(a.afdelingsfordeling[0]?.rows.map((r) => [r.total, ...r.perAar])).toEqual([
      ['41.66', '41.66'],
      ['41.67', '41.67'],
      ['41.67', '41.67'],
    ]);
    expect(a.afdelingsfordeling[0]?.rows.map((r) => r.andel)).toEqual(['0.333333', '0.333333', '0.333333']);
  });
});

describe('funders and their descriptions', () => {
  const plan = JSON.parse(readFileSync('fixtures/financing/helhedsplan-2024.json', 'utf8')) as AllocateOptions & { budget: BudgetInput };
  it('a scheme’s funders carry the scheme’s descriptions', () => {
    const a = allocateFinancing(plan.budget, plan);
    const scheme = JSON.parse(readFileSync('rules/financing/helhedsplan-lbf-2019-2026/2019-01-01.json', 'utf8')) as { financing: { funders: { id: string; description: string }[] } };
    expect(a.funders.map((f) => [f.id, f.description])).toEqual(scheme.financing.funders.map((f) => [f.id, f.description]));
    expect(a.funders[0]?.description).toBe('Tilskud efter almenboligloven § 91 a; højst 75 pct., da mindst 25 pct. skal være lokal medfinansiering.');
  });
  it('a plan’s own funders have no description, and no afdeling table when none is split', () => {
    const a = allocateFinancing(
      { periode: { from: '2025-01-01', to: '2025-12-31' }, total: '1000.00' },
      {
        scheme: 'financing-lokalt-udviklingsprojekt',
        asOf: '2025-01-01',
        key: 'lejemaal',
        afdelinger: [{ id: 'a', lejemaal: 1 }],
        funders: [
          { id: 'fond', navn: 'Fonden', share: '0.5', lokal: false },
          { id: 'kk', navn: 'Københavns Kommune', share: '0.5', lokal: true },
        ],
      },
    );
    expect(a.funders.map((f) => [f.id, f.afdelinger, f.total])).toEqual([
      ['fond', false, '500.00'],
      ['kk', false, '500.00'],
    ]);
    for (const f of a.funders) expect(Object.hasOwn(f, 'description')).toBe(false);
    expect(a.afdelingsfordeling).toEqual([]);
    expect(a.forklaring).toHaveLength(3);
    expect(a.forklaring[0]).toBe('Ordningen "Lokalt udviklingsprojekt" (financing-lokalt-udviklingsprojekt, version 2017-06-01) fordeler budgettet: Fonden 50 %, Københavns Kommune 50 %.');
    expect(a.forklaring[2]).toBe(AFRUNDING_FORKLARING);
    expect(a.betalingsevne.afdelinger[0]?.nu.samlet).toBe('0.00');
  });
});

describe('a per-year budget', () => {
  it('is explained as used as given', () => {
    const a = allocateFinancing(
      { periode: { from: '2024-03-01', to: '2025-02-28' }, perAar: { '2024': '1000.00', '2025': '6000.01' } },
      { scheme: HELHEDSPLAN, asOf: '2024-03-01', key: 'lejemaal', afdelinger: [{ id: 'a', lejemaal: 1 }] },
    );
    expect(a.budgetType).toBe('pr-aar');
    expect(a.budget).toBe('7000.01');
    expect(a.aarTotaler).toEqual(['1000.00', '6000.01']);
    expect(a.forklaring[1]).toBe('Budgettet på 7.000,01 kr. er angivet pr. kalenderår og bruges som angivet.');
    expect(a.forklaring[2]).toBe('Afdelingernes andel er fordelt mellem afdelingerne efter antal lejemål: a 1 (100,00 %).');
  });
});

describe('the envelope and the affordability rule', () => {
  const plan = JSON.parse(readFileSync('fixtures/financing/helhedsplan-2024.json', 'utf8')) as AllocateOptions & { budget: BudgetInput };
  it('keeps each afdeling’s evaluation, but not in JSON', () => {
    const a = allocateFinancing(plan.budget, plan);
    expect(a.evaluations).toHaveLength(a.betalingsevne.afdelinger.length);
    a.betalingsevne.afdelinger.forEach((x, i) => expect(a.evaluations[i]).toBe(x.evaluation));
    expect(Object.getOwnPropertyDescriptor(a, 'evaluations')?.enumerable).toBe(false);
    expect(Object.keys(a)).not.toContain('evaluations');
    expect(JSON.parse(JSON.stringify(a))).not.toHaveProperty('evaluations');
  });
  it('lists what is missing: an afdeling without its rent', () => {
    const a = allocateFinancing(
      { periode: { from: '2025-01-01', to: '2025-12-31' }, total: '1000.00' },
      { scheme: HELHEDSPLAN, asOf: '2025-01-01', key: 'lejemaal', afdelinger: [{ id: 'a', lejemaal: 1, aarligHusleje: '50000.00' }, { id: 'b', lejemaal: 1 }] },
    );
    expect(a.mangler).toEqual(['udgiftPctAfHusleje']);
    expect(a.outcomes.map((o) => [o.subject, o.outcome])).toEqual([
      ['a', false],
      ['b', null],
    ]);
  });
  it('switching the rule off makes it not met for every afdeling', () => {
    const on = allocateFinancing(plan.budget, plan);
    expect(on.betalingsevne.afdelinger.map((x) => x.udenEksternFinansiering.forHoejUdgift)).toEqual([true, true, true, true, true]);
    const off = allocateFinancing(plan.budget, { ...plan, disable: ['for-hoej-udgift'] });
    expect(off.betalingsevne.afdelinger.map((x) => x.udenEksternFinansiering.forHoejUdgift)).toEqual([false, false, false, false, false]);
    expect(off.funders.map((f) => f.total)).toEqual(on.funders.map((f) => f.total));
  });
});
