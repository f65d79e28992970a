/**
 * The financing schemes read from rules/financing/*: resolveScheme finds the scheme in
 * force on a date (from its first to its last day, not the day before or after) or says
 * in Danish why not (unknown, not in force, an invalid date, not a scheme); resolveFunders
 * gives each scheme's funders exactly as its rule file declares them, the plan's own for
 * a scheme that names funders per project, and refuses duplicate or unknown funders,
 * shares that do not sum to exactly 1 (printing the sum exactly) and less local
 * co-financing than `minLokalAndel`, each diagnostic located by JSON pointer and file.
 * Expected values come from the rule files themselves, read here as JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleSet, FinancingSection } from '../../src/engine/types.js';
import { BoligsocialError, type Diagnostic } from '../../src/errors.js';
import { rational, rationalFromDecimal } from '../../src/financing/rational.js';
import { resolveFunders, resolveScheme } from '../../src/financing/scheme.js';
import type { FunderInput } from '../../src/financing/types.js';
import type { RuleRegistry } from '../../src/rules/registry.js';
import { bundledRegistry, loadRuleSetText } from '../../src/shipped.js';

const rules = bundledRegistry();
type Scheme = CompiledRuleSet & { financing: FinancingSection };

interface SchemeFile {
  id: string;
  effective: { from: string; to?: string };
  parameters?: Record<string, { value: string; description: string }>;
  financing?: { indsatsKinds: string[]; maxDurationMonths: number; funders: { id: string; navn: string; share: string; lokal: boolean; afdelinger?: boolean; description?: string }[] };
}
const ruleFiles: SchemeFile[] = readdirSync('rules/financing').flatMap((dir) =>
  readdirSync(join('rules/financing', dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join('rules/financing', dir, f), 'utf8')) as SchemeFile),
);
const schemeFiles = ruleFiles.filter((f) => f.financing !== undefined);
const SCHEME_IDS = [
  'financing-boligsocial-ejendomsfunktionaer',
  'financing-helhedsplan-lbf-2015-2018',
  'financing-helhedsplan-lbf-2019-2026',
  'financing-lokalt-udviklingsprojekt',
];

function dayShift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function scheme(id: string, asOf = '2024-03-01'): Scheme {
  const r = resolveScheme(id, asOf, rules);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function refused(id: string | CompiledRuleSet, asOf: string, registry: RuleRegistry = rules, file?: string): Diagnostic {
  const r = resolveScheme(id, asOf, registry, file);
  if (r.ok) throw new Error('expected no scheme');
  expect(r.errors).toHaveLength(1);
  return r.errors[0] as Diagnostic;
}

function loadScheme(json: object, id: string): Scheme {
  const loaded = loadRuleSetText(JSON.stringify(json), `/tmp/${id}/2020-01-01.json`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  if (loaded.value.financing === undefined) throw new Error('not a scheme');
  return loaded.value as Scheme;
}

/** A scheme paid wholly by a foundation, with the 25 % local minimum of the LBF schemes. */
const fondScheme = loadScheme(
  {
    id: 'financing-test-fond',
    domain: 'financing',
    title: 'Test: fond',
    effective: { from: '2020-01-01' },
    source: { reference: 'test' },
    parameters: { minLokalAndel: { value: '0.25', unit: 'andel af den samlede ramme', description: 'Mindst en fjerdedel lokalt.' } },
    rules: [],
    financing: { indsatsKinds: ['helhedsplan'], maxDurationMonths: 48, funders: [{ id: 'fond', navn: 'Fonden', share: '1', lokal: false }] },
  },
  'financing-test-fond',
);

