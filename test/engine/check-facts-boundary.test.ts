/**
 * The boundary check of facts (src/engine/check-facts.ts) for every fact type of the
 * catalogue: which values each type accepts and refuses, the exact diagnostics of a
 * refused one (code, severity, field, Danish message and hint) and the English message,
 * and the walk of lists and objects (nested scalars, shared parts, the depth limit).
 */
import { describe, expect, it, vi } from 'vitest';
import { createExplainer, decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/domain/fact-types.js';
import { Ratio } from '../../src/domain/ratio.js';
import type { CompiledRuleSet, FactExplanation } from '../../src/engine/types.js';
import { loadTestRuleSetText } from '../support/test-domain.js';

/** A rule file of the `test` domain reading one fact of each type. */
const RULE_FILE = JSON.stringify({
  id: 'typer',
  domain: 'test',
  title: 'Hver faktatype',
  effective: { from: '2020-01-01' },
  source: { reference: 't' },
  rules: [
    {
      id: 'r',
      title: 'R',
      conditions: {
        any: [
          { fact: 'beboere', operator: 'greaterThan', value: 10 },
          { fact: 'ledighedPct', operator: 'decimalGreaterThan', value: '40' },
          { fact: 'kommune', operator: 'equal', value: 'Aarhus' },
          { fact: 'aktiv', operator: 'equal', value: true },
          { fact: 'dato', operator: 'equal', value: '2024-01-01' },
          { fact: 'maerker', operator: 'contains', value: 'a' },
          { fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: 10 },
        ],
      },
      event: { type: 'r' },
    },
  ],
});

type Load = (text: string, file: string) => { ok: true; value: CompiledRuleSet } | { ok: false };

function compiled(load: Load = loadTestRuleSetText): CompiledRuleSet {
  const loaded = load(RULE_FILE, '2020-01-01.json');
  if (!loaded.ok) throw new Error('the rule file does not load');
  return loaded.value;
}

interface Thrown {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly diagnostics: readonly Record<string, unknown>[];
}

/** The error `run` throws (by shape, not class: a test below loads the engine afresh). */
function rejection(run: () => unknown): Thrown {
  try {
    run();
  } catch (error) {
    if (error instanceof Error && error.name === 'BoligsocialError') return error as unknown as Thrown;
    throw new Error(`threw ${String(error)}, not a BoligsocialError`);
  }
  throw new Error('did not throw');
}

/** Facts every rule of {@link RULE_FILE} accepts. */
const valid: Facts = { beboere: 5, ledighedPct: '12.5', kommune: 'Odense', aktiv: false, dato: '2023-12-31', maerker: ['b'], afdeling: { tal: { beboere: 5 } } };

/** For each type: a wrong value, its JSON, and the Danish name and hint of the type (the user-facing text). */
const mistyped: readonly [fact: string, type: string, value: unknown, json: string, da: string, hint: string][] = [
  ['beboere', 'number', '1200', '"1200"', 'et endeligt tal', 'Skriv et tal uden anførselstegn, fx 1200.'],
  ['ledighedPct', 'decimal', true, 'true', 'et decimaltal (en tekst som "40.5" eller et endeligt tal)', 'Skriv decimaltallet som tekst med punktum som decimaltegn og uden tusindtalsskilletegn, fx "40.5".'],
  ['aktiv', 'boolean', 'ja', '"ja"', 'true eller false', 'Skriv true eller false uden anførselstegn.'],
  ['kommune', 'string', 5, '5', 'en tekst', 'Skriv værdien som tekst i anførselstegn.'],
  ['dato', 'date', '2024-1-1', '"2024-1-1"', 'en dato skrevet "ÅÅÅÅ-MM-DD"', 'Skriv datoen som "ÅÅÅÅ-MM-DD", fx "2024-12-01".'],
  ['maerker', 'string[]', ['a', 5], '["a",5]', 'en liste af tekster', 'Skriv en liste af tekster, fx ["a", "b"].'],
  ['afdeling', 'object', 'x', '"x"', 'et objekt', 'Skriv et objekt, fx { "tal": { "beboere": 1200 } }.'],
];

describe('the type tables of the diagnostics (the engine loaded inside each test)', () => {
  // The tables are module constants: loading the engine inside the test (not at import)
  // makes the mutation run attribute them to this test, so a changed text is caught.
  async function freshLoad(): Promise<{ load: Load; decide: typeof decideRuleSet }> {
    vi.resetModules();
    const [domain, evaluate] = await Promise.all([import('../support/test-domain.js'), import('../../src/engine/evaluate.js')]);
    return { load: domain.loadTestRuleSetText, decide: evaluate.decideRuleSet };
  }

  it.each(mistyped)('a %s (%s) given a wrong value is fact-type with its Danish type and hint', async (fact, type, value, json, da, hint) => {
    const { load, decide } = await freshLoad();
    const e = rejection(() => decide(compiled(load), { ...valid, [fact]: value } as Facts));
    expect(e.code).toBe('fact-type');
    expect(e.message).toBe(`fact ${fact} has value ${json}, which is not ${type}`);
    expect(e.diagnostics).toEqual([{ code: 'fact-type', severity: 'error', field: fact, message: `faktaen "${fact}" har værdien ${json}, som ikke er ${da}`, hint }]);
  });

  it('a cyclic object is input-invalid: "henviser til sig selv"', async () => {
    const { load, decide } = await freshLoad();
    const cyclic: Record<string, unknown> = { tal: { beboere: 5 } };
    cyclic.self = cyclic;
    const e = rejection(() => decide(compiled(load), { ...valid, afdeling: cyclic as Facts[string] }));
    expect(e.code).toBe('input-invalid');
    expect(e.message).toBe('fact afdeling is cyclic');
    expect(e.diagnostics).toEqual([
      { code: 'input-invalid', severity: 'error', field: 'afdeling', message: 'faktaen "afdeling" henviser til sig selv (en cyklisk struktur)', hint: 'Giv en JSON-værdi: lister og objekter må ikke indeholde sig selv.' },
    ]);
  });

  it('an object nested 65 levels is input-invalid: "indlejret mere end 64 niveauer"', async () => {
    const { load, decide } = await freshLoad();
    const e = rejection(() => decide(compiled(load), { ...valid, afdeling: nested(65) }));
    expect(e.code).toBe('input-invalid');
    expect(e.message).toBe('fact afdeling is nested more than 64 levels deep');
    expect(e.diagnostics).toEqual([{ code: 'input-invalid', severity: 'error', field: 'afdeling', message: 'faktaen "afdeling" er indlejret mere end 64 niveauer', hint: 'Gør værdien fladere; ingen regel læser så dybt.' }]);
  });
});

/** An object of `levels` nested objects: the outermost is level 1, the innermost `{}` level `levels`. */
function nested(levels: number): Facts[string] {
  let v: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) v = { n: v };
  return v as Facts[string];
}

