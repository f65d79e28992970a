/**
 * The Danish text of a financing allocation (formatFinancingTable and
 * formatAffordabilityExplanations), line by line as a reader sees it: the heading lines,
 * the funder × year table, funder notes, the afdeling × year table, affordability with
 * its thresholds, the explanation and the unconfirmed notes — each with and without its
 * optional part (no plan name, no funder notes, no afdelinger, an afdeling without
 * lejemål or rent, no affordability rules, a threshold without status, a scheme without
 * unconfirmed notes), and a funder name too long for the table's width.
 *
 * Every figure was worked out by hand (see each case); the worked example's figures are
 * derived in test/financing/worked-example.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateFinancing } from '../../src/financing/default-rules.js';
import { formatAffordabilityExplanations, formatFinancingTable } from '../../src/financing/format.js';
import type { AllocateOptions, BudgetInput, FinancingAllocation } from '../../src/financing/types.js';
import { createRegistry, type RuleRegistry } from '../../src/rules/registry.js';
import { bundledRegistry, loadRuleSetText } from '../../src/shipped.js';

type Plan = AllocateOptions & { budget: BudgetInput; navn: string };
const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/financing/${name}.json`, 'utf8')) as Plan;
const helhedsplan = fixture('helhedsplan-2024');
const lokalt = fixture('lokalt-udviklingsprojekt-2025');
const lines = (text: string) => {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
};

/**
 * A small plan to check by hand: 1.000.000,00 kr. over the calendar year 2026 (one year,
 * 365 of 365 days), funders 50 / 25 / 25 %: 500.000,00, 250.000,00 and 250.000,00 kr.;
 * the afdelinger's 250.000,00 kr. split by fixed shares 0,75 / 0,25: Ahorn 187.500,00 and
 * a-2 (no name, no lejemål, no rent) 62.500,00 kr.
 * Ahorn now: 187.500 / 100 lejemål = 1.875,00 kr. pr. lejemål pr. år; 187.500 / 12.000.000
 * = 1,5625 % → 1,56 %. At 100 %: 750.000 / 100 = 7.500,00 kr., 750.000 / 12.000.000 =
 * 6,25 % — over 2.000 kr. pr. lejemål, so "ja". a-2 has neither figure: "mangler", "ukendt".
 */
const budget2026: BudgetInput = { periode: { from: '2026-01-01', to: '2026-12-31' }, total: '1000000.00' };
const small: AllocateOptions = {
  scheme: 'financing-lokalt-udviklingsprojekt',
  asOf: '2026-01-01',
  key: 'andel',
  funders: [
    { id: 'fond', navn: 'Fonden', share: '0.5', lokal: false },
    { id: 'kommune', navn: 'Kommunen', share: '0.25', lokal: true },
    { id: 'afd', navn: 'Afdelingerne', share: '0.25', lokal: true, afdelinger: true },
  ],
  afdelinger: [
    { id: 'a-1', navn: 'Ahorn', andel: '0.75', lejemaal: 100, aarligHusleje: '12000000.00' },
    { id: 'a-2', andel: '0.25' },
  ],
};

const reg = bundledRegistry();
const otherThan = (id: string) => reg.ids().filter((x) => x !== id).flatMap((x) => reg.versions(x));
function registry(ruleSets: Parameters<typeof createRegistry>[0]): RuleRegistry {
  const r = createRegistry(ruleSets);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}
