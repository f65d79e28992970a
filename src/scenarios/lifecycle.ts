/** Lifecycle scenarios: an indsats with its events, through `indsatsState` and `reviewIndsatser`. */
import { diagnostic } from '../errors.js';
import { reviewIndsatserWith } from '../lifecycle/review.js';
import { indsatsState, LifecycleEventError } from '../lifecycle/state.js';
import type { RuleRegistry } from '../rules/registry.js';
import { Expectations } from './expect.js';
import { checkMetodeTjek } from './metoder.js';
import { type ScenarioRun, usedKataloger, usedRuleSets, withRuleSets } from './outcome.js';
import type { LifecycleScenario } from './schema.js';

/** Runs a lifecycle scenario with the rules of `registry`. */
export function runLifecycleScenario(s: LifecycleScenario, registry: RuleRegistry): ScenarioRun {
  const e = new Expectations();
  const want = s.expected;
  try {
    indsatsState(s.indsats, { asOf: s.asOf });
  } catch (error) {
    if (!(error instanceof LifecycleEventError)) throw error;
    if (want.haendelsesfejl === undefined) {
      return { mismatches: [], errors: error.diagnostics.map((d) => diagnostic({ ...d, ...(d.pointer !== undefined ? { pointer: `/indsats${d.pointer}` } : {}) })), evaluations: [], used: [] };
    }
    e.value('haendelsesfejl', want.haendelsesfejl, error.rule);
    return { mismatches: e.mismatches, errors: [], evaluations: [], used: [] };
  }
  if (want.haendelsesfejl !== undefined) e.fail('haendelsesfejl', want.haendelsesfejl, 'ingen hændelse bryder en regel');

  const review = reviewIndsatserWith(registry, [s.indsats, ...(s.portefoelje ?? [])], { asOf: s.asOf, ...(s.horizonMonths !== undefined ? { horizonMonths: s.horizonMonths } : {}) });
  const mine = review.indsatser.find((r) => r.indsats.id === s.indsats.id);
  if (mine === undefined) {
    const own = review.fejl.filter((d) => d.id === s.indsats.id && d.severity === 'error');
    return { mismatches: e.mismatches, errors: own, evaluations: [], used: [] };
  }
  const a = mine.assessment;
  e.value('version', want.version, a.evaluation.ruleSet.version);
  e.value('tilstand', want.tilstand, a.status.tilstand);
  e.value('kanStarte', want.kanStarte, a.kanStarte);
  e.each('start', want.start, (id) => a.start.find((p) => p.condition === id), 'ingen sådan startparameter', (key, expected, found) => e.value(key, expected, found.resultat));
  e.each('stop', want.stop, (id) => a.stop.find((p) => p.parameter === id), 'ingen sådan stopparameter', (key, expected, found) => {
    if (expected !== undefined) e.value(key, expected, found.resultat);
  });
  if (want.anbefaling !== undefined) e.value('anbefaling', want.anbefaling, a.anbefaling?.anbefaling ?? null);
  e.set('frister', want.frister, a.frister.map((f) => f.kind));
  e.set('forfaldne', want.forfaldne, a.frister.filter((f) => f.forfalden).map((f) => f.kind));
  if (want.slutDato !== undefined) e.value('slutDato', want.slutDato, a.deadlines.slutDato);
  checkMetodeTjek(e, 'metoder', want.metoder, a.metoder);
  return {
    mismatches: e.mismatches,
    errors: [],
    evaluations: withRuleSets(registry, [a.evaluation]),
    used: usedRuleSets(registry, [a.evaluation.ruleSet]),
    kataloger: usedKataloger(registry, [a.metoder]),
  };
}
