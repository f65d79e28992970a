/** The shipped financing schemes and the affordability rule file. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/decimal.js';
import { bundledRegistry } from '../../src/shipped.js';
import { loadRuleSetText } from '../../src/shipped.js';
import { listRuleFiles } from '../../src/rules/registry.js';
import { runScenarioFile } from '../../src/scenarios/index.js';

const rules = bundledRegistry();
const scheme = (id: string, asOf: string) => rules.inForce(id, asOf);

describe('financing schemes', () => {
  it('helhedsplan, LBF 2015–18: 75 / 12,5 / 12,5 for 48 months, in force 2015–2018 only', () => {
    const rs = scheme('financing-helhedsplan-lbf-2015-2018', '2016-06-01');
    expect(rs.info.domain).toBe('financing');
    expect(rs.financing?.funders.map((f) => [f.id, f.share, f.lokal, f.afdelinger])).toEqual([
      ['lbf', '0.75', false, false],
      ['koebenhavns-kommune', '0.125', true, false],
      ['boligorganisation-afdelinger', '0.125', true, true],
    ]);
    expect(rs.financing?.maxDurationMonths).toBe(48);
    expect(rs.financing?.indsatsKinds).toEqual(['helhedsplan']);
    expect(() => scheme('financing-helhedsplan-lbf-2015-2018', '2019-01-01')).toThrow(expect.objectContaining({ code: 'no-rules-in-force' }));
  });

  it("KK's internal split 10,6 % + 1,9 % is its 12,5 %, marked unconfirmed", () => {
    for (const id of ['financing-helhedsplan-lbf-2015-2018', 'financing-helhedsplan-lbf-2019-2026']) {
      const rs = rules.versions(id)[0];
      const a = rs?.parameters['kkFrikoebIndsatserAndel'];
      const b = rs?.parameters['kkFaciliteringAndel'];
      const kk = rs?.financing?.funders.find((f) => f.id === 'koebenhavns-kommune');
      expect(new Decimal(String(a?.value)).plus(String(b?.value)).eq(kk?.share ?? '0')).toBe(true);
      expect(a?.status).toBe('ubekræftet');
      expect(kk?.description).toContain('10,6 pct.');
    }
  });

  it('helhedsplan, LBF 2019–26: at least 25 % local, the Copenhagen split marked UBEKRÆFTET', () => {
    const rs = scheme('financing-helhedsplan-lbf-2019-2026', '2024-03-01');
    expect(rs.parameters['minLokalAndel']?.value).toBe('0.25');
    expect(rs.info.effective).toEqual({ from: '2019-01-01', to: '2026-12-31' });
    expect(rs.notes.some((n) => n.startsWith('UBEKRÆFTET: fordelingen 75/12,5/12,5'))).toBe(true);
    expect(rs.notes.some((n) => n.startsWith('UBEKRÆFTET: LBF\'s maksimale varighed'))).toBe(true);
  });

  it('lokalt udviklingsprojekt names funders per project; ejendomsfunktionær is 100 % afdelingerne', () => {
    expect(scheme('financing-lokalt-udviklingsprojekt', '2024-01-01').financing?.funders).toEqual([]);
    const ef = scheme('financing-boligsocial-ejendomsfunktionaer', '2024-01-01');
    expect(ef.financing?.funders.map((f) => [f.share, f.afdelinger])).toEqual([['1', true]]);
    for (const id of ['financing-lokalt-udviklingsprojekt', 'financing-boligsocial-ejendomsfunktionaer']) {
      expect(scheme(id, '2024-01-01').notes.some((n) => n.startsWith('UBEKRÆFTET') && n.includes('maxDurationMonths 48'))).toBe(true);
    }
  });

  it('every scheme file has a source and funder shares summing to exactly 1 (or none)', () => {
    for (const id of rules.ids().filter((i) => i.startsWith('financing-'))) {
      for (const rs of rules.versions(id)) {
        expect(rs.sources.length).toBeGreaterThan(0);
        const funders = rs.financing?.funders ?? [];
        if (funders.length > 0) expect(funders.reduce((s, f) => s.plus(f.share), new Decimal(0)).eq(1)).toBe(true);
      }
    }
  });

  it('the loader rejects a scheme whose shares do not sum to 1', () => {
    const text = JSON.stringify({
      id: 'financing-test',
      domain: 'financing',
      title: 'Test',
      effective: { from: '2020-01-01' },
      source: { reference: 'test' },
      rules: [],
      financing: { indsatsKinds: ['helhedsplan'], maxDurationMonths: 48, funders: [{ id: 'lbf', navn: 'LBF', share: '0.75', lokal: false }, { id: 'kk', navn: 'KK', share: '0.2', lokal: true }] },
    });
    const r = loadRuleSetText(text, '/tmp/financing-test/2020-01-01.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toContain('share-sum');
  });
});

describe('affordability rule', () => {
  it('is fsb policy: 2.000 kr. pr. lejemål pr. år or 3 % of the rent, strictly over', () => {
    const rs = scheme('financing-affordability', '2024-03-01');
    expect(rs.parameters['maksUdgiftPrLejemaalPrAar']).toMatchObject({ value: '2000', status: 'fsb-politik' });
    expect(rs.parameters['maksUdgiftPctAfHusleje']).toMatchObject({ value: '3', status: 'fsb-politik' });
  });

  it.each(listRuleFiles('fixtures/scenarios/financing'))('scenario %s', (file) => {
    const result = runScenarioFile(file, { registry: bundledRegistry });
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
  });
});
