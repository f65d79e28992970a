/**
 * The engine's `test` domain: rule sets that exercise the engine itself (the demo rule
 * set, the broken fixtures, generated rule files). It is declared here, in test support,
 * and given to the loader next to the shipped domains; the package does not ship it.
 */
import { z } from 'zod';
import { defineRuleDomain, type EventDeclaration, type RuleDomain, type RuleDomainSpec } from '../../src/rules/rule-domain.js';
import { ruleSetJsonSchemaText } from '../../src/rules/json-schema.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import type { Result } from '../../src/errors.js';
import { loadRuleSetText, SHIPPED_DOMAINS } from '../../src/shipped.js';
import { testFacts } from './test-facts.js';

const anyParams = z.record(z.string(), z.unknown()).optional();

/** The declaration of the `test` domain, for `defineRuleDomain` (the bench gives it to the built package's). */
export const TEST_DOMAIN_SPEC: RuleDomainSpec<Record<never, never>, EventDeclaration<typeof anyParams>, Record<never, never>> = {
  name: 'test',
  title: 'Regelsæt til test af motoren',
  facts: testFacts,
  events: {},
  otherEvents: { description: 'En hændelse af enhver type', params: anyParams },
  parameters: {},
  financingSection: true,
};

/** The `test` domain: every fact type, and events of any type with any params. */
export const testDomain = defineRuleDomain(TEST_DOMAIN_SPEC);

/** The shipped domains and the test domain: what tests load engine fixtures with. */
export const TEST_DOMAINS: readonly RuleDomain[] = Object.freeze([...SHIPPED_DOMAINS, testDomain]);

/** Load options with {@link TEST_DOMAINS}. */
export const withTestDomain = Object.freeze({ domains: TEST_DOMAINS });

/** Where the rule-file JSON Schema with the test domain is committed (the engine fixtures name it in `$schema`). */
export const TEST_DOMAIN_SCHEMA_FILE = 'fixtures/engine/rule-set.schema.json';

/** The text of {@link TEST_DOMAIN_SCHEMA_FILE}: the rule-file JSON Schema of {@link TEST_DOMAINS}. */
export function testDomainSchemaText(): string {
  return ruleSetJsonSchemaText(TEST_DOMAINS, 'https://fsb.dk/boligsocial/test/rule-set.schema.json');
}

/** Validates and compiles a rule file given as text, with the test domain loadable besides the shipped ones. */
export function loadTestRuleSetText(text: string, file: string): Result<CompiledRuleSet> {
  return loadRuleSetText(text, file, { domains: TEST_DOMAINS });
}

/**
 * Validates and compiles a rule file a test made (a JSON value), with the test domain
 * loadable besides the shipped ones; throws with the diagnostics where it does not load,
 * as a test's own rule file must.
 */
export function compileTestRuleFile(json: unknown, file = '2020-01-01.json'): CompiledRuleSet {
  const loaded = loadTestRuleSetText(JSON.stringify(json), file);
  if (!loaded.ok) throw new Error(`the test's rule file ${file} does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}
