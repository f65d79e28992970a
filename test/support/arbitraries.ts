/**
 * fast-check arbitraries: random rule files over the `test` domain's facts (every
 * operator, parameters, fact references, paths, named conditions, atLeast) and
 * random facts for them.
 */
import fc from 'fast-check';
import type { Facts } from '../../src/domain/fact-types.js';

const DECIMAL_FACTS = ['ledighedPct', 'grundskolePct', 'indkomstPct', 'kriminalitetsfaktor'] as const;
const DECIMALS = ['0', '2.4', '3', '3.0', '39.99', '40', '40.0', '40.1', '55', '54.999', '60.0000000000000000001', '59.9999999999999999999', '100'];
const NUMBERS = [0, 1, 99, 100, 101, 999, 1000, 1001, 2.5, -3];
const KOMMUNER = ['København', 'Aarhus', 'Odense'];
const MAERKER = ['a', 'b', 'c'];

type Json = unknown;

const decimalValue = fc.constantFrom(...DECIMALS);
const numberValue = fc.constantFrom(...NUMBERS);

/** A leaf condition; `params` lists parameters it may name. */
function leaf(): fc.Arbitrary<Json> {
  return fc.oneof(
    fc.record({
      fact: fc.constantFrom(...DECIMAL_FACTS),
      operator: fc.constantFrom('decimalEqual', 'decimalNotEqual', 'decimalLessThan', 'decimalLessThanInclusive', 'decimalGreaterThan', 'decimalGreaterThanInclusive'),
      value: fc.oneof(decimalValue, fc.constant({ parameter: 'graensePct' }), fc.constantFrom(...DECIMAL_FACTS).map((f) => ({ fact: f }))),
    }),
    fc.record({
      fact: fc.constantFrom('beboere', 'score'),
      operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
      value: fc.oneof(numberValue, fc.constant({ parameter: 'minBeboere' }), fc.constant({ fact: 'graense' })),
    }),
    fc.record({ fact: fc.constant('afdeling'), path: fc.constant('/tal/beboere'), operator: fc.constantFrom('greaterThan', 'lessThanInclusive'), value: numberValue }),
    fc.record({ fact: fc.constant('kommune'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(...KOMMUNER) }),
    fc.record({ fact: fc.constant('kommune'), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray(KOMMUNER) }),
    fc.record({ fact: fc.constant('aktiv'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
    fc.record({ fact: fc.constant('maerker'), operator: fc.constantFrom('contains', 'doesNotContain'), value: fc.constantFrom(...MAERKER) }),
  );
}

/** A condition tree that may reference named conditions `names`. */
function tree(names: readonly string[], depth: number): fc.Arbitrary<Json> {
  if (depth <= 0) return names.length > 0 ? fc.oneof(leaf(), fc.constantFrom(...names).map((n) => ({ condition: n }))) : leaf();
  const sub = tree(names, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: sub },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 4 }).map((all) => ({ all })) },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 4 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: sub.map((not) => ({ not })) },
    {
      weight: 2,
      arbitrary: fc.array(sub, { minLength: 1, maxLength: 5 }).chain((of) => fc.integer({ min: 1, max: of.length }).map((atLeast) => ({ atLeast, of }))),
    },
  );
}

/** A whole rule file (as a JSON value) with 0–3 named conditions and 1–3 rules. */
export function ruleFileArbitrary(): fc.Arbitrary<Record<string, Json>> {
  return fc.integer({ min: 0, max: 3 }).chain((namedCount) => {
    const names = Array.from({ length: namedCount }, (_, i) => `betingelse-${i}`);
    // condition i may refer only to conditions before it, so there is never a cycle
    const named = fc.tuple(...names.map((_, i) => tree(names.slice(0, i), 2)));
    const rules = fc.array(tree(names, 3), { minLength: 1, maxLength: 3 });
    return fc.tuple(named, rules, decimalValue, numberValue).map(([conds, ruleTrees, graensePct, minBeboere]) => ({
      id: 'tilfaeldig',
      domain: 'test',
      title: 'Tilfældigt regelsæt',
      effective: { from: '2020-01-01' },
      source: { reference: 'fast-check' },
      parameters: {
        graensePct: { value: graensePct, unit: 'pct.', description: 'En grænse' },
        minBeboere: { value: minBeboere, unit: 'personer', description: 'En grænse' },
      },
      conditions: Object.fromEntries(names.map((n, i) => [n, { title: n, condition: conds[i] }])),
      rules: ruleTrees.map((conditions, i) => ({ id: `regel-${i}`, title: `Regel ${i}`, conditions, event: { type: `regel-${i}` } })),
    }));
  });
}

/** Complete facts for every fact the generator uses. */
export function completeFactsArbitrary(): fc.Arbitrary<Facts> {
  return fc.record({
    ledighedPct: fc.oneof(decimalValue, fc.constantFrom(40, 40.1, 3)),
    grundskolePct: decimalValue,
    indkomstPct: decimalValue,
    kriminalitetsfaktor: decimalValue,
    beboere: numberValue,
    score: numberValue,
    graense: numberValue,
    afdeling: numberValue.map((b) => ({ tal: { beboere: b } })),
    kommune: fc.constantFrom(...KOMMUNER),
    aktiv: fc.boolean(),
    maerker: fc.subarray(MAERKER),
  });
}

/** Facts where any fact may be missing (`undefined` key or `null`). */
export function partialFactsArbitrary(): fc.Arbitrary<Facts> {
  return completeFactsArbitrary().chain((facts) =>
    fc.record(Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, fc.constantFrom(v, v, null, undefined)]))) as fc.Arbitrary<Facts>,
  );
}
