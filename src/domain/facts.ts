/**
 * The fact catalogue: every fact a rule may name, per domain. Rules naming a fact
 * that is not here for their domain do not load.
 */
import type { Domain, FactDefinition } from './fact-types.js';
import { classificationFacts } from './facts/classification.js';
import { financingFacts } from './facts/financing.js';
import { lifecycleFacts } from './facts/lifecycle.js';
import { screeningFacts } from './facts/screening.js';
import { testFacts } from './facts/test.js';

const catalogue: Readonly<Record<Domain, ReadonlyMap<string, FactDefinition>>> = Object.freeze({
  classification: index(classificationFacts),
  screening: index(screeningFacts),
  lifecycle: index(lifecycleFacts),
  financing: index(financingFacts),
  test: index(testFacts),
});

function index(facts: readonly FactDefinition[]): ReadonlyMap<string, FactDefinition> {
  const map = new Map<string, FactDefinition>();
  for (const f of facts) {
    if (map.has(f.name)) throw new Error(`fact catalogue: duplicate fact ${f.name}`);
    map.set(f.name, Object.freeze({ ...f }));
  }
  return map;
}

/** The facts rules of `domain` may name, by name. */
export function factCatalogue(domain: Domain): ReadonlyMap<string, FactDefinition> {
  return catalogue[domain];
}

/** Every fact name of every domain (for the JSON Schema's autocompletion). */
export function allFactNames(): string[] {
  const names = new Set<string>();
  for (const map of Object.values(catalogue)) for (const name of map.keys()) names.add(name);
  return [...names].sort();
}