describe('the scheme files', () => {
  it('are the four shipped schemes; the affordability file is not one', () => {
    expect(schemeFiles.map((f) => f.id).sort()).toEqual(SCHEME_IDS);
    expect(ruleFiles.filter((f) => f.financing === undefined).map((f) => f.id)).toEqual(['financing-affordability']);
  });

  it.each(schemeFiles.map((f) => [f.id, f] as const))('%s resolves from its first to its last day, as its file declares', (id, file) => {
    const from = file.effective.from;
    const rs = scheme(id, from);
    expect(rs.info.id).toBe(id);
    expect(rs.info.effective).toEqual(file.effective);
    expect(rs.financing.indsatsKinds).toEqual(file.financing?.indsatsKinds);
    expect(rs.financing.maxDurationMonths).toBe(file.financing?.maxDurationMonths);
    expect(refused(id, dayShift(from, -1))).toMatchObject({ code: 'no-rules-in-force', severity: 'error', pointer: '/scheme', message: `ingen ${id}-regler i kraft ${dayShift(from, -1)}; de første træder i kraft ${from}` });
    const to = file.effective.to;
    if (to !== undefined) {
      expect(scheme(id, to).info.id).toBe(id);
      expect(refused(id, dayShift(to, 1))).toMatchObject({ code: 'no-rules-in-force', message: `ingen ${id}-regler i kraft ${dayShift(to, 1)}; de seneste gjaldt til og med ${to}` });
    }
  });

  it.each(schemeFiles.filter((f) => (f.financing?.funders.length ?? 0) > 0).map((f) => [f.id, f] as const))('%s: the funders are exactly the file’s', (id, file) => {
    const { funders, errors } = resolveFunders(scheme(id, file.effective.from), undefined, undefined);
    expect(errors).toEqual([]);
    expect(funders).toEqual(
      (file.financing?.funders ?? []).map((f) => ({
        id: f.id,
        navn: f.navn,
        shareText: f.share,
        share: rationalFromDecimal(f.share),
        lokal: f.lokal,
        afdelinger: f.afdelinger ?? false,
        ...(f.description !== undefined ? { description: f.description } : {}),
      })),
    );
    // every shipped funder has a description, and it is carried
    for (const f of funders) expect(typeof f.description).toBe('string');
  });

  it('the LBF helhedsplan schemes are 75 / 12,5 / 12,5, with the afdelinger paying the last 12,5 %', () => {
    for (const id of ['financing-helhedsplan-lbf-2015-2018', 'financing-helhedsplan-lbf-2019-2026']) {
      const file = schemeFiles.find((f) => f.id === id);
      const { funders } = resolveFunders(scheme(id, file?.effective.from ?? ''), undefined, undefined);
      expect(funders.map((f) => [f.id, f.shareText, f.lokal, f.afdelinger])).toEqual([
        ['lbf', '0.75', false, false],
        ['koebenhavns-kommune', '0.125', true, false],
        ['boligorganisation-afdelinger', '0.125', true, true],
      ]);
      expect(funders.map((f) => f.share)).toEqual([rational(3n, 4n), rational(1n, 8n), rational(1n, 8n)]);
      expect(file?.parameters?.['minLokalAndel']?.value).toBe('0.25');
    }
  });

  it('a funder the file gives no description has none', () => {
    // (its missing local share is refused below; the funders are still resolved)
    const { funders } = resolveFunders(fondScheme, undefined, undefined);
    expect(funders).toEqual([{ id: 'fond', navn: 'Fonden', shareText: '1', share: rational(1n), lokal: false, afdelinger: false }]);
    expect('description' in (funders[0] ?? {})).toBe(false);
  });
});

