/**
 * The JSON Schemas as an editor meets them, checked with ajv in strict mode: every data
 * file validates against the schema it names in `$schema`, the broken fixtures the
 * loader rejects for their format the schema rejects too, a misspelt fact is rejected
 * per domain, and a wrong operator is one error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS } from '../../src/cli/schemas.js';
import { classificationFacts } from '../../src/domain/facts/classification.js';
import { EDITOR_KEYWORDS } from '../../src/rules/json-schema.js';
import { TEST_DOMAIN_SCHEMA_FILE, testDomainSchemaText } from '../support/test-domain.js';

// ajv-formats is CommonJS: its default export is the plugin
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addVocabulary([...EDITOR_KEYWORDS]);

const compiled = new Map<string, ValidateFunction>();
function validatorFor(schemaFile: string): ValidateFunction {
  let v = compiled.get(schemaFile);
  if (v === undefined) {
    v = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    compiled.set(schemaFile, v);
  }
  return v;
}

/** Every JSON data file under the data folders (not the schemas themselves). */
function dataFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return dataFiles(p);
      return p.endsWith('.json') && !p.endsWith('.schema.json') ? [p] : [];
    });
}

const parsed = [...dataFiles('rules'), ...dataFiles('fixtures')].flatMap((file) => {
  try {
    return [{ file, value: JSON.parse(readFileSync(file, 'utf8')) as unknown }];
  } catch {
    return []; // the broken fixtures of JSON syntax
  }
});
const withSchema = parsed.flatMap(({ file, value }) => {
  const named = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)['$schema'] : undefined;
  return typeof named === 'string' ? [{ file, value, schema: relative(process.cwd(), resolve(dirname(file), named)) }] : [];
});

/** Data files that are invalid on purpose, for the loader's and the readers' error messages. */
const invalidOnPurpose = (file: string) => file.startsWith('fixtures/broken/') || file.startsWith('fixtures/hostile/') || file === 'fixtures/financing/ugyldig-plan.json';

describe('the committed JSON Schemas', () => {
  it.each(Object.values(JSON_SCHEMAS).map((s) => s.file))('%s compiles in ajv strict mode, every definition named', (file) => {
    expect(() => validatorFor(file)).not.toThrow();
    expect(readFileSync(file, 'utf8')).not.toMatch(/__schema\d/);
  });

  // in process (the CLI's `schema --check` runs in a child process): what the editor reads
  // is what the declarations say now, their Danish titles, descriptions and units included
  it.each(Object.values(JSON_SCHEMAS).map((s) => [s.file, s] as const))('%s is what its module generates now', (file, s) => {
    expect(readFileSync(file, 'utf8')).toBe(s.text());
  });

  it(`${TEST_DOMAIN_SCHEMA_FILE} (the rule-file schema with the engine's test domain) is up to date`, () => {
    // regenerate with: npx tsx fixtures/engine/generate-schema.ts
    expect(readFileSync(TEST_DOMAIN_SCHEMA_FILE, 'utf8')).toBe(testDomainSchemaText());
  });
});

