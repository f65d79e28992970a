/** Financing scenarios: a financing plan, through `allocateFinancing` (its non-throwing twin). */
import { tryAllocateFinancingWith } from '../financing/allocation.js';
import { planAllocation } from '../financing/input.js';
import type { FinancingAllocation, Udgift } from '../financing/types.js';
import { diagnostic } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { Expectations } from './expect.js';
import { type ScenarioRun, usedRuleSets, withRuleSets } from './outcome.js';
import type { FinancingScenario } from './schema.js';

type UdgiftExpected = NonNullable<NonNullable<NonNullable<FinancingScenario['expected']['betalingsevne']>[string]>['nu']>;

/** Checks amounts per calendar year against a row aligned with the allocation's years. */
function perYear(e: Expectations, rule: string, expected: Readonly<Record<string, string>> | undefined, a: FinancingAllocation, row: readonly string[]): void {
  e.each(rule, expected, (aar) => {
    const i = a.aar.indexOf(Number(aar));
    return i < 0 ? undefined : row[i];
  }, 'året ligger ikke i perioden', (key, want, got) => e.decimal(key, want, got));
}

function udgift(e: Expectations, rule: string, want: UdgiftExpected | undefined, got: Udgift): void {
  if (want === undefined) return;
  e.decimal(`${rule}.samlet`, want.samlet, got.samlet);
  e.decimal(`${rule}.prAar`, want.prAar, got.prAar);
  e.decimal(`${rule}.prLejemaalPrAar`, want.prLejemaalPrAar, got.prLejemaalPrAar);
  e.decimal(`${rule}.pctAfHusleje`, want.pctAfHusleje, got.pctAfHusleje);
  e.value(`${rule}.forHoejUdgift`, want.forHoejUdgift, got.forHoejUdgift);
}

/** Runs a financing scenario with the rules of `registry`. */
export function runFinancingScenario(s: FinancingScenario, registry: RuleRegistry): ScenarioRun {
  const { budget, options } = planAllocation(s.plan);
  const result = tryAllocateFinancingWith(registry, budget, options);
  const e = new Expectations();
  const want = s.expected;
  if (!result.ok) {
    if (want.fejl === undefined) {
      return { mismatches: [], errors: result.errors.map((d) => diagnostic({ ...d, pointer: `/plan${d.pointer ?? ''}` })), evaluations: [], used: [] };
    }
    e.set('fejl', want.fejl, result.errors.map((d) => d.pointer ?? ''));
    return { mismatches: e.mismatches, errors: [], evaluations: [], used: [] };
  }
  const a = result.value;
  if (want.fejl !== undefined) e.set('fejl', want.fejl, []);
  e.value('version', want.version, a.scheme.version);
  e.decimal('budget', want.budget, a.budget);
  e.value('aar', want.aar, a.aar);
  e.each('funders', want.funders, (id) => a.funders.find((f) => f.id === id), 'ingen sådan finansieringskilde i ordningen', (key, w, f) => {
    e.decimal(`${key}.share`, w.share, f.share);
    e.decimal(`${key}.total`, w.total, f.total);
    perYear(e, `${key}.perAar`, w.perAar, a, f.perAar);
  });
  perYear(e, 'aarTotaler', want.aarTotaler, a, a.aarTotaler);
  e.each('afdelingsfordeling', want.afdelingsfordeling, (funder) => a.afdelingsfordeling.find((t) => t.funder === funder), 'finansieringskilden fordeles ikke mellem afdelingerne', (key, rows, table) => {
    e.each(key, rows, (id) => table.rows.find((r) => r.id === id), 'ingen sådan afdeling i planen', (rowKey, w, r) => {
      e.decimal(`${rowKey}.total`, w.total, r.total);
      perYear(e, `${rowKey}.perAar`, w.perAar, a, r.perAar);
    });
  });
  e.each('betalingsevne', want.betalingsevne, (id) => a.betalingsevne.afdelinger.find((b) => b.id === id), 'ingen sådan afdeling i planen', (key, w, b) => {
    udgift(e, `${key}.nu`, w.nu, b.nu);
    udgift(e, `${key}.udenEksternFinansiering`, w.udenEksternFinansiering, b.udenEksternFinansiering);
  });
  return {
    mismatches: e.mismatches,
    errors: [],
    evaluations: withRuleSets(registry, a.betalingsevne.afdelinger.map((b) => b.evaluation)),
    used: usedRuleSets(registry, [a.scheme, a.betalingsevne.ruleSet]),
  };
}