describe('resolveScheme', () => {
  it('takes a compiled scheme as it is', () => {
    const rs = rules.inForce('financing-helhedsplan-lbf-2019-2026', '2024-03-01');
    const r = resolveScheme(rs, '1900-01-01', rules);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBe(rs);
  });

  it('an unknown scheme with a near name: suggests it, located at /scheme in the file', () => {
    const d = refused('financing-helhedsplan-lbf-2019-2025', '2024-03-01', rules, 'plan.json');
    expect(d).toEqual({
      code: 'unknown-rule-set',
      severity: 'error',
      file: 'plan.json',
      pointer: '/scheme',
      message: 'finansieringsordningen "financing-helhedsplan-lbf-2019-2025" findes ikke',
      hint: 'Mente du "financing-helhedsplan-lbf-2019-2026"?',
    });
  });

  it('an unknown scheme with no near name: lists the schemes, and only schemes', () => {
    const d = refused('helt-andet', '2024-03-01');
    expect(d).toEqual({
      code: 'unknown-rule-set',
      severity: 'error',
      pointer: '/scheme',
      message: 'finansieringsordningen "helt-andet" findes ikke',
      hint: `Kendte ordninger: ${SCHEME_IDS.join(', ')}.`,
    });
    // the affordability rule set is no scheme, so it is neither listed nor suggested
    const near = refused('financing-affordabilit', '2024-03-01');
    expect(near.hint).toBe(`Kendte ordninger: ${SCHEME_IDS.join(', ')}.`);
    expect(near.message).toBe('finansieringsordningen "financing-affordabilit" findes ikke');
  });

  it('a scheme not in force: the registry’s reason', () => {
    const d = refused('financing-helhedsplan-lbf-2015-2018', '2024-03-01', rules, 'plan.json');
    expect(d).toMatchObject({
      code: 'no-rules-in-force',
      severity: 'error',
      file: 'plan.json',
      pointer: '/scheme',
      message: 'ingen financing-helhedsplan-lbf-2015-2018-regler i kraft 2024-03-01; de seneste gjaldt til og med 2018-12-31',
      // the period it holds, not a did-you-mean of the very name given
      hint: '"financing-helhedsplan-lbf-2015-2018" gælder 2015-01-01 – 2018-12-31. Vælg en dato i en af perioderne, eller tilføj en ny dateret regelfil.',
    });
  });

  it('an invalid date: the registry’s reason', () => {
    expect(refused('financing-helhedsplan-lbf-2019-2026', '2024-13-45')).toMatchObject({ code: 'input-invalid', pointer: '/scheme', message: 'datoen "2024-13-45" er ikke en gyldig dato' });
  });

  it('a registry error without a diagnostic: says the scheme is not in force on the date', () => {
    const bare: RuleRegistry = {
      ids: () => rules.ids(),
      versions: (id) => rules.versions(id),
      inForce: () => {
        throw new BoligsocialError('no-rules-in-force', 'none', []);
      },
    };
    expect(refused('financing-helhedsplan-lbf-2019-2026', '2024-03-01', bare)).toMatchObject({
      code: 'no-rules-in-force',
      message: 'ordningen "financing-helhedsplan-lbf-2019-2026" er ikke i kraft 2024-03-01',
    });
  });

  it('any other error from the registry is not swallowed', () => {
    const broken: RuleRegistry = {
      ids: () => rules.ids(),
      versions: (id) => rules.versions(id),
      inForce: () => {
        throw new RangeError('registry broke');
      },
    };
    expect(() => resolveScheme('financing-helhedsplan-lbf-2019-2026', '2024-03-01', broken)).toThrow(RangeError);
  });

  it.each([
    ['by id', 'financing-affordability' as string | CompiledRuleSet],
    ['compiled', rules.inForce('financing-affordability', '2024-03-01')],
  ])('a rule set that is no scheme (%s) is refused', (_how, rs) => {
    expect(refused(rs, '2024-03-01', rules, 'plan.json')).toEqual({
      code: 'input-invalid',
      severity: 'error',
      file: 'plan.json',
      pointer: '/scheme',
      message: 'regelsættet "financing-affordability" er ikke en finansieringsordning (det har ingen "financing"-del)',
      hint: 'Vælg en ordning under rules/financing/.',
    });
  });
});

