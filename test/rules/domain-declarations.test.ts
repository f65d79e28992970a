/**
 * What each domain declares to the loader: the loader checks files against it, the
 * domains read what it validated, and a declaration of one's own can be given next to
 * the shipped ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kategoriRegler } from '../../src/classification/rule-meta.js';
import { lifecycleRules } from '../../src/lifecycle/rule-domain.js';
import { createRegistry } from '../../src/rules/registry.js';
import { defineRuleDomain } from '../../src/rules/rule-domain.js';
import { screeningMeta } from '../../src/screening/rule-meta.js';
import { screeningRules } from '../../src/screening/rule-domain.js';
import { loadRegistry, loadRuleSetText, SHIPPED_DOMAINS } from '../../src/shipped.js';
import { fixtureIndsatser } from '../lifecycle/helpers.js';
import { assessIndsats } from '../../src/lifecycle/index.js';

const shipped = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { rules: { id: string; event: { type: string; params?: Record<string, unknown> } }[] };

function load(json: unknown, file: string, domains = SHIPPED_DOMAINS) {
  const r = loadRuleSetText(JSON.stringify(json, null, 2), file, { domains });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('the domains read what the loader validated', () => {
  it('lifecycle: a start parameter is a requirement or a warning as the file says, not as the code once hard-coded', () => {
    const file = shipped('rules/lifecycle/2017-06-01.json');
    const rule = file.rules.find((r) => r.id === 'start-praekvalifikation');
    if (rule?.event.params === undefined) throw new Error('the shipped lifecycle rules changed');
    expect(rule.event.params['alvor']).toBe('krav');
    rule.event.params['alvor'] = 'advarsel';
    const registry = createRegistry([load(file, '2017-06-01.json')]);
    if (!registry.ok) throw new Error('registry');
    const indsats = fixtureIndsatser()[0];
    if (indsats === undefined) throw new Error('no fixture indsats');
    const a = assessIndsats(indsats, { asOf: '2025-06-01', rules: registry.value });
    expect(a.start.find((s) => s.condition === 'praekvalifikation')?.alvor).toBe('advarsel');
    expect(a.start.find((s) => s.condition === 'ja-fra-alle-afdelinger')?.alvor).toBe('krav');
  });

  it('classification: a category is named as the file names it', () => {
    const file = shipped('rules/classification/2018-12-01.json');
    const rule = file.rules.find((r) => r.event.params?.['kategori'] === 'omdannelse');
    if (rule?.event.params === undefined) throw new Error('the shipped classification rules changed');
    rule.event.params['navn'] = 'omdannelsesområde (prøve)';
    expect(kategoriRegler(load(file, '2018-12-01.json')).find((k) => k.kategori === 'omdannelse')?.navn).toBe('omdannelsesområde (prøve)');
  });

  it('screening: the declaration is what screeningMeta reads; a rule set loaded under another declaration is refused', () => {
    const file = shipped('rules/screening/2017-06-01.json');
    const rs = load(file, '2017-06-01.json');
    expect(screeningMeta(rs).indikatorer.map((i) => i.id)).toContain('hoej-husleje');
    const lookalike = defineRuleDomain({ name: 'screening', title: 'Efterligning', facts: [...screeningRules.facts.values()], events: {}, otherEvents: { description: 'alt', params: z.unknown() }, parameters: {} });
    const other = load(file, '2017-06-01.json', [lookalike]);
    expect(() => screeningMeta(other)).toThrow(/not loaded under this declaration of the screening domain/);
  });

  it('a required rule the declaration does not list is a programming error, not a silent undefined', () => {
    const rs = load(shipped('rules/lifecycle/2017-06-01.json'), '2017-06-01.json');
    expect(lifecycleRules.requiredEventParams(rs, 'stop-maal-naaet', 'stopparameter').nr).toBe(2);
    expect(() => lifecycleRules.requiredEventParams(rs, 'stop-maal-naaet', 'startparameter')).toThrow(/no rule stop-maal-naaet with an event of type startparameter/);
  });
});

describe('what only a domain\'s own check can say', () => {
  const codes = (json: unknown, file: string) => {
    const r = loadRuleSetText(JSON.stringify(json, null, 2), file);
    return r.ok ? [] : r.errors.map((e) => [e.code, e.pointer]);
  };

  it('classification: one rule per category', () => {
    const file = shipped('rules/classification/2021-11-30.json');
    const second = file.rules.findIndex((r) => r.event.params?.['kategori'] === 'parallelsamfund');
    const params = file.rules[second]?.event.params;
    if (params === undefined) throw new Error('the shipped classification rules changed');
    params['kategori'] = 'udsat';
    expect(codes(file, '2021-11-30.json')).toEqual([['event-params', `/rules/${second}/event/params/kategori`]]);
  });

  it('classification: the omdannelse category needs minAarIRaekke, which the conditions need not name', () => {
    const file = shipped('rules/classification/2013-12-01.json');
    const rule = file.rules[0];
    if (rule?.event.params === undefined) throw new Error('the shipped classification rules changed');
    rule.event.params['kategori'] = 'omdannelse';
    expect(codes(file, '2013-12-01.json')).toEqual([['missing-parameter', '/parameters']]);
  });

  it('screening: each indicator id once', () => {
    const file = shipped('rules/screening/2017-06-01.json');
    const params = file.rules[1]?.event.params;
    if (params === undefined) throw new Error('the shipped screening rules changed');
    params['indikator'] = file.rules[0]?.event.params?.['indikator'];
    expect(codes(file, '2017-06-01.json')).toEqual([['event-params', '/rules/1/event/params/indikator']]);
  });

  it('lifecycle: each stop parameter number once', () => {
    const file = shipped('rules/lifecycle/2017-06-01.json');
    const stops = file.rules.flatMap((r, i) => (r.event.type === 'stopparameter' ? [i] : []));
    const [first, second] = stops;
    const params = second === undefined ? undefined : file.rules[second]?.event.params;
    if (first === undefined || params === undefined) throw new Error('the shipped lifecycle rules changed');
    params['nr'] = file.rules[first]?.event.params?.['nr'];
    expect(codes(file, '2017-06-01.json')).toEqual([['event-params', `/rules/${second}/event/params/nr`]]);
  });

  it('only financing files have a financing section', () => {
    const file = shipped('rules/lifecycle/2017-06-01.json');
    file['financing'] = { indsatsKinds: ['helhedsplan'], maxDurationMonths: 48, funders: [] };
    expect(codes(file, '2017-06-01.json')).toEqual([['schema', '/financing']]);
  });
});

describe('a domain of one\'s own', () => {
  const tilskud = defineRuleDomain({
    name: 'tilskud',
    title: 'Tilskud til beboeraktiviteter',
    facts: [{ name: 'deltagere', type: 'number', unit: 'personer', description: 'Antal deltagere' }],
    events: { tilskud: { description: 'Aktiviteten får tilskud', params: z.object({ beloeb: z.string().regex(/^\d+$/) }).strict() } },
    parameters: { minDeltagere: { type: 'integer', unit: 'personer', description: 'Mindst så mange deltagere', required: true, min: 1 } },
  });
  const file = (beloeb: unknown) => ({
    id: 'tilskud',
    domain: 'tilskud',
    title: 'Tilskud',
    effective: { from: '2024-01-01' },
    source: { reference: 'Test' },
    parameters: { minDeltagere: { value: 10, unit: 'personer', description: 'Mindst 10' } },
    rules: [{ id: 'tilskud', title: 'Tilskud', conditions: { fact: 'deltagere', operator: 'greaterThanInclusive', value: { parameter: 'minDeltagere' } }, event: { type: 'tilskud', params: { beloeb } } }],
  });

  it('loads next to the shipped domains, and its params and parameters come back typed', () => {
    const rs = load(file('5000'), '2024-01-01.json', [...SHIPPED_DOMAINS, tilskud]);
    const rule = rs.rules[0];
    if (rule === undefined) throw new Error('no rule');
    expect(tilskud.eventParams(rs, rule, 'tilskud')?.beloeb).toBe('5000');
    expect(tilskud.parameter(rs, 'minDeltagere')).toBe(10);
    expect(rs.info.domain).toBe('tilskud');
  });

  it('is checked like the shipped ones: a bad param is located, and without the declaration the domain is unknown', () => {
    const bad = loadRuleSetText(JSON.stringify(file(5000), null, 2), '2024-01-01.json', { domains: [...SHIPPED_DOMAINS, tilskud] });
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.pointer])).toEqual([['event-params', '/rules/0/event/params/beloeb']]);
    const unknown = loadRuleSetText(JSON.stringify(file('5000'), null, 2), '2024-01-01.json');
    expect(unknown.ok ? [] : unknown.errors.map((e) => [e.code, e.hint])).toEqual([['unknown-domain', 'Brug en af: "classification", "screening", "lifecycle", "financing", "benchmark".']]);
  });
});

describe('the test domain is not shipped', () => {
  it('the engine fixtures do not load with the shipped domains alone', () => {
    const r = loadRegistry('fixtures/engine/rules');
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['unknown-domain']);
  });

  it('the shipped domains are the four questions of the design, and the benchmark thresholds', () => {
    expect(SHIPPED_DOMAINS.map((d) => d.name)).toEqual(['classification', 'screening', 'lifecycle', 'financing', 'benchmark']);
  });
});
