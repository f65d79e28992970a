/** Parameters changed in memory: validated like a rule file, applied per version, nothing mutated. */
import { describe, expect, it } from 'vitest';
import { bundledRegistry, deriveRegistry, loadRegistry, parameterTargets, parameterValueFromText, parseParameterSetting, screenAfdeling } from '../../src/index.js';
import { TEST_DOMAINS } from '../support/test-domain.js';

const shipped = bundledRegistry();

describe('deriveRegistry', () => {
  it('changes the value in every version that has the parameter, and only those', () => {
    const r = deriveRegistry(shipped, [{ ruleSet: 'classification', parameter: 'maxIkkeVestligePct', value: '45' }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    for (const rs of r.value.versions('classification')) expect(rs.parameters.maxIkkeVestligePct?.value).toBe('45');
    for (const rs of shipped.versions('classification')) expect(rs.parameters.maxIkkeVestligePct?.value).toBe('50');
    // a rule set without changes is the very same compiled object
    expect(r.value.inForce('screening', '2024-12-01')).toBe(shipped.inForce('screening', '2024-12-01'));
  });

  it('changes one version with <id>@<version>', () => {
    const r = deriveRegistry(shipped, [{ ruleSet: 'classification', version: '2021-11-30', parameter: 'minBeboere', value: 900 }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.inForce('classification', '2022-12-01').parameters.minBeboere?.value).toBe(900);
    expect(r.value.inForce('classification', '2019-12-01')).toBe(shipped.inForce('classification', '2019-12-01'));
  });

  it('decides with the new value: an afdeling at 12 % moves flags when the threshold is 10', () => {
    const afdeling = {
      id: 'x', navn: 'X', boligorganisation: 'fsb', kommune: 'København', lejemaal: 100, boligarealM2: '7000', beboere: 200,
      perioder: [{ periode: '2024-12-01', fraflytninger: 12 }],
    };
    const r = deriveRegistry(shipped, [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: '10' }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const flag = (rules: typeof shipped) => screenAfdeling(afdeling, { asOf: '2024-12-01', rules }).indikatorer.find((i) => i.id === 'hoej-flyttefrekvens')?.outcome;
    expect(flag(shipped)).toBe(false);
    expect(flag(r.value)).toBe(true);
  });

  it('rejects an unknown rule set, version or parameter with a did-you-mean', () => {
    const r = deriveRegistry(shipped, [
      { ruleSet: 'screenign', parameter: 'maxFlyttefrekvensPct', value: '10' },
      { ruleSet: 'classification', version: '2021-12-01', parameter: 'minBeboere', value: 900 },
      { ruleSet: 'screening', parameter: 'maxFlytefrekvensPct', value: '10' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((d) => [d.code, d.hint])).toEqual([
      ['unknown-rule-set', 'Mente du "screening"?'],
      ['unknown-rule-set', 'Versionerne er: 2010-10-26, 2013-12-01, 2018-12-01, 2021-11-30 (datoen i filens navn).'],
      ['unknown-parameter', 'Mente du "maxFlyttefrekvensPct"?'],
    ]);
  });

  it('rejects a value of another type than the parameter\'s, located at the parameter in its file', () => {
    const r = deriveRegistry(shipped, [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: 10 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'value-type', pointer: '/parameters/maxFlyttefrekvensPct/value' });
    expect(r.errors[0]?.file).toMatch(/rules\/screening\/2017-06-01\.json$/);
    expect(r.errors[0]?.line).toBeGreaterThan(1);
  });

  it('re-validates the changed document as the loader does: a count in "mindst k af n" must be a whole number', () => {
    const r = deriveRegistry(shipped, [{ ruleSet: 'screening', parameter: 'minIndikatorerHelhedsplan', value: 2.5 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.message).toContain('skal være et helt tal for at kunne bruges i "atLeast"');
    expect(r.errors[0]?.file).toMatch(/rules\/screening\/2017-06-01\.json$/);
  });

  it('checks a stated unit against the parameter\'s', () => {
    const ok = deriveRegistry(shipped, [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: '10', unit: '%' }]);
    expect(ok.ok).toBe(true);
    const bad = deriveRegistry(shipped, [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: '10', unit: 'personer' }]);
    expect(bad.ok).toBe(false);
  });
});

describe('parameter settings as text', () => {
  it('reads <id>[@<version>].<parameter>=<value> [unit]', () => {
    expect(parseParameterSetting('screening.maxFlyttefrekvensPct=12,5 pct.')).toEqual({ ok: true, value: { ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', text: '12,5', unit: 'pct.' } });
    expect(parseParameterSetting('classification@2021-11-30.minBeboere=900')).toEqual({ ok: true, value: { ruleSet: 'classification', version: '2021-11-30', parameter: 'minBeboere', text: '900' } });
    expect(parseParameterSetting('screening.maxFlyttefrekvensPct=12.5')).toMatchObject({ ok: true, value: { text: '12.5' } });
    expect(parseParameterSetting('screening.maxFlyttefrekvensPct').ok).toBe(false);
    expect(parseParameterSetting('Screening.x=1').ok).toBe(false);
  });

  it('reads the value as the type of the current one', () => {
    expect(parameterValueFromText('12,5', '15')).toBe('12.5');
    expect(parameterValueFromText('900', 1000)).toBe(900);
    expect(parameterValueFromText('ja', false)).toBe(true);
    expect(parameterValueFromText('København, Frederiksberg', ['København'])).toEqual(['København', 'Frederiksberg']);
    expect(parameterValueFromText('mange', 1000)).toBe('mange');
  });

  it('finds the versions a reference names', () => {
    const t = parameterTargets(shipped, { ruleSet: 'classification', parameter: 'forebyggelseMinKriterier' });
    expect(t.ok && t.value.map((rs) => rs.info.version)).toEqual(['2021-11-30']);
  });

  it('derives through the loader with the domains of the registry being derived', () => {
    const loaded = loadRegistry('fixtures/engine/rules', { domains: TEST_DOMAINS });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const change = { ruleSet: 'demo', parameter: 'minBeboere', value: 900 };
    const derived = deriveRegistry(loaded.value, [change], { domains: TEST_DOMAINS });
    expect(derived.ok && derived.value.versions('demo')[0]?.parameters['minBeboere']?.value).toBe(900);
    // with only the shipped domains the changed file's domain "test" is unknown, as it would be for the file itself
    const shippedOnly = deriveRegistry(loaded.value, [change]);
    expect(shippedOnly.ok).toBe(false);
    expect(!shippedOnly.ok && shippedOnly.errors.map((d) => d.code)).toEqual(['unknown-domain']);
  });
});
