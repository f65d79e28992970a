/**
 * The classification domain's declaration, built when its module loads, seen through a
 * declaration and a loader loaded afresh in each test (`vi.resetModules`), so that a change
 * to it made before the test runs is seen by the test: every shipped classification file
 * loads under it; an event's params are a known kategori and a name, nothing else;
 * `minAarIRaekke` is an optional whole number of at least 1 in "lister i træk", required
 * only with the omdannelse category; `forebyggelseUdelukkerUdsatte` an optional yes/no; and
 * its Danish title and descriptions are what the committed rule-file schema shows an editor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const DIRS = ['rules/classification', 'rules/classification-infrastruktur'];
const FILES = DIRS.flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)));
const LATEST = 'rules/classification/2021-11-30.json';
const FIRST = 'rules/classification/2010-10-26.json';

type Json = Record<string, any>;

/** The classification declaration and the loader, loaded afresh; `load` loads a file's JSON under the declaration alone. */
async function fresh() {
  vi.resetModules();
  const { classificationRules } = await import('../../src/classification/rule-domain.js');
  const { loadRuleSetText } = await import('../../src/rules/loader.js');
  const load = (json: Json, file: string) => loadRuleSetText(JSON.stringify(json, null, 2), file, { domains: [classificationRules] });
  return { classificationRules, load };
}

const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** The messages of a refused load, or [] if it loaded. */
function messages(result: { ok: boolean; errors?: readonly { message: string }[] }): string[] {
  return result.ok ? [] : (result.errors ?? []).map((e) => e.message);
}

/** `file`'s JSON with `change` applied to its first rule's event params. */
function withParams(file: string, change: (params: Json) => Json): Json {
  const json = read(file);
  json['rules'][0]['event']['params'] = change(json['rules'][0]['event']['params']);
  return json;
}

