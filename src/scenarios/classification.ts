/** Classification scenarios: a boligområde's row and its earlier lists, through `classifyBoligomraade`. */
import { historikFraRaekker } from '../classification/batch.js';
import { classifyBoligomraadeWith } from '../classification/classify.js';
import type { ListeRaekke } from '../classification/input.js';
import { KATEGORIER } from '../classification/types.js';
import { diagnostic, type Diagnostic } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { Expectations } from './expect.js';
import { type ScenarioRun, usedRuleSets, withRuleSets } from './outcome.js';
import type { ClassificationScenario } from './schema.js';

/** Checks the scenario's earlier lists: the area's own, and before its list date. */
function historikProblems(s: ClassificationScenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  (s.historik ?? []).forEach((h, i) => {
    if (h.id !== undefined && h.id !== s.boligomraade.id) {
      out.push(
        diagnostic({
          code: 'input-invalid',
          severity: 'error',
          pointer: `/historik/${i}/id`,
          message: `den tidligere liste har id "${h.id}", men boligområdet er "${s.boligomraade.id}"`,
          hint: 'Historikken er boligområdets egne tidligere lister; udelad id eller ret det.',
        }),
      );
    }
    if (h.listedato >= s.boligomraade.listedato) {
      out.push(
        diagnostic({
          code: 'input-invalid',
          severity: 'error',
          pointer: `/historik/${i}/listedato`,
          message: `listen ${h.listedato} ligger ikke før boligområdets liste ${s.boligomraade.listedato}`,
          hint: 'Historikken rummer kun tidligere lister; den aktuelle liste står i "boligomraade".',
        }),
      );
    }
  });
  return out;
}

/** Runs a classification scenario with the rules of `registry`. */
export function runClassificationScenario(s: ClassificationScenario, registry: RuleRegistry): ScenarioRun {
  const problems = historikProblems(s);
  if (problems.length > 0) return { mismatches: [], errors: problems, evaluations: [], used: [] };
  const { listedato, offentliggjortParallelsamfund, ...input } = s.boligomraade;
  const rows: ListeRaekke[] = (s.historik ?? []).map((h) => ({ ...h, id: input.id }));
  const k = classifyBoligomraadeWith(registry, input, {
    listedato,
    history: historikFraRaekker(rows, listedato),
    offentliggjortParallelsamfund,
    ...(s.disable !== undefined ? { disable: s.disable } : {}),
    ...(s.forebyggelseUdelukkerUdsatte !== undefined ? { forebyggelseUdelukkerUdsatte: s.forebyggelseUdelukkerUdsatte } : {}),
  });
  const e = new Expectations();
  const want = s.expected;
  e.value('version', want.version, k.ruleSets[0]?.version);
  for (const kategori of KATEGORIER) {
    const expected = want.kategorier?.[kategori];
    if (expected === undefined) continue;
    const found = k.kategorier[kategori];
    if (found === undefined) e.fail(`kategorier.${kategori}`, expected, 'findes ikke i lovversionen');
    else e.value(`kategorier.${kategori}`, expected, found.outcome);
  }
  if (want.aarIRaekke !== undefined) e.value('aarIRaekke', want.aarIRaekke, k.historik === undefined ? 'ingen historikregel i lovversionen' : k.historik.aarIRaekke);
  e.value('afhaengerAfIkkeVestlig', want.afhaengerAfIkkeVestlig, k.afhaengerAfIkkeVestlig);
  e.set('mangler', want.mangler, k.mangler);
  if (want.afvigelser !== undefined) {
    const byYear = <T extends { aar: number }>(list: readonly T[]) => [...list].sort((a, b) => a.aar - b.aar);
    e.value('afvigelser', byYear(want.afvigelser), byYear(k.afvigelser.map((a) => ({ aar: a.aar, offentliggjort: a.offentliggjort, beregnet: a.beregnet }))));
  }
  return { mismatches: e.mismatches, errors: [], evaluations: withRuleSets(registry, k.evaluations), used: usedRuleSets(registry, k.ruleSets) };
}
