/**
 * The financing domain's declaration, built when its module loads, seen through a
 * declaration and a loader loaded afresh in each test (`vi.resetModules`), so that a change
 * to it made before the test runs is seen by the test: every shipped financing file loads
 * under it; the affordability rule set must have its rule `for-hoej-udgift`, whose event
 * takes no params, and a scheme need not; `minLokalAndel` is optional, a decimal, in the
 * unit the domain reads it in, and read back as the file's decimal string; its Danish title
 * and descriptions are what the committed rule-file schema shows an editor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const FILES = readdirSync('rules/financing').flatMap((dir) => readdirSync(join('rules/financing', dir)).map((f) => join('rules/financing', dir, f)));
const AFFORDABILITY = 'rules/financing/affordability/2017-06-01.json';
const HELHEDSPLAN = 'rules/financing/helhedsplan-lbf-2019-2026/2019-01-01.json';

type Json = Record<string, any>;

/** The financing declaration and the loader, loaded afresh; `load` loads a file's JSON under the declaration alone. */
async function fresh() {
  vi.resetModules();
  const { financingRules, AFFORDABILITY_RULE_SET, FOR_HOEJ_UDGIFT_RULE } = await import('../../src/financing/rule-domain.js');
  const { loadRuleSetText } = await import('../../src/rules/loader.js');
  const load = (json: Json, file: string) => loadRuleSetText(JSON.stringify(json, null, 2), file, { domains: [financingRules] });
  return { financingRules, AFFORDABILITY_RULE_SET, FOR_HOEJ_UDGIFT_RULE, load };
}

const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** The messages of a refused load, or [] if it loaded. */
function messages(result: { ok: boolean; errors?: readonly { message: string; path?: string }[] }): string[] {
  return result.ok ? [] : (result.errors ?? []).map((e) => e.message);
}

describe('the financing declaration, loaded afresh', () => {
  it.each(FILES)('%s loads under it', async (file) => {
    const { load } = await fresh();
    const result = load(read(file), file);
    expect(messages(result)).toEqual([]);
  });

  it('names the affordability rule set and its rule as the files do', async () => {
    const { AFFORDABILITY_RULE_SET, FOR_HOEJ_UDGIFT_RULE } = await fresh();
    const json = read(AFFORDABILITY);
    expect(AFFORDABILITY_RULE_SET).toBe(json['id']);
    expect(json['rules'].map((r: Json) => r['id'])).toContain(FOR_HOEJ_UDGIFT_RULE);
  });

  it('the affordability rule set without for-hoej-udgift is refused, naming the rule', async () => {
    const { load } = await fresh();
    const json = read(AFFORDABILITY);
    json['rules'] = json['rules'].map((r: Json) => (r['id'] === 'for-hoej-udgift' ? { ...r, id: 'en-anden-regel' } : r));
    expect(messages(load(json, AFFORDABILITY)).join('\n')).toContain('for-hoej-udgift');
  });

  it('a scheme need not have for-hoej-udgift', async () => {
    const { load } = await fresh();
    const json = read(HELHEDSPLAN);
    expect(json['rules'] ?? []).not.toContainEqual(expect.objectContaining({ id: 'for-hoej-udgift' }));
    expect(load(json, HELHEDSPLAN).ok).toBe(true);
  });

  it('the for-hoej-udgift event takes no params', async () => {
    const { load } = await fresh();
    const json = read(AFFORDABILITY);
    json['rules'] = json['rules'].map((r: Json) => (r['id'] === 'for-hoej-udgift' ? { ...r, event: { ...r['event'], params: { x: 1 } } } : r));
    expect(load(json, AFFORDABILITY).ok).toBe(false);
  });

  it('minLokalAndel may be left out', async () => {
    const { load, financingRules } = await fresh();
    const json = read(HELHEDSPLAN);
    delete json['parameters']['minLokalAndel'];
    const result = load(json, HELHEDSPLAN);
    expect(messages(result)).toEqual([]);
    if (result.ok) expect(financingRules.parameter(result.value, 'minLokalAndel')).toBeUndefined();
  });

  it('minLokalAndel is read back as the decimal string the file gives', async () => {
    const { load, financingRules } = await fresh();
    const json = read(HELHEDSPLAN);
    const result = load(json, HELHEDSPLAN);
    if (!result.ok) throw new Error(messages(result).join('\n'));
    expect(financingRules.parameter(result.value, 'minLokalAndel')).toBe(json['parameters']['minLokalAndel']['value']);
  });

  it.each(['0,25', 'en fjerdedel', '1/4'])('minLokalAndel %j is not a decimal: refused', async (value) => {
    const { load } = await fresh();
    const json = read(HELHEDSPLAN);
    json['parameters']['minLokalAndel']['value'] = value;
    expect(load(json, HELHEDSPLAN).ok).toBe(false);
  });

  it('minLokalAndel in another unit is refused, naming the unit the domain reads', async () => {
    const { load } = await fresh();
    const json = read(HELHEDSPLAN);
    json['parameters']['minLokalAndel']['unit'] = 'pct.';
    expect(messages(load(json, HELHEDSPLAN)).join('\n')).toContain('andel af den samlede ramme');
  });

  it('a file of another domain is not a financing file', async () => {
    const { load, financingRules } = await fresh();
    expect(financingRules.name).toBe(read(HELHEDSPLAN)['domain']);
    const json = { ...read(HELHEDSPLAN), domain: 'screening' };
    expect(load(json, HELHEDSPLAN).ok).toBe(false);
  });

  it('its title and descriptions are what the committed rule-file schema shows', async () => {
    vi.resetModules();
    const { JSON_SCHEMAS } = await import('../../src/cli/schemas.js');
    const schema = JSON_SCHEMAS['rule-set'];
    expect(readFileSync(schema.file, 'utf8')).toBe(schema.text());
  });
});