/** A shipped rule file with a change, loaded and compiled as such a file would be. */
function changedRuleFile(path: string, change: (json: Record<string, unknown>) => void, as: string) {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(json);
  const r = loadRuleSetText(JSON.stringify(json), as);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

const HEAD_SMALL = [
  'Ordning: Lokalt udviklingsprojekt (financing-lokalt-udviklingsprojekt, version 2017-06-01)',
  'Periode: 1. januar 2026 – 31. december 2026 (højst 48 måneder)',
  'Budget: 1.000.000,00 kr.',
  '',
  'Finansiering pr. kilde og år',
  'Kilde         Andel              2026             I alt',
  '────────────  ─────  ────────────────  ────────────────',
  'Fonden         50 %    500.000,00 kr.    500.000,00 kr.',
  'Kommunen       25 %    250.000,00 kr.    250.000,00 kr.',
  'Afdelingerne   25 %    250.000,00 kr.    250.000,00 kr.',
  'I alt         100 %  1.000.000,00 kr.  1.000.000,00 kr.',
  '',
  'Afdelingerne fordelt mellem afdelingerne efter faste andele',
  'Afdeling  faste andele     Andel            2026           I alt',
  '────────  ────────────  ────────  ──────────────  ──────────────',
  'Ahorn             0,75   75,00 %  187.500,00 kr.  187.500,00 kr.',
  'a-2               0,25   25,00 %   62.500,00 kr.   62.500,00 kr.',
  'I alt                   100,00 %  250.000,00 kr.  250.000,00 kr.',
  '',
  'Betalingsevne (stopparameter 5): gennemsnit pr. år over 1 år',
  'Afdeling  Nu pr. lejemål/år  Nu af husleje  100 % pr. lejemål/år  100 % af husleje  For høj udgift ved 100 %',
  '────────  ─────────────────  ─────────────  ────────────────────  ────────────────  ────────────────────────',
];
const GRAENSE_KR = 'En udgift over dette beløb pr. lejemål pr. år er en for høj økonomisk udgift for afdelingen.';
const GRAENSE_PCT = 'En årlig udgift over denne procentdel af afdelingens samlede årlige husleje er en for høj økonomisk udgift for afdelingen.';
const LIMITS = "(2.000,00 kr. pr. lejemål pr. år eller 3 pct. af den årlige husleje)";
const AHORN = 'Ahorn betaler nu 1.875,00 kr. pr. lejemål pr. år, 1,56 % af den årlige husleje; betaler afdelingerne 100 %, bliver det 7.500,00 kr. pr. lejemål pr. år, 6,25 % af den årlige husleje.';
const A2 = 'a-2 betaler nu 62.500,00 kr. pr. år (antal lejemål mangler); betaler afdelingerne 100 %, bliver det 250.000,00 kr. pr. år (antal lejemål mangler).';
const forklaringSmall = (a: FinancingAllocation) => [
  '',
  'Forklaring',
  '- Ordningen "Lokalt udviklingsprojekt" (financing-lokalt-udviklingsprojekt, version 2017-06-01) fordeler budgettet: Fonden 50 %, Kommunen 25 %, Afdelingerne 25 %.',
  '- Budgettet på 1.000.000,00 kr. for perioden 1. januar 2026 – 31. december 2026 er fordelt på kalenderår efter periodens dage i hvert år: 2026: 365 af 365 dage.',
  '- Afdelingernes andel er fordelt mellem afdelingerne efter faste andele: Ahorn 0,75 (75,00 %), a-2 0,25 (25,00 %).',
  `- ${a.afrunding.forklaring}`,
];
const UBEKRAEFTET_LOKALT = [
  '',
  'Ubekræftet i ordningen',
  "- UBEKRÆFTET: strategien angiver ingen længste periode for lokale udviklingsprojekter; maxDurationMonths 48 følger eksemplerne og er fsb's arbejdsantagelse.",
];

describe('formatFinancingTable: the worked example (helhedsplan 2024–2028)', () => {
  const a = allocateFinancing(helhedsplan.budget, helhedsplan);
  const text = lines(formatFinancingTable(a, helhedsplan.navn));

  it('starts with the plan name, the scheme, the period and the budget', () => {
    expect(text.slice(0, 5)).toEqual([
      'Boligsocial helhedsplan 2024–2028 (regneeksempel)',
      'Ordning: Boligsocial helhedsplan under Landsbyggefondens pulje 2019–2026 (financing-helhedsplan-lbf-2019-2026, version 2019-01-01)',
      'Periode: 1. marts 2024 – 29. februar 2028 (højst 48 måneder)',
      'Budget: 12.000.000,00 kr.',
      '',
    ]);
  });

  it('prints the funder × year table with numbers right-aligned, then each funder’s note', () => {
    expect(text.slice(5, 16)).toEqual([
      'Finansiering pr. kilde og år',
      'Kilde                          Andel              2024              2025              2026              2027            2028              I alt',
      '────────────────────────────  ──────  ────────────────  ────────────────  ────────────────  ────────────────  ──────────────  ─────────────────',
      'Landsbyggefonden                75 %  1.885.010,27 kr.  2.248.459,95 kr.  2.248.459,96 kr.  2.248.459,96 kr.  369.609,86 kr.   9.000.000,00 kr.',
      'Københavns Kommune            12,5 %    314.168,38 kr.    374.743,33 kr.    374.743,32 kr.    374.743,33 kr.   61.601,64 kr.   1.500.000,00 kr.',
      'Boligorganisation/afdelinger  12,5 %    314.168,38 kr.    374.743,33 kr.    374.743,33 kr.    374.743,32 kr.   61.601,64 kr.   1.500.000,00 kr.',
      'I alt                          100 %  2.513.347,03 kr.  2.997.946,61 kr.  2.997.946,61 kr.  2.997.946,61 kr.  492.813,14 kr.  12.000.000,00 kr.',
      '  Landsbyggefonden: Tilskud efter almenboligloven § 91 a; højst 75 pct., da mindst 25 pct. skal være lokal medfinansiering.',
      '  Københavns Kommune: UBEKRÆFTET andel (københavnsk praksis). Heraf typisk 10,6 pct. af rammen til frikøb, indsatser og koordinerende netværk og 1,9 pct. til facilitering af samarbejdet.',
      '  Boligorganisation/afdelinger: UBEKRÆFTET andel (københavnsk praksis). Betales af de deltagende afdelinger over huslejen og fordeles mellem dem efter planens fordelingsnøgle.',
      '',
    ]);
  });

  it('prints the afdelinger’s share split by lejemål, with the key value and the share', () => {
    // 480/300/216/144/60 of 1.200 lejemål = 40/25/18/12/5 %
    expect(text.slice(16, 26)).toEqual([
      'Boligorganisation/afdelinger fordelt mellem afdelingerne efter antal lejemål',
      'Afdeling     antal lejemål     Andel            2024            2025            2026            2027           2028             I alt',
      '───────────  ─────────────  ────────  ──────────────  ──────────────  ──────────────  ──────────────  ─────────────  ────────────────',
      'Lærkeparken            480   40,00 %  125.667,35 kr.  149.897,33 kr.  149.897,33 kr.  149.897,33 kr.  24.640,66 kr.    600.000,00 kr.',
      'Stærevej               300   25,00 %   78.542,10 kr.   93.685,83 kr.   93.685,83 kr.   93.685,83 kr.  15.400,41 kr.    375.000,00 kr.',
      'Mågehusene             216   18,00 %   56.550,31 kr.   67.453,80 kr.   67.453,80 kr.   67.453,80 kr.  11.088,29 kr.    270.000,00 kr.',
      'Svalegården            144   12,00 %   37.700,20 kr.   44.969,20 kr.   44.969,20 kr.   44.969,20 kr.   7.392,20 kr.    180.000,00 kr.',
      'Vibehuset               60    5,00 %   15.708,42 kr.   18.737,17 kr.   18.737,17 kr.   18.737,16 kr.   3.080,08 kr.     75.000,00 kr.',
      'I alt                       100,00 %  314.168,38 kr.  374.743,33 kr.  374.743,33 kr.  374.743,32 kr.  61.601,64 kr.  1.500.000,00 kr.',
      '',
    ]);
  });

  it('prints affordability now and at 100 %, the thresholds with their status, and one sentence per afdeling', () => {
    // now: 1.500.000 / 1.200 lejemål / 4 år = 312,50 kr.; 100 %: 12.000.000 / 1.200 / 4 = 2.500,00 kr.
    // of the rent per year: 150.000 / 37.440.000 = 0,4006 %, 93.750 / 25.200.000 = 0,372 %,
    // 67.500 / 19.440.000 = 0,347 %, 45.000 / 10.368.000 = 0,434 %, 18.750 / 6.000.000 = 0,3125 %;
    // ×8 at 100 %: 3,205, 2,976, 2,778, 3,472, 2,5 %. 2.500 kr. > 2.000 kr., so every one is "ja".
    expect(text.slice(26, 35)).toEqual([
      'Betalingsevne (stopparameter 5): gennemsnit pr. år over 4 år',
      'Afdeling     Nu pr. lejemål/år  Nu af husleje  100 % pr. lejemål/år  100 % af husleje  For høj udgift ved 100 %',
      '───────────  ─────────────────  ─────────────  ────────────────────  ────────────────  ────────────────────────',
      'Lærkeparken         312,50 kr.         0,40 %          2.500,00 kr.            3,21 %                        ja',
      'Stærevej            312,50 kr.         0,37 %          2.500,00 kr.            2,98 %                        ja',
      'Mågehusene          312,50 kr.         0,35 %          2.500,00 kr.            2,78 %                        ja',
      'Svalegården         312,50 kr.         0,43 %          2.500,00 kr.            3,47 %                        ja',
      'Vibehuset           312,50 kr.         0,31 %          2.500,00 kr.            2,50 %                        ja',
      `Grænser (financing-affordability): ${GRAENSE_KR} (2.000 kr. pr. lejemål pr. år, fsb-politik) ${GRAENSE_PCT} (3 pct. af den årlige husleje, fsb-politik)`,
    ]);
    expect(text[35]).toBe(
      `- Lærkeparken betaler nu 312,50 kr. pr. lejemål pr. år, 0,40 % af den årlige husleje; betaler afdelingerne 100 %, bliver det 2.500,00 kr. pr. lejemål pr. år, 3,21 % af den årlige husleje. Det er over fsb's grænse ${LIMITS}: en for høj økonomisk udgift, hvis den eksterne finansiering ophører (stopparameter 5).`,
    );
    expect(text.slice(35, 40)).toEqual(a.betalingsevne.afdelinger.map((x) => `- ${x.forklaring}`));
    expect(text[40]).toBe('');
  });

  it('ends with the explanation and only the scheme’s unconfirmed notes', () => {
    expect(text.slice(41, 46)).toEqual(['Forklaring', ...a.forklaring.map((l) => `- ${l}`)]);
    expect(a.forklaring).toHaveLength(4);
    expect(text[42]).toBe(
      '- Ordningen "Boligsocial helhedsplan under Landsbyggefondens pulje 2019–2026" (financing-helhedsplan-lbf-2019-2026, version 2019-01-01) fordeler budgettet: Landsbyggefonden 75 %, Københavns Kommune 12,5 %, Boligorganisation/afdelinger 12,5 %.',
    );
    // the scheme has six notes; the first two are not marked UBEKRÆFTET and are left out
    expect(a.schemeNotes).toHaveLength(6);
    expect(text.slice(46)).toEqual([
      '',
      'Ubekræftet i ordningen',
      '- UBEKRÆFTET: fordelingen 75/12,5/12,5 mellem LBF, Københavns Kommune og boligorganisation/afdelinger er fsb\'s københavnske praksis; loven fastsætter kun mindst 25 pct. lokal medfinansiering (LBF højst 75 pct., afledt). Kommunens og boligorganisationens andele er ikke fastsat.',
      '- UBEKRÆFTET: LBF\'s maksimale varighed og forlængelser. Indsatserne er "4-årige" (KK: "som regel"); maxDurationMonths 48 er denne antagelse.',
      '- UBEKRÆFTET: puljens numeriske kriterier for 2019–26.',
      '- UBEKRÆFTET: Københavns Kommunes interne deling (10,6 pct. frikøb, indsatser og netværk; 1,9 pct. facilitering af samarbejdet) er dokumenteret som praksis, ikke for denne pulje specifikt.',
    ]);
    expect(text.join('\n')).not.toContain('Rammen er 380 mio. kr.');
  });

  it('starts with the scheme when no plan name is given', () => {
    const unnamed = lines(formatFinancingTable(a));
    expect(unnamed[0]).toBe(text[1]);
    expect(unnamed).toEqual(text.slice(1));
  });
});

describe('formatFinancingTable: a budget per year, funders named by the plan (lokalt udviklingsprojekt 2025–2027)', () => {
  const a = allocateFinancing(lokalt.budget, lokalt);
  const text = lines(formatFinancingTable(a, lokalt.navn));

  it('says the budget was given per year, and prints no funder notes when the funders have none', () => {
    // the years as given: 900.000 / 1.100.000 / 1.000.000, each 60 / 30 / 10 %
    expect(text.slice(0, 20)).toEqual([
      'Lokalt udviklingsprojekt 2025–2027 (eksempel)',
      'Ordning: Lokalt udviklingsprojekt (financing-lokalt-udviklingsprojekt, version 2017-06-01)',
      'Periode: 1. januar 2025 – 31. december 2027 (højst 48 måneder)',
      'Budget: 3.000.000,00 kr. (angivet pr. år)',
      '',
      'Finansiering pr. kilde og år',
      'Kilde               Andel            2025              2026              2027             I alt',
      '──────────────────  ─────  ──────────────  ────────────────  ────────────────  ────────────────',
      'Fonden               60 %  540.000,00 kr.    660.000,00 kr.    600.000,00 kr.  1.800.000,00 kr.',
      'Københavns Kommune   30 %  270.000,00 kr.    330.000,00 kr.    300.000,00 kr.    900.000,00 kr.',
      'Afdelingerne         10 %   90.000,00 kr.    110.000,00 kr.    100.000,00 kr.    300.000,00 kr.',
      'I alt               100 %  900.000,00 kr.  1.100.000,00 kr.  1.000.000,00 kr.  3.000.000,00 kr.',
      '',
      'Afdelingerne fordelt mellem afdelingerne efter boligareal (m²)',
      // 15.750,5 and 6.650 of 22.400,5 m² = 0,7031316… and 0,2968683…; e.g. 90.000 · 0,7031316 = 63.281,846
      'Afdeling    boligareal (m²)     Andel           2025            2026            2027           I alt',
      '──────────  ───────────────  ────────  ─────────────  ──────────────  ──────────────  ──────────────',
      'Engparken          15.750,5   70,31 %  63.281,85 kr.   77.344,48 kr.   70.313,16 kr.  210.939,49 kr.',
      'Skovbrynet            6.650   29,69 %  26.718,15 kr.   32.655,52 kr.   29.686,84 kr.   89.060,51 kr.',
      'I alt                        100,00 %  90.000,00 kr.  110.000,00 kr.  100.000,00 kr.  300.000,00 kr.',
      '',
    ]);
  });

  it('prints affordability over 3 years', () => {
    // Engparken now 210.939,49 / 3 / 210 = 334,82; / 16.800.000 = 0,4185 %;
    // at 100 % 3.000.000 · 0,7031316 = 2.109.394,88 / 3 / 210 = 3.348,246; 4,185 %.
    // Skovbrynet now 89.060,51 / 3 / 95 = 312,493; / 7.125.000 = 0,4167 %; at 100 % 890.605,12 / 3 / 95 = 3.124,93; 4,1667 %.
    expect(text.slice(20, 26)).toEqual([
      'Betalingsevne (stopparameter 5): gennemsnit pr. år over 3 år',
      'Afdeling    Nu pr. lejemål/år  Nu af husleje  100 % pr. lejemål/år  100 % af husleje  For høj udgift ved 100 %',
      '──────────  ─────────────────  ─────────────  ────────────────────  ────────────────  ────────────────────────',
      'Engparken          334,82 kr.         0,42 %          3.348,25 kr.            4,19 %                        ja',
      'Skovbrynet         312,49 kr.         0,42 %          3.124,93 kr.            4,17 %                        ja',
      `Grænser (financing-affordability): ${GRAENSE_KR} (2.000 kr. pr. lejemål pr. år, fsb-politik) ${GRAENSE_PCT} (3 pct. af den årlige husleje, fsb-politik)`,
    ]);
    expect(text.slice(26, 28)).toEqual(a.betalingsevne.afdelinger.map((x) => `- ${x.forklaring}`));
    expect(text.slice(28)).toEqual(['', 'Forklaring', ...a.forklaring.map((l) => `- ${l}`), ...UBEKRAEFTET_LOKALT]);
    expect(text[31]).toBe('- Budgettet på 3.000.000,00 kr. er angivet pr. kalenderår og bruges som angivet.');
  });
});

describe('formatFinancingTable: optional parts', () => {
  it('shows "mangler" for an afdeling without lejemål and rent, and "ukendt" where that cannot be judged', () => {
    const a = allocateFinancing(budget2026, small);
    expect(lines(formatFinancingTable(a))).toEqual([
      ...HEAD_SMALL,
      'Ahorn          1.875,00 kr.         1,56 %          7.500,00 kr.            6,25 %                        ja',
      'a-2                 mangler        mangler               mangler           mangler                    ukendt',
      `Grænser (financing-affordability): ${GRAENSE_KR} (2.000 kr. pr. lejemål pr. år, fsb-politik) ${GRAENSE_PCT} (3 pct. af den årlige husleje, fsb-politik)`,
      `- ${AHORN} Det er over fsb's grænse ${LIMITS}: en for høj økonomisk udgift, hvis den eksterne finansiering ophører (stopparameter 5).`,
      `- ${A2} Det kan ikke vurderes mod fsb's grænse ${LIMITS}, fordi tal mangler.`,
      ...forklaringSmall(a),
      ...UBEKRAEFTET_LOKALT,
    ]);
  });

  it('prints no thresholds when no affordability rules are in force', () => {
    const a = allocateFinancing(budget2026, { ...small, rules: registry(otherThan('financing-affordability')) });
    expect(a.betalingsevne.ruleSet).toBeUndefined();
    expect(lines(formatFinancingTable(a))).toEqual([
      ...HEAD_SMALL,
      'Ahorn          1.875,00 kr.         1,56 %          7.500,00 kr.            6,25 %                    ukendt',
      'a-2                 mangler        mangler               mangler           mangler                    ukendt',
      `- ${AHORN} Der er ingen betalingsevneregler i kraft, så udgiften er ikke vurderet.`,
      `- ${A2} Der er ingen betalingsevneregler i kraft, så udgiften er ikke vurderet.`,
      ...forklaringSmall(a),
      ...UBEKRAEFTET_LOKALT,
    ]);
  });

  it('leaves out the status of a threshold that has none', () => {
    const withoutStatus = changedRuleFile(
      'rules/financing/affordability/2017-06-01.json',
      (json) => {
        const p = (json['parameters'] as Record<string, Record<string, unknown>>)['maksUdgiftPrLejemaalPrAar'];
        delete p?.['status'];
      },
      'uden-status/2017-06-01.json',
    );
    const a = allocateFinancing(budget2026, { ...small, rules: registry([...otherThan('financing-affordability'), withoutStatus]) });
    expect(lines(formatFinancingTable(a))[24]).toBe(
      `Grænser (financing-affordability): ${GRAENSE_KR} (2.000 kr. pr. lejemål pr. år) ${GRAENSE_PCT} (3 pct. af den årlige husleje, fsb-politik)`,
    );
  });

  it('ends with the explanation when the scheme has no unconfirmed notes', () => {
    const scheme = changedRuleFile(
      'rules/financing/lokalt-udviklingsprojekt/2017-06-01.json',
      (json) => {
        json['notes'] = (json['notes'] as string[]).filter((n) => !n.startsWith('UBEKRÆFTET'));
      },
      'uden-ubekraeftet/2017-06-01.json',
    );
    expect(scheme.notes).toHaveLength(1);
    const a = allocateFinancing(budget2026, { ...small, scheme });
    const text = lines(formatFinancingTable(a));
    expect(text.slice(-6)).toEqual(forklaringSmall(a));
    expect(text.join('\n')).not.toContain('Ubekræftet');
  });

  it('prints neither an afdeling table nor affordability when the plan has no afdelinger', () => {
    // one funder pays all: 1.000.000,00 kr. in 2026
    const a = allocateFinancing(budget2026, { ...small, funders: [{ id: 'fond', navn: 'Fonden', share: '1', lokal: false }], afdelinger: [] });
    expect(lines(formatFinancingTable(a, 'Kun fonden'))).toEqual([
      'Kun fonden',
      ...HEAD_SMALL.slice(0, 5),
      'Kilde   Andel              2026             I alt',
      '──────  ─────  ────────────────  ────────────────',
      'Fonden  100 %  1.000.000,00 kr.  1.000.000,00 kr.',
      'I alt   100 %  1.000.000,00 kr.  1.000.000,00 kr.',
      '',
      'Forklaring',
      '- Ordningen "Lokalt udviklingsprojekt" (financing-lokalt-udviklingsprojekt, version 2017-06-01) fordeler budgettet: Fonden 100 %.',
      '- Budgettet på 1.000.000,00 kr. for perioden 1. januar 2026 – 31. december 2026 er fordelt på kalenderår efter periodens dage i hvert år: 2026: 365 af 365 dage.',
      `- ${a.afrunding.forklaring}`,
      ...UBEKRAEFTET_LOKALT,
    ]);
  });

  it('wraps a funder or afdeling name too long for the width, keeping every line within 160 columns', () => {
    const fond = 'Fonden til fremme af trivsel, tryghed og fællesskab i de almene boligafdelinger på Nørrebro, Bispebjerg og i Nordvest, herunder Mjølnerparken og Lundtoftegade';
    const afd = 'Ahorn, Birk, Cypres, Douglas, Elm, Fyr, Gran, Hassel, Ilex, Juniper, Kastanje, Lind, Morbær, Nåletræ, Oliven, Poppel, Rødel, Seljepil og Tjørn';
    const a = allocateFinancing(budget2026, {
      ...small,
      funders: [{ id: 'fond', navn: fond, share: '0.5', lokal: false }, ...(small.funders ?? []).slice(1)],
      afdelinger: [{ ...(small.afdelinger[0] ?? { id: 'a-1' }), navn: afd }, ...small.afdelinger.slice(1)],
    });
    const text = lines(formatFinancingTable(a));
    // the funder table's other columns take 43 columns (5 + 16 + 16 and three gaps of 2): the name gets 117
    const funderTable = text.slice(5, 12);
    expect(funderTable[0]).toBe(`${'Kilde'.padEnd(117)}  Andel              2026             I alt`);
    expect(funderTable[2]).toBe(`${'Fonden til fremme af trivsel, tryghed og fællesskab i de almene boligafdelinger på Nørrebro, Bispebjerg og i'.padEnd(117)}   50 %    500.000,00 kr.    500.000,00 kr.`);
    expect(funderTable[3]).toBe('Nordvest, herunder Mjølnerparken og Lundtoftegade');
    expect(funderTable[6]).toBe(`${'I alt'.padEnd(117)}  100 %  1.000.000,00 kr.  1.000.000,00 kr.`);
    // the afdeling table's other columns take 56 columns (12 + 8 + 14 + 14 and four gaps): the name gets 104
    const afdTable = text.slice(13, 19);
    expect(afdTable[0]).toBe(`Afdelingerne fordelt mellem afdelingerne efter faste andele`);
    expect(afdTable[1]).toBe(`${'Afdeling'.padEnd(104)}  faste andele     Andel            2026           I alt`);
    expect(afdTable[3]).toBe(`${'Ahorn, Birk, Cypres, Douglas, Elm, Fyr, Gran, Hassel, Ilex, Juniper, Kastanje, Lind, Morbær, Nåletræ,'.padEnd(104)}          0,75   75,00 %  187.500,00 kr.  187.500,00 kr.`);
    expect(afdTable[4]).toBe('Oliven, Poppel, Rødel, Seljepil og Tjørn');
    for (const line of [...funderTable, ...afdTable]) expect([...line].length).toBeLessThanOrEqual(160);
    // the affordability table wraps the same name: its figures stay on the name's first line
    const head = text.indexOf('Betalingsevne (stopparameter 5): gennemsnit pr. år over 1 år');
    const end = text.findIndex((l, i) => i > head && (l.startsWith('- ') || l.startsWith('Grænser') || l === ''));
    const affordTable = text.slice(head + 1, end);
    expect(affordTable.length).toBeGreaterThanOrEqual(4);
    expect(affordTable[0]).toMatch(/^Afdeling {2,}Nu pr\. lejemål\/år/);
    expect(affordTable[2]).toMatch(/^Ahorn, Birk, Cypres, .*[^ ] {2,}[\d.]+,\d\d kr\. +\d+,\d\d % +[\d.]+,\d\d kr\. +\d+,\d\d % +ja$/);
    const nameLines = affordTable.slice(2).filter((l) => !/kr\./.test(l) || l.startsWith('Ahorn'));
    expect(nameLines.map((l) => l.replace(/ {2,}.*$/, '')).join(' ')).toContain(afd);
    for (const line of affordTable) expect([...line].length).toBeLessThanOrEqual(160);
  });
});

describe('formatAffordabilityExplanations', () => {
  it('explains each afdeling’s 100 % case, separated by a blank line', () => {
    const text = formatAffordabilityExplanations(allocateFinancing(lokalt.budget, lokalt));
    const head = (navn: string, id: string) =>
      `${navn} (${id}), hvis afdelingerne betaler 100 %:\nRegelsæt: Hvornår er en indsats en for høj økonomisk udgift for afdelingen? (financing-affordability, i kraft fra 1. juni 2017)\n  ✓ En for høj økonomisk udgift for afdelingen: ja\n`;
    const parts = text.split('\n\n');
    expect(parts).toHaveLength(2);
    expect(parts[0]?.startsWith(head('Engparken', 'afd-201'))).toBe(true);
    expect(parts[1]?.startsWith(head('Skovbrynet', 'afd-202'))).toBe(true);
    // 3.348,25 − 2.000 = 1.348,25 over; 4,19 − 3 = 1,19 over
    expect(parts[0]).toContain('3.348,25 kr. pr. lejemål pr. år — krav: overstiger 2.000 kr. pr. lejemål pr. år [maksUdgiftPrLejemaalPrAar] — opfyldt, 1.348,25 over grænsen');
    expect(parts[0]).toContain('4,19 pct. af den årlige husleje — krav: overstiger 3 pct. af den årlige husleje [maksUdgiftPctAfHusleje] — opfyldt, 1,19 over grænsen');
    expect(parts[1]).toContain('3.124,93 kr. pr. lejemål pr. år — krav: overstiger 2.000 kr. pr. lejemål pr. år [maksUdgiftPrLejemaalPrAar] — opfyldt, 1.124,93 over grænsen');
  });

  it('is empty when no affordability rules were evaluated', () => {
    const a = allocateFinancing(budget2026, { ...small, rules: registry(otherThan('financing-affordability')) });
    expect(a.betalingsevne.afdelinger).toHaveLength(2);
    expect(formatAffordabilityExplanations(a)).toBe('');
  });
});