describe('which values each fact type accepts at the boundary', () => {
  const rs = (): CompiledRuleSet => compiled();

  it.each([
    ['beboere', 0],
    ['beboere', -3.5],
    ['ledighedPct', '-0.125'],
    ['ledighedPct', 41],
    ['ledighedPct', 0],
    ['kommune', ''],
    ['aktiv', true],
    ['dato', '2024-02-29'],
    ['maerker', []],
    ['maerker', ['a', 'b']],
    ['afdeling', {}],
    ['afdeling', []],
  ] as const)('%s accepts %j', (fact, value) => {
    expect(() => decideRuleSet(rs(), { ...valid, [fact]: value } as Facts)).not.toThrow();
  });

  it.each([
    // a number fact takes a JS number only, not a decimal text or an exact share
    ['beboere', '12', '"12"'],
    ['beboere', Ratio.of(1, 2, 100), '"50"'],
    ['beboere', true, 'true'],
    // a decimal fact: a plain decimal text, a finite number or a share; not a boolean, a list or an object
    ['ledighedPct', false, 'false'],
    ['ledighedPct', [], '[]'],
    ['ledighedPct', {}, '{}'],
    ['ledighedPct', '1e3', '"1e3"'],
    // a string fact is not a number or a boolean
    ['kommune', 0, '0'],
    ['kommune', true, 'true'],
    // a boolean fact is not a number
    ['aktiv', 1, '1'],
    // a date is "YYYY-MM-DD" and nothing around it
    ['dato', 'x2024-01-01', '"x2024-01-01"'],
    ['dato', '2024-01-01x', '"2024-01-01x"'],
    ['dato', '2024-01-1', '"2024-01-1"'],
    ['dato', '2024-1-01', '"2024-1-01"'],
    ['dato', '202-01-01', '"202-01-01"'],
    ['dato', 20240101, '20240101'],
    // a list of texts: every element a text
    ['maerker', 'a', '"a"'],
    ['maerker', { 0: 'a' }, '{"0":"a"}'],
    ['maerker', [['a']], '[["a"]]'],
    // an object: not a scalar
    ['afdeling', 5, '5'],
    ['afdeling', true, 'true'],
  ] as const)('%s refuses %j as fact-type', (fact, value, json) => {
    const e = rejection(() => decideRuleSet(rs(), { ...valid, [fact]: value } as Facts));
    expect(e.code).toBe('fact-type');
    expect(e.diagnostics).toEqual([expect.objectContaining({ code: 'fact-type', severity: 'error', field: fact, message: expect.stringContaining(`faktaen "${fact}" har værdien ${json}, som ikke er `) })]);
  });

  it.each([
    ['NaN', Number.NaN, 'er NaN (ikke et tal); et tal skal være endeligt', 'is NaN, not a finite number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'er uendelig; et tal skal være endeligt', 'is Infinity, not a finite number'],
  ])('a decimal fact given %s is input-invalid, not accepted as a number', (_, value, da, en) => {
    const e = rejection(() => decideRuleSet(rs(), { ...valid, ledighedPct: value }));
    expect(e.code).toBe('input-invalid');
    expect(e.message).toBe(`fact ledighedPct ${en}`);
    expect(e.diagnostics).toEqual([
      {
        code: 'input-invalid',
        severity: 'error',
        field: 'ledighedPct',
        message: `faktaen "ledighedPct" ${da}`,
        hint: 'Udelad faktaen eller giv null, hvis tallet er ukendt; ellers et endeligt tal eller en decimaltekst som "40.5".',
      },
    ]);
  });

  it('an exact share is a decimal fact: decided by its value', () => {
    // 41/100 × 100 = 41 > 40; 39/100 × 100 = 39
    expect(decideRuleSet(rs(), { ledighedPct: Ratio.of(41, 100, 100) as Ratio }).outcomes.r).toBe(true);
    expect(decideRuleSet(rs(), { ...valid, ledighedPct: Ratio.of(39, 100, 100) as Ratio }).outcomes.r).toBe(false);
  });

  it('every mistyped fact is reported, each with its own diagnostic, the English messages joined by "; "', () => {
    const e = rejection(() => decideRuleSet(rs(), { ...valid, beboere: '7', kommune: 7 } as unknown as Facts));
    expect(e.code).toBe('fact-type');
    expect(e.message).toBe('fact beboere has value "7", which is not number; fact kommune has value 7, which is not string');
    expect(e.diagnostics.map((d) => [d.field, d.severity])).toEqual([
      ['beboere', 'error'],
      ['kommune', 'error'],
    ]);
  });

  it('a value that is not JSON is reported before any mistyped one, every such fact in the sorted order of the facts read, joined by "; "', () => {
    const e = rejection(() => decideRuleSet(rs(), { ...valid, beboere: 5n, kommune: 7, aktiv: Symbol('s') } as unknown as Facts));
    expect(e.code).toBe('input-invalid');
    expect(e.message).toBe('fact aktiv is a Symbol; fact beboere is a BigInt (5n)');
    expect(e.diagnostics).toEqual([
      { code: 'input-invalid', severity: 'error', field: 'aktiv', message: 'faktaen "aktiv" er et Symbol', hint: 'Giv en tekst, et tal eller en sandhedsværdi.' },
      { code: 'input-invalid', severity: 'error', field: 'beboere', message: 'faktaen "beboere" er et BigInt (5n)', hint: 'Giv tallet som number eller som decimaltekst, fx 1200 eller "1200".' },
    ]);
  });

  it('a function and a class instance are input-invalid with their English message and hint', () => {
    const fn = rejection(() => decideRuleSet(rs(), { ...valid, kommune: () => 'x' } as unknown as Facts));
    expect(fn.message).toBe('fact kommune is a function');
    expect(fn.diagnostics[0]).toEqual({ code: 'input-invalid', severity: 'error', field: 'kommune', message: 'faktaen "kommune" er en funktion', hint: 'Giv faktaens værdi, ikke en funktion, der beregner den.' });
    const date = rejection(() => decideRuleSet(rs(), { ...valid, dato: new Date(0) } as unknown as Facts));
    expect(date.message).toBe('fact dato is an object of type Date');
    expect(date.diagnostics[0]).toEqual({
      code: 'input-invalid',
      severity: 'error',
      field: 'dato',
      message: 'faktaen "dato" er et objekt af typen Date',
      hint: 'Giv en JSON-værdi: tekst, tal, sandhedsværdi, liste eller almindeligt objekt (datoer som "ÅÅÅÅ-MM-DD").',
    });
  });

  it.each([
    // a prototype chain without a constructor anywhere
    ['without a constructor', Object.create(Object.create(Object.create(null) as object) as object) as object, 'Object'],
    // a constructor whose name is not a usable text
    ['with a nameless constructor', Object.create({ constructor: { name: '' } }) as object, 'Object'],
    ['with a constructor named by a number', Object.create({ constructor: { name: 5 } }) as object, 'Object'],
    ['of a named class', new (class Punkt {})(), 'Punkt'],
  ])('an object %s is named by its constructor, else "Object"', (_, value, type) => {
    const e = rejection(() => decideRuleSet(rs(), { ...valid, afdeling: { tal: value } } as unknown as Facts));
    expect(e.message).toBe(`fact afdeling contains a value that is an object of type ${type}`);
    expect(e.diagnostics[0]?.message).toBe(`faktaen "afdeling" indeholder en værdi, der er et objekt af typen ${type}`);
  });

  it.each([
    ['null', null, 'null', 'null'],
    ['a list', [1], 'an array', 'en liste'],
    ['a string', 'beboere', 'a string', 'en værdi af typen string'],
  ])('facts that are %s: input-invalid in English and Danish, with the hint', (_, facts, en, da) => {
    const e = rejection(() => decideRuleSet(rs(), facts as unknown as Facts));
    expect(e.code).toBe('input-invalid');
    expect(e.message).toBe(`facts must be an object of fact name → value, got ${en}`);
    expect(e.diagnostics).toEqual([
      { code: 'input-invalid', severity: 'error', message: `faktaene skal være et objekt med faktaenes navne og værdier, ikke ${da}`, hint: 'Giv fx { "beboere": 1200, "udenArbejdePct": "41.5" }.' },
    ]);
  });

  it('a fact inherited through the prototype of the facts is not read, so not checked', () => {
    // the rules read own properties only: an inherited "beboere" is missing, whatever its type
    const { beboere: _, ...rest } = valid;
    const facts = Object.assign(Object.create({ beboere: 'mange' }) as Record<string, unknown>, rest);
    expect(Object.hasOwn(facts, 'beboere')).toBe(false);
    expect(decideRuleSet(rs(), facts as Facts).missingFacts).toEqual(['beboere']);
  });
});

describe('the walk of lists and objects', () => {
  const rs = (): CompiledRuleSet => compiled();
  const beboere = (afdeling: unknown): boolean | null => decideRuleSet(rs(), { afdeling: afdeling as Facts[string] }).outcomes.r ?? null;

  it('accepts nested booleans, undefined, null, lists and objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { x: 1 });
    expect(beboere({ tal: { beboere: 20 }, aktiv: true, tom: null, mangler: undefined, liste: [1, 'a', false, null, [bare]] })).toBe(true);
  });

  it('refuses a value nested inside a list, naming it in English and Danish', () => {
    const e = rejection(() => beboere({ tal: { beboere: 20 }, liste: [1, [Number.NEGATIVE_INFINITY]] }));
    expect(e.message).toBe('fact afdeling contains a value that is -Infinity, not a finite number');
    expect(e.diagnostics[0]?.message).toBe('faktaen "afdeling" indeholder en værdi, der er uendelig; et tal skal være endeligt');
  });

  it('accepts 64 levels of nesting and refuses 65', () => {
    expect(beboere(nested(64))).toBeNull();
    expect(rejection(() => beboere(nested(65))).code).toBe('input-invalid');
    // lists count as levels too
    let list: unknown = [];
    for (let i = 1; i < 63; i++) list = [list];
    // the object, then 63 levels of lists
    expect(beboere({ tal: list })).toBeNull();
    expect(rejection(() => beboere({ tal: [list] })).code).toBe('input-invalid');
  });

  it('walks a part shared many times once: 40 levels of two references to the same object are checked at once', () => {
    // walked as a tree this would be 2^40 visits; the check is linear in the distinct parts
    let shared: Record<string, unknown> = { beboere: 20 };
    for (let i = 0; i < 40; i++) shared = { a: shared, b: shared };
    expect(beboere({ tal: { beboere: 20 }, shared })).toBe(true);
  });
});

