/** Screening scenarios: an afdeling with its periods, through the screening core (`screenAfdelingWith`). */
import type { RuleRegistry } from '../rules/registry.js';
import { screenAfdelingWith } from '../screening/screen.js';
import type { IndikatorAendring } from '../screening/types.js';
import { Expectations } from './expect.js';
import { type ScenarioRun, usedRuleSets, withRuleSets } from './outcome.js';
import type { ScreeningScenario } from './schema.js';

const ids = (changes: readonly IndikatorAendring[]) => changes.map((c) => c.indikator);

/** Runs a screening scenario with the rules of `registry`. */
export function runScreeningScenario(s: ScreeningScenario, registry: RuleRegistry): ScenarioRun {
  const r = screenAfdelingWith(registry, s.afdeling, {
    asOf: s.asOf,
    ...(s.boligomraadeStatus !== undefined ? { boligomraadeStatus: s.boligomraadeStatus } : {}),
    ...(s.disable !== undefined ? { disable: s.disable } : {}),
  });
  const e = new Expectations();
  const want = s.expected;
  e.value('version', want.version, r.ruleSet.version);
  e.value('periode', want.periode, r.periode);
  e.each('indikatorer', want.indikatorer, (id) => r.indikatorer.find((i) => i.id === id), 'ingen sådan indikator', (key, expected, found) => e.value(key, expected, found.outcome));
  e.set('udloeste', want.udloeste, r.udloeste);
  e.each('anbefalinger', want.anbefalinger, (kind) => r.anbefalinger.find((a) => a.kind === kind), 'ingen sådan indsatstype', (key, expected, found) => {
    if (expected === undefined) return;
    if (expected === null || typeof expected === 'boolean') {
      e.value(key, expected, found.outcome);
      return;
    }
    e.value(`${key}.outcome`, expected.outcome, found.outcome);
    e.set(`${key}.maal`, expected.maal, found.maal.map((m) => m.nr));
    e.set(`${key}.indsatsomraader`, expected.indsatsomraader, found.indsatsomraader.map((o) => o.id));
  });
  e.value('konklusion', want.konklusion, r.konklusion);
  if (want.boligomraadeStatus !== undefined) {
    if (want.boligomraadeStatus === null || r.boligomraadeStatus === null) e.value('boligomraadeStatus', want.boligomraadeStatus, r.boligomraadeStatus);
    else e.set('boligomraadeStatus', want.boligomraadeStatus, r.boligomraadeStatus);
  }
  e.set('mangler', want.mangler, r.mangler);
  const a = want.aendringer;
  if (a !== undefined) {
    e.value('aendringer.forrigePeriode', a.forrigePeriode, r.aendringer.forrigePeriode ?? null);
    e.set('aendringer.nyeFlag', a.nyeFlag, ids(r.aendringer.nyeFlag));
    e.set('aendringer.ophoerte', a.ophoerte, ids(r.aendringer.ophoerte));
    e.set('aendringer.forvaerrede', a.forvaerrede, ids(r.aendringer.forvaerrede));
    e.set('aendringer.nuUkendte', a.nuUkendte, ids(r.aendringer.nuUkendte));
  }
  return { mismatches: e.mismatches, errors: [], evaluations: withRuleSets(registry, [r.evaluation]), used: usedRuleSets(registry, [r.ruleSet]) };
}
