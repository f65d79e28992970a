/** Benchmark scenarios: a portfolio of indsatser, through `benchmarkIndsatser`. */
import { diagnostic, type Diagnostic } from '../errors.js';
import { benchmarkIndsatserWith } from '../lifecycle/benchmark/benchmark.js';
import type { BenchmarkRaekke, BenchmarkResult, MaalBenchmark } from '../lifecycle/benchmark/types.js';
import type { RuleRegistry } from '../rules/registry.js';
import { checkAndel } from './andel.js';
import { Expectations } from './expect.js';
import { checkMetodeTjek } from './metoder.js';
import { type ScenarioRun, usedKataloger, usedRuleSets } from './outcome.js';
import type { BenchmarkScenario } from './schema.js';

type MaalExpected = NonNullable<NonNullable<BenchmarkScenario['expected']['faellesMaal']>['1']>;

/**
 * Where a benchmark diagnostic about an indsats stands in the scenario: under its place
 * in `benchmark` (the first with its id, whose assessment the benchmark used); a
 * diagnostic without a pointer about a repeated id points at the repeat's id.
 */
function pointerOf(s: BenchmarkScenario, d: Diagnostic): string | undefined {
  if (d.id === undefined) return d.pointer;
  const at = s.benchmark.flatMap((indsats, i) => (indsats.id === d.id ? [i] : []));
  const first = at[0];
  const last = at[at.length - 1];
  if (first === undefined || last === undefined) return d.pointer;
  if (d.pointer !== undefined) return `/benchmark/${first}${d.pointer}`;
  return at.length > 1 ? `/benchmark/${last}/id` : `/benchmark/${first}`;
}

/** Every ranked row of the result, across the fælles mål and strategy mål. */
function allRows(r: BenchmarkResult): BenchmarkRaekke[] {
  return [...r.faellesMaal, ...r.strategiMaal].flatMap((m) => m.grupper.flatMap((g) => g.raekker));
}

function checkMaal(e: Expectations, rule: string, want: MaalExpected | undefined, m: MaalBenchmark): void {
  if (want === undefined) return;
  e.value(`${rule}.antalIndsatser`, want.antalIndsatser, m.antalIndsatser);
  const kurs = want.paaRetteKurs;
  if (kurs !== undefined) {
    e.value(`${rule}.paaRetteKurs.ja`, kurs.ja, m.paaRetteKurs.ja);
    e.value(`${rule}.paaRetteKurs.nej`, kurs.nej, m.paaRetteKurs.nej);
    e.value(`${rule}.paaRetteKurs.ukendt`, kurs.ukendt, m.paaRetteKurs.ukendt);
  }
  e.set(`${rule}.gaaetIStaa`, want.gaaetIStaa, m.gaaetIStaa);
  e.set(`${rule}.enheder`, want.enheder, m.grupper.map((g) => g.enhed));
  e.each(`${rule}.rangering`, want.rangering, (enhed) => m.grupper.find((g) => g.enhed === enhed), 'ingen indikatorer i den enhed på målet', (key, rows, group) => {
    const actual = group.raekker.map((row) => ({ indsats: row.indsatsId, indikator: row.indikatorId, rang: row.rang }));
    const same = rows.length === actual.length && rows.every((w, i) => actual[i]?.indsats === w.indsats && actual[i]?.indikator === w.indikator && (w.rang === undefined || actual[i]?.rang === w.rang));
    if (!same) e.fail(key, rows.map((w) => ({ indsats: w.indsats, indikator: w.indikator, ...(w.rang === undefined ? {} : { rang: w.rang }) })), actual);
  });
  e.each(`${rule}.bidrag`, want.bidrag, (id) => m.bidrag.find((b) => b.indsatsId === id), 'indsatsen arbejder ikke på målet', (key, w, b) => {
    e.value(`${key}.indikatorer`, w.indikatorer, b.indikatorer);
    e.value(`${key}.paaRetteKurs`, w.paaRetteKurs, b.paaRetteKurs);
    e.value(`${key}.gaaetIStaa`, w.gaaetIStaa, b.gaaetIStaa);
    e.value(`${key}.naaet`, w.naaet, b.naaet);
  });
}