describe('createExplainer keeps a copy of the facts it checked', () => {
  it('an exact share is kept as the share: the explanation compares it exactly and shows its decimal figure', () => {
    const explain = createExplainer(compiled(), 'r');
    // 41/100 × 100 = 41, one above the threshold "40"
    const r = explain({ ledighedPct: Ratio.of(41, 100, 100) as Ratio });
    expect(r.outcome).toBe(true);
    const any = r.explanation as { children: readonly FactExplanation[] };
    expect(any.children[1]).toMatchObject({ fact: 'ledighedPct', outcome: true, factValue: '41', margin: '1' });
  });

  it('lists and objects are copied: changing them after the call changes nothing', () => {
    const explain = createExplainer(compiled(), 'r');
    const maerker = ['b'];
    const afdeling = { tal: { beboere: 5 } };
    const r = explain({ ...valid, maerker, afdeling });
    maerker.push('a');
    afdeling.tal.beboere = 50;
    expect(r.outcome).toBe(false);
    const children = (r.explanation as { children: readonly FactExplanation[] }).children;
    expect(children[5]).toMatchObject({ fact: 'maerker', outcome: false, factValue: ['b'] });
    expect(children[6]).toMatchObject({ fact: 'afdeling', outcome: false, factValue: 5 });
    expect(r.explanation.outcome).toBe(false);
  });

  it('gives the same outcome and tree as the eager evaluation', () => {
    const rs = compiled();
    const facts: Facts = { ...valid, ledighedPct: Ratio.of(2, 3, 100) as Ratio };
    const lazy = createExplainer(rs, 'r')(facts);
    const eager = evaluateRuleSet(rs, facts).rules[0];
    expect(lazy.explanation).toEqual(eager?.explanation);
  });
});