describe('resolveFunders: schemes with fixed funders', () => {
  const lbf = () => scheme('financing-helhedsplan-lbf-2019-2026');

  it('refuses funders named by the plan', () => {
    const { errors } = resolveFunders(lbf(), undefined, [{ id: 'x', navn: 'X', share: '1', lokal: false }], 'plan.json');
    expect(errors).toEqual([
      {
        code: 'input-invalid',
        severity: 'error',
        file: 'plan.json',
        pointer: '/funders',
        message: 'ordningen "financing-helhedsplan-lbf-2019-2026" har faste finansieringskilder (lbf, koebenhavns-kommune, boligorganisation-afdelinger); planen kan ikke angive andre',
        hint: 'Slet "funders"; vil du ændre fordelingen mellem kilderne, så brug "funderShares".',
      },
    ]);
  });

  it('funderShares replace shares by id, keeping the rest', () => {
    const { funders, errors } = resolveFunders(lbf(), { 'koebenhavns-kommune': '0.05', 'boligorganisation-afdelinger': '0.2' }, undefined);
    expect(errors).toEqual([]);
    expect(funders.map((f) => [f.id, f.shareText])).toEqual([
      ['lbf', '0.75'],
      ['koebenhavns-kommune', '0.05'],
      ['boligorganisation-afdelinger', '0.2'],
    ]);
    expect(funders[2]?.share).toEqual(rational(1n, 5n));
  });

  it('an unknown funder id with no near name lists the scheme’s funders', () => {
    const { errors } = resolveFunders(lbf(), { zzz: '0' }, undefined, 'plan.json');
    expect(errors).toEqual([
      {
        code: 'input-invalid',
        severity: 'error',
        file: 'plan.json',
        pointer: '/funderShares/zzz',
        message: 'finansieringskilden "zzz" findes ikke i ordningen "financing-helhedsplan-lbf-2019-2026"',
        hint: 'Ordningens kilder er: lbf, koebenhavns-kommune, boligorganisation-afdelinger.',
      },
    ]);
  });

  it('shares off by a tenth of a percent: the exact sum, at /funderShares, naming every share', () => {
    const { errors } = resolveFunders(lbf(), { lbf: '0.749' }, undefined, 'plan.json');
    expect(errors).toEqual([
      {
        code: 'share-sum',
        severity: 'error',
        file: 'plan.json',
        pointer: '/funderShares',
        message: 'finansieringskildernes andele summerer til 0.999, ikke præcis 1',
        hint: 'Ret andelene (lbf 0.749, koebenhavns-kommune 0.125, boligorganisation-afdelinger 0.125), så de tilsammen er 1.',
      },
    ]);
  });

  describe('at least 25 % local (minLokalAndel 0.25)', () => {
    const shares = (lbfShare: string, kk: string, bo: string) => ({ lbf: lbfShare, 'koebenhavns-kommune': kk, 'boligorganisation-afdelinger': bo });
    it('exactly 25 % is enough', () => {
      expect(resolveFunders(lbf(), shares('0.75', '0.2', '0.05'), undefined).errors).toEqual([]);
    });
    it('25,01 % is enough', () => {
      expect(resolveFunders(lbf(), shares('0.7499', '0.1251', '0.125'), undefined).errors).toEqual([]);
    });
    it('24,99 % is not: says how much, names the local funders and the rule', () => {
      const { errors } = resolveFunders(lbf(), shares('0.7501', '0.1249', '0.125'), undefined, 'plan.json');
      const file = schemeFiles.find((f) => f.id === 'financing-helhedsplan-lbf-2019-2026');
      expect(errors).toEqual([
        {
          code: 'input-invalid',
          severity: 'error',
          file: 'plan.json',
          pointer: '/funderShares',
          message: 'den lokale medfinansiering er 0.2499, men ordningen kræver mindst 0.25',
          hint: `${file?.parameters?.['minLokalAndel']?.description} Hæv de lokale kilders andele (koebenhavns-kommune, boligorganisation-afdelinger).`,
        },
      ]);
      expect(errors[0]?.hint).toBe(
        'Puljen kræver mindst 25 pct. lokal medfinansiering (kommune, boligorganisation og afdelinger tilsammen). Hæv de lokale kilders andele (koebenhavns-kommune, boligorganisation-afdelinger).',
      );
    });
    it('a scheme with no local funder at all says "ingen", at /funders without funderShares', () => {
      const { errors } = resolveFunders(fondScheme, undefined, undefined);
      expect(errors).toEqual([
        {
          code: 'input-invalid',
          severity: 'error',
          pointer: '/funders',
          message: 'den lokale medfinansiering er 0, men ordningen kræver mindst 0.25',
          hint: 'Mindst en fjerdedel lokalt. Hæv de lokale kilders andele (ingen).',
        },
      ]);
    });
  });
});