describe('every committed data file against the schema it names', () => {
  it('the data files that have a schema name it: rules, methods catalogues, scenarios, indsatser, financing plans', () => {
    const named = new Set(withSchema.map((f) => f.file));
    const expectNamed = parsed.map((p) => p.file).filter((f) => /^(rules|fixtures\/(scenarios|indsatser|financing|engine))\//.test(f));
    expect(expectNamed.filter((f) => !named.has(f))).toEqual([]);
    expect(new Set(withSchema.map((f) => f.schema))).toEqual(new Set(['rules/rule-set.schema.json', 'rules/scenario.schema.json', 'rules/indsats.schema.json', 'rules/financing-plan.schema.json', 'rules/metoder.schema.json', TEST_DOMAIN_SCHEMA_FILE]));
  });

  it.each(withSchema.filter((f) => !invalidOnPurpose(f.file)).map((f) => [f.file, f] as const))('%s', (_, { value, schema }) => {
    const validate = validatorFor(schema);
    validate(value);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('the plan that is invalid on purpose is invalid to the editor too', () => {
    const plan = withSchema.find((f) => f.file === 'fixtures/financing/ugyldig-plan.json');
    if (plan === undefined) throw new Error('fixtures/financing/ugyldig-plan.json names no schema');
    expect(validatorFor(plan.schema)(plan.value)).toBe(false);
  });

  it('the broken rule files the loader rejects for their form, fact, operator, domain, event or declared parameter, the schema rejects too', () => {
    const expected = JSON.parse(readFileSync('fixtures/broken/expected.json', 'utf8')) as Record<string, { code: string; file: string }>;
    const byTheSchema = new Set(['schema', 'unknown-fact', 'unknown-operator', 'unknown-domain', 'unknown-event', 'event-params', 'parameter-unit', 'missing-parameter']);
    const cases = Object.entries(expected).filter(([, e]) => byTheSchema.has(e.code));
    expect(cases.length).toBeGreaterThanOrEqual(15);
    const accepted = cases.filter(([, e]) => {
      const f = withSchema.find((w) => w.file === join('fixtures/broken', e.file));
      if (f === undefined) throw new Error(`${e.file} names no schema`);
      return validatorFor(f.schema)(f.value);
    });
    expect(accepted.map(([name]) => name)).toEqual([]);
  });
});

describe('the rule-file schema per domain', () => {
  const validate = () => validatorFor('rules/rule-set.schema.json');
  const shipped = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;
  /** The first comparison in a condition tree, and where it is. */
  const firstLeaf = (node: unknown, path: string): { leaf: Record<string, unknown>; path: string } | undefined => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) {
        const found = firstLeaf(child, `${path}/${i}`);
        if (found) return found;
      }
      return undefined;
    }
    if (typeof node !== 'object' || node === null) return undefined;
    const record = node as Record<string, unknown>;
    if (typeof record['fact'] === 'string' && typeof record['operator'] === 'string') return { leaf: record, path };
    for (const [key, child] of Object.entries(record)) {
      const found = firstLeaf(child, `${path}/${key}`);
      if (found) return found;
    }
    return undefined;
  };
  /** The errors an editor shows: ajv also reports each `if` whose `then` failed, as "must match then", which editors leave out. */
  const shown = (errors: readonly ErrorObject[] | null | undefined) => (errors ?? []).filter((e) => e.keyword !== 'if');

  it('rejects a screening fact (flyttefrekvensPct) in a classification file, and accepts it in a screening file', () => {
    const file = shipped('rules/classification/2021-11-30.json');
    const found = firstLeaf(file, '');
    if (found === undefined) throw new Error('no comparison in the classification rules');
    found.leaf['fact'] = 'flyttefrekvensPct';
    expect(validate()(file)).toBe(false);
    expect(shown(validate().errors).map((e) => [e.instancePath, e.keyword])).toEqual([[`${found.path}/fact`, 'enum']]);

    const screening = shipped('rules/screening/2017-06-01.json');
    const leaf = firstLeaf(screening, '');
    if (leaf === undefined) throw new Error('no comparison in the screening rules');
    leaf.leaf['fact'] = 'flyttefrekvensPct';
    expect(validate()(screening)).toBe(true);
  });

  it('a wrong operator is one error, at the operator', () => {
    const file = shipped('rules/classification/2018-12-01.json');
    const found = firstLeaf(file, '');
    if (found === undefined) throw new Error('no comparison in the classification rules');
    found.leaf['operator'] = 'greaterThen';
    expect(validate()(file)).toBe(false);
    expect(shown(validate().errors).map((e) => [e.instancePath, e.keyword])).toEqual([[`${found.path}/operator`, 'enum']]);
    // and nothing else but the one "must match then" of the domain's if/then
    expect(validate().errors?.length).toBe(2);
  });

  it('shows each fact with its Danish description and unit from the catalogue', () => {
    const schema = JSON.parse(readFileSync('rules/rule-set.schema.json', 'utf8')) as { definitions: Record<string, { enum: string[]; enumDescriptions: string[]; markdownEnumDescriptions: string[] }> };
    const facts = schema.definitions['ClassificationFact'];
    expect(facts?.enum).toEqual(classificationFacts.map((f) => f.name));
    classificationFacts.forEach((f, i) => {
      expect(facts?.enumDescriptions[i]).toContain(f.description);
      expect(facts?.enumDescriptions[i]).toContain(f.unit);
      expect(facts?.markdownEnumDescriptions[i]).toContain(`**${f.name}**`);
    });
  });
});