/** Runs a benchmark scenario with the rules of `registry`. */
export function runBenchmarkScenario(s: BenchmarkScenario, registry: RuleRegistry): ScenarioRun {
  const r = benchmarkIndsatserWith(registry, s.benchmark, { asOf: s.asOf, ...(s.medAfsluttede !== undefined ? { medAfsluttede: s.medAfsluttede } : {}) });
  const e = new Expectations();
  const want = s.expected;
  const located = r.fejl.map((d) => {
    const pointer = pointerOf(s, d);
    return pointer === undefined ? d : diagnostic({ ...d, pointer });
  });
  const used = { used: usedRuleSets(registry, [r.ruleSet]), kataloger: usedKataloger(registry, r.indsatser.map((i) => i.metoder)), evaluations: [] };
  if (want.fejl === undefined) {
    const errors = located.filter((d) => d.severity === 'error');
    if (errors.length > 0) return { mismatches: [], errors, ...used };
  } else e.set('fejl', want.fejl, located.map((d) => d.pointer ?? ''));
  e.value('version', want.version, r.ruleSet.version);
  e.set('indsatser', want.indsatser, r.indsatser.map((i) => i.id));
  e.set('ikkeMed', want.ikkeMed, r.ikkeMed.map((i) => i.indsatsId));
  const rows = allRows(r);
  e.each('indikatorer', want.indikatorer, (id) => (r.indsatser.some((i) => i.id === id) ? id : undefined), 'indsatsen er ikke med i benchmarket', (indsatsKey, indikatorer, indsatsId) => {
    e.each(indsatsKey, indikatorer, (id) => rows.find((row) => row.indsatsId === indsatsId && row.indikatorId === id), 'ingen sådan indikator på indsatsens mål', (key, w, v) => {
      if (w.seneste !== undefined) e.decimalOrNull(`${key}.seneste`, w.seneste, v.seneste?.vaerdi ?? null);
      checkAndel(e, `${key}.fremdrift`, w.fremdrift, v.fremdrift);
      checkAndel(e, `${key}.fremdriftUcappet`, w.fremdriftUcappet, v.fremdriftUcappet);
      e.value(`${key}.naaet`, w.naaet, v.naaet);
      e.value(`${key}.ukendt`, w.ukendt, v.ukendt);
      checkAndel(e, `${key}.forventetFremdrift`, w.forventetFremdrift, v.forventetFremdrift);
      e.value(`${key}.paaRetteKurs`, w.paaRetteKurs, v.paaRetteKurs);
      e.value(`${key}.gaaetIStaa`, w.gaaetIStaa, v.gaaetIStaa);
      e.value(`${key}.tendens`, w.tendens, v.tendens.retning);
      if (w.tendensAendring !== undefined) e.decimalOrNull(`${key}.tendensAendring`, w.tendensAendring, v.tendens.aendring);
    });
  });
  e.each('faellesMaal', want.faellesMaal, (nr) => r.faellesMaal.find((m) => String(m.nr) === nr), 'intet sådant fælles mål', (key, w, m) => checkMaal(e, key, w, m));
  e.each('strategiMaal', want.strategiMaal, (nr) => r.strategiMaal.find((m) => String(m.nr) === nr), 'intet sådant strategimål', (key, w, m) => checkMaal(e, key, w, m));
  e.each('metoder', want.metoder, (id) => r.indsatser.find((i) => i.id === id), 'indsatsen er ikke med i benchmarket', (key, w, i) => checkMetodeTjek(e, key, w, i.metoder));
  return { mismatches: e.mismatches, errors: [], ...used };
}
