/** The engine's demonstration rule set (fixtures/engine/rules/demo). */
import { loadRegistry } from '../../src/shipped.js';
import { withTestDomain } from './test-domain.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';

/** The demo rule set: udsat boligområde after the 2018 rules, in the `test` domain. */
export function demoRuleSet(): CompiledRuleSet {
  const loaded = loadRegistry('fixtures/engine/rules', withTestDomain);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value.inForce('demo', '2020-12-01');
}