describe('resolveFunders: schemes whose funders the plan names', () => {
  const lup = () => scheme('financing-lokalt-udviklingsprojekt');
  const missing = {
    code: 'input-invalid',
    severity: 'error',
    file: 'plan.json',
    pointer: '/funders',
    message: 'ordningen "financing-lokalt-udviklingsprojekt" navngiver finansieringskilderne pr. projekt, men planen angiver ingen',
    hint: 'Angiv "funders": [{ "id": "fond-x", "navn": "…", "share": "0.6", "lokal": false }, …] med andele, der tilsammen er 1.',
  };

  it.each([
    ['none', undefined],
    ['an empty list', []],
  ])('wants the plan’s funders (%s), and has none', (_what, plan) => {
    expect(resolveFunders(lup(), undefined, plan, 'plan.json')).toEqual({ funders: [], errors: [missing] });
  });

  it('takes the plan’s funders, not local and not the afdelinger unless they say so; no local minimum applies', () => {
    const plan: FunderInput[] = [
      { id: 'fond', navn: 'Fonden', share: '0.9', lokal: false },
      { id: 'afd', navn: 'Afdelingerne', share: '0.1', lokal: false, afdelinger: true },
    ];
    const { funders, errors } = resolveFunders(lup(), undefined, plan);
    expect(errors).toEqual([]);
    expect(funders).toEqual([
      { id: 'fond', navn: 'Fonden', shareText: '0.9', share: rational(9n, 10n), lokal: false, afdelinger: false },
      { id: 'afd', navn: 'Afdelingerne', shareText: '0.1', share: rational(1n, 10n), lokal: false, afdelinger: true },
    ]);
  });

  it('refuses a funder named twice, pointing at the second and naming the first', () => {
    const plan: FunderInput[] = [
      { id: 'kk', navn: 'KK', share: '0.25', lokal: true },
      { id: 'fond', navn: 'Fonden', share: '0.25', lokal: false },
      { id: 'kk2', navn: 'KK2', share: '0.25', lokal: true },
      { id: 'fond', navn: 'Fonden igen', share: '0.25', lokal: false },
    ];
    const { errors } = resolveFunders(lup(), undefined, plan, 'plan.json');
    expect(errors).toEqual([
      {
        code: 'input-invalid',
        severity: 'error',
        file: 'plan.json',
        pointer: '/funders/3/id',
        message: 'finansieringskilden "fond" er angivet to gange (også som nr. 2)',
        hint: 'Slå de to rækker sammen til én med den samlede andel.',
      },
    ]);
  });

  it('refuses shares not summing to 1, at /funders', () => {
    const { errors } = resolveFunders(lup(), undefined, [
      { id: 'fond', navn: 'Fonden', share: '0.6', lokal: false },
      { id: 'kk', navn: 'KK', share: '0.3', lokal: true },
    ]);
    expect(errors).toEqual([
      {
        code: 'share-sum',
        severity: 'error',
        pointer: '/funders',
        message: 'finansieringskildernes andele summerer til 0.9, ikke præcis 1',
        hint: 'Ret andelene (fond 0.6, kk 0.3), så de tilsammen er 1.',
      },
    ]);
  });

  it.each([
    [['2'], '2'],
    [['0'], '0'],
    [['0.5', '0.75'], '1.25'],
    [['0.125', '0.0625'], '0.1875'],
    [['-0.25'], '-0.25'],
    [['0.5', '-1.5'], '-1'],
  ])('prints the sum of %j exactly: %s', (shares, text) => {
    const plan = shares.map((share, i) => ({ id: `k${i}`, navn: `K${i}`, share, lokal: false }));
    const { errors } = resolveFunders(lup(), undefined, plan);
    expect(errors.map((e) => e.message)).toEqual([`finansieringskildernes andele summerer til ${text}, ikke præcis 1`]);
  });
});