describe('the classification declaration, loaded afresh', () => {
  it.each(FILES)('%s loads under it', async (file) => {
    const { load } = await fresh();
    expect(messages(load(read(file), file))).toEqual([]);
  });

  it('a file of another domain is not a classification file', async () => {
    const { load, classificationRules } = await fresh();
    expect(classificationRules.name).toBe(read(LATEST)['domain']);
    expect(load({ ...read(LATEST), domain: 'screening' }, LATEST).ok).toBe(false);
  });

  it.each([
    ['an unknown kategori', (p: Json) => ({ ...p, kategori: 'ghetto' })],
    ['an empty navn', (p: Json) => ({ ...p, navn: '' })],
    ['no navn', (p: Json) => ({ kategori: p['kategori'] })],
    ['a key more', (p: Json) => ({ ...p, note: 'x' })],
  ])('event params with %s are refused', async (_, change) => {
    const { load } = await fresh();
    expect(load(withParams(LATEST, change), LATEST).ok).toBe(false);
  });

  it('the params of a rule are read back as the file gives them', async () => {
    const { load, classificationRules } = await fresh();
    const json = read(LATEST);
    const result = load(json, LATEST);
    if (!result.ok) throw new Error(messages(result).join('\n'));
    const rule = result.value.rules[0];
    if (rule === undefined) throw new Error('no rule');
    expect(classificationRules.otherEventParams(result.value, rule)).toEqual(json['rules'][0]['event']['params']);
  });

  it.each([
    [0, false],
    [1, true],
    [2.5, false],
    ['5', false],
  ])('minAarIRaekke %j: loads %s', async (value, ok) => {
    const { load } = await fresh();
    const json = read(LATEST);
    json['parameters']['minAarIRaekke']['value'] = value;
    expect(load(json, LATEST).ok).toBe(ok);
  });

  it('minAarIRaekke in another unit is refused, naming the unit the domain reads', async () => {
    const { load } = await fresh();
    const json = read(LATEST);
    json['parameters']['minAarIRaekke']['unit'] = 'år';
    expect(messages(load(json, LATEST)).join('\n')).toContain('lister i træk');
  });

  it('minAarIRaekke is required with the omdannelse category only', async () => {
    const { load } = await fresh();
    const latest = read(LATEST);
    delete latest['parameters']['minAarIRaekke'];
    expect(messages(load(latest, LATEST)).join('\n')).toContain('minAarIRaekke');
    expect(Object.keys(read(FIRST)['parameters'])).not.toContain('minAarIRaekke');
    expect(load(read(FIRST), FIRST).ok).toBe(true);
  });

  it('a kategori twice is refused at the second, naming the first', async () => {
    const { load } = await fresh();
    const json = read(LATEST);
    json['rules'][2]['event']['params']['kategori'] = json['rules'][0]['event']['params']['kategori'];
    const result = load(json, LATEST);
    expect(result.ok ? [] : result.errors.map((e) => ({ code: e.code, pointer: e.pointer, message: e.message }))).toEqual([
      { code: 'event-params', pointer: '/rules/2/event/params/kategori', message: 'kategorien "udsat" er også regel nr. 1' },
    ]);
  });

  it('omdannelse without minAarIRaekke: the message, the hint and where', async () => {
    const { load } = await fresh();
    const json = read(LATEST);
    delete json['parameters']['minAarIRaekke'];
    const withOthers = load(json, LATEST);
    // beside it, the rule's condition names the parameter that is gone (a loader error of its own)
    expect(withOthers.ok ? [] : withOthers.errors.filter((e) => e.code === 'missing-parameter').map((e) => ({ code: e.code, pointer: e.pointer, message: e.message, hint: e.hint }))).toEqual([
      {
        code: 'missing-parameter',
        pointer: '/parameters',
        message: 'kategorien "omdannelse" kræver parameteren "minAarIRaekke" (lister i træk som parallelsamfund)',
        hint: 'Tilføj under "parameters": "minAarIRaekke": { "value": 5, "unit": "lister i træk", "description": "…" }.',
      },
    ]);
    // no parameters at all: the file itself is where it is missing (its conditions name none)
    const bare: Json = { ...read(LATEST), parameters: undefined, conditions: undefined };
    bare['rules'] = [{ id: 'omdannelse', title: 'Omdannelse', conditions: { all: [{ fact: 'beboere', operator: 'greaterThanInclusive', value: 1000 }] }, event: { type: 'omdannelsesomraade', params: { kategori: 'omdannelse', navn: 'omdannelsesområde' } } }];
    const none = load(JSON.parse(JSON.stringify(bare)) as Json, LATEST);
    expect(none.ok ? [] : none.errors.filter((e) => e.code === 'missing-parameter').map((e) => e.pointer)).toEqual(['']);
  });

  it('forebyggelseUdelukkerUdsatte is a yes/no, optional, read back as written', async () => {
    const { load, classificationRules } = await fresh();
    const json = read(LATEST);
    const result = load(json, LATEST);
    if (!result.ok) throw new Error(messages(result).join('\n'));
    expect(classificationRules.parameter(result.value, 'forebyggelseUdelukkerUdsatte')).toBe(json['parameters']['forebyggelseUdelukkerUdsatte']['value']);
    json['parameters']['forebyggelseUdelukkerUdsatte']['value'] = 'nej';
    expect(load(json, LATEST).ok).toBe(false);
    json['parameters']['forebyggelseUdelukkerUdsatte'] = { ...json['parameters']['forebyggelseUdelukkerUdsatte'], value: true, unit: 'bool' };
    expect(messages(load(json, LATEST)).join('\n')).toContain('ja/nej');
    delete json['parameters']['forebyggelseUdelukkerUdsatte'];
    const without = load(json, LATEST);
    expect(messages(without)).toEqual([]);
    if (without.ok) expect(classificationRules.parameter(without.value, 'forebyggelseUdelukkerUdsatte')).toBeUndefined();
  });

  it('its title and descriptions are what the committed rule-file schema shows', async () => {
    vi.resetModules();
    const { JSON_SCHEMAS } = await import('../../src/cli/schemas.js');
    const schema = JSON_SCHEMAS['rule-set'];
    expect(readFileSync(schema.file, 'utf8')).toBe(schema.text());
  });
});
