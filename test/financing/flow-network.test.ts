/**
 * The typed flow network behind the budget tables, and the split between the domain core
 * (`tryAllocateFinancingWith`, which takes a registry) and the public wrapper that supplies the
 * bundled rules.
 */
import { describe, expect, it } from 'vitest';
import { allocateFinancing } from '../../src/financing/default-rules.js';
import { tryAllocateFinancingWith } from '../../src/financing/allocation.js';
import { FlowNetwork } from '../../src/financing/flow-network.js';
import { rational } from '../../src/financing/rational.js';
import type { AllocateOptions } from '../../src/financing/types.js';
import { createRegistry } from '../../src/rules/registry.js';
import { bundledRegistry } from '../../src/shipped.js';

describe('FlowNetwork', () => {
  it('rounds a balanced network by its edges’ handles: ½ + ½ of an øre through two chains', () => {
    const network = new FlowNetwork();
    const budget = network.node('budget');
    const back = network.node('budget (retur)');
    const a = network.node('a');
    const b = network.node('b');
    const whole = network.arc(back, budget, rational(1n));
    const toA = network.arc(budget, a, rational(1n, 2n));
    const aBack = network.arc(a, back, rational(1n, 2n));
    const toB = network.arc(budget, b, rational(1n, 2n));
    const bBack = network.arc(b, back, rational(1n, 2n));
    const flow = network.round();
    // half up gives both chains 1 øre; the surplus øre at `budget` moves back along a's chain (the first found)
    expect([whole, toA, aBack, toB, bBack].map((arc) => flow.oere(arc))).toEqual([1n, 0n, 0n, 1n, 1n]);
    expect(toA.from).toBe(budget);
    expect(toA.to).toBe(a);
    expect(toA.exact).toEqual(rational(1n, 2n));
  });

  it('refuses a node or an edge of another network', () => {
    const one = new FlowNetwork();
    const other = new FlowNetwork();
    const x = one.node('x');
    const y = other.node('y');
    expect(() => other.arc(x, y, rational(0n))).toThrow(new Error('FlowNetwork: node "x" belongs to another network'));
    const arc = other.arc(y, other.node('z'), rational(0n));
    const rounded = one.round();
    expect(() => rounded.oere(arc)).toThrow(new Error('RoundedFlow: edge y → z is not of this network'));
  });

  it('throws when the exact values do not balance', () => {
    const network = new FlowNetwork();
    network.arc(network.node('a'), network.node('b'), rational(1n));
    expect(() => network.round()).toThrow(/^roundCirculation: /);
  });
});

describe('tryAllocateFinancingWith: the domain core takes the rules it is given', () => {
  const plan = {
    budget: { periode: { from: '2024-03-01', to: '2025-02-28' }, total: '1000.00' },
    options: { scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2024-03-01', key: 'lejemaal' as const, afdelinger: [{ id: 'a', lejemaal: 10, aarligHusleje: '100000.00' }] },
  };

  it('with a registry of the scheme alone: the same tables as the bundled rules, and no affordability rule set', () => {
    const scheme = bundledRegistry().inForce(plan.options.scheme, plan.options.asOf);
    const only = createRegistry([scheme]);
    if (!only.ok) throw new Error(JSON.stringify(only.errors));
    // the options name the bundled rules; the core reads only the registry it is given
    const options: AllocateOptions = { ...plan.options, rules: bundledRegistry() };
    const core = tryAllocateFinancingWith(only.value, plan.budget, options);
    if (!core.ok) throw new Error(JSON.stringify(core.errors));
    const bundled = allocateFinancing(plan.budget, plan.options);
    expect(core.value.funders).toEqual(bundled.funders);
    expect(core.value.afdelingsfordeling).toEqual(bundled.afdelingsfordeling);
    expect(bundled.betalingsevne.ruleSet?.id).toBe('financing-affordability');
    expect(core.value.betalingsevne.ruleSet).toBeUndefined();
    expect(core.value.betalingsevne.afdelinger[0]?.nu.forHoejUdgift).toBeNull();
  });

  it('the wrapper uses options.rules when given', () => {
    const scheme = bundledRegistry().inForce(plan.options.scheme, plan.options.asOf);
    const only = createRegistry([scheme]);
    if (!only.ok) throw new Error(JSON.stringify(only.errors));
    expect(allocateFinancing(plan.budget, { ...plan.options, rules: only.value }).betalingsevne.ruleSet).toBeUndefined();
  });
});
