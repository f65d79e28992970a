/**
 * Financing as a what-if question: the rows of `financing`'s tables — each funder's
 * share and amount per year, each afdeling's part per funder and year, and each
 * afdeling's affordability now and without external financing — as named outcomes.
 * The affordability rows carry the rule evaluation of the 100 % case.
 */
import { AFFORDABILITY_RULE_SET } from '../../financing/affordability.js';
import { tryAllocateFinancingWith } from '../../financing/allocation.js';
import type { AllocateOptions, FinancingAllocation } from '../../financing/types.js';
import type { RuleRegistry } from '../../rules/registry.js';
import type { OutcomeDefinition, OutcomeValue, ProjectedAnswer, WhatIfQuestion, WhatIfRow } from '../types.js';

/** The plan's own options, applied on both sides (`disable` switches off affordability conditions on both). */
export type FinancingQuestionOptions = Omit<AllocateOptions, 'rules'>;

function definitions(a: FinancingAllocation): OutcomeDefinition[] {
  const years = (prefix: string, what: string) => a.aar.map((y) => ({ key: `${prefix}:${y}`, titel: `${what} ${y}`, kind: 'beloeb' as const }));
  return [
    { key: 'kilde:andel', titel: 'Finansieringskildens andel', kind: 'kategori', optaelles: false },
    ...years('kilde', 'Finansieringskildens beløb'),
    { key: 'kilde:total', titel: 'Finansieringskildens beløb i alt', kind: 'beloeb' },
    ...years('afdeling', 'Afdelingens del'),
    { key: 'afdeling:total', titel: 'Afdelingens del i alt', kind: 'beloeb' },
    // per-lejemål amounts and shares of the rent are compared row by row; a sum over afdelinger means nothing
    { key: 'nu:pr-lejemaal', titel: 'Udgift nu pr. lejemål pr. år', kind: 'beloeb', optaelles: false },
    { key: 'nu:for-hoej', titel: 'For høj udgift nu', kind: 'sandhed' },
    { key: 'uden:pr-lejemaal', titel: 'Udgift ved 100 % pr. lejemål pr. år', kind: 'beloeb', optaelles: false },
    { key: 'uden:pct-af-husleje', titel: 'Udgift ved 100 % i pct. af huslejen', kind: 'kategori', optaelles: false },
    { key: 'uden:for-hoej', titel: 'For høj udgift uden ekstern finansiering (stopparameter 5)', kind: 'sandhed' },
  ];
}

function perYear(prefix: string, years: readonly number[], amounts: readonly string[], total: string): Record<string, OutcomeValue> {
  const out: Record<string, OutcomeValue> = {};
  years.forEach((y, i) => {
    const v = amounts[i];
    if (v !== undefined) out[`${prefix}:${y}`] = v;
  });
  out[`${prefix}:total`] = total;
  return out;
}

function project(a: FinancingAllocation): WhatIfRow[] {
  const ruleSets = [a.scheme, ...(a.betalingsevne.ruleSet !== undefined ? [a.betalingsevne.ruleSet] : [])];
  const funders: WhatIfRow[] = a.funders.map((f) => ({
    key: `kilde:${f.id}`,
    id: f.id,
    navn: f.navn,
    outcomes: { 'kilde:andel': f.share, ...perYear('kilde', a.aar, f.perAar, f.total) },
    explanations: [],
    ruleSets,
  }));
  const parts: WhatIfRow[] = a.afdelingsfordeling.flatMap((t) =>
    t.rows.map((r) => ({ key: `fordeling:${t.funder}:${r.id}`, id: r.id, navn: `${r.navn} (${t.navn})`, outcomes: perYear('afdeling', a.aar, r.perAar, r.total), explanations: [], ruleSets })),
  );
  const affordability: WhatIfRow[] = a.betalingsevne.afdelinger.map((b) => {
    const outcomes: Record<string, OutcomeValue> = { 'nu:for-hoej': b.nu.forHoejUdgift, 'uden:for-hoej': b.udenEksternFinansiering.forHoejUdgift };
    if (b.nu.prLejemaalPrAar !== undefined) outcomes['nu:pr-lejemaal'] = b.nu.prLejemaalPrAar;
    if (b.udenEksternFinansiering.prLejemaalPrAar !== undefined) outcomes['uden:pr-lejemaal'] = b.udenEksternFinansiering.prLejemaalPrAar;
    if (b.udenEksternFinansiering.pctAfHusleje !== undefined) outcomes['uden:pct-af-husleje'] = b.udenEksternFinansiering.pctAfHusleje;
    return {
      key: `betalingsevne:${b.id}`,
      id: b.id,
      navn: `${b.navn} (betalingsevne)`,
      outcomes,
      explanations: b.evaluation !== undefined ? [{ evaluation: b.evaluation }] : [],
      ruleSets,
    };
  });
  return [...funders, ...parts, ...affordability];
}

/** `financing` as a what-if question over one plan's budget (as `tryAllocateFinancing` takes it). */
export function financingQuestion(budget: unknown, options: FinancingQuestionOptions, file?: string): WhatIfQuestion {
  return Object.freeze({
    command: 'financing' as const,
    ruleSetIds: () => [AFFORDABILITY_RULE_SET],
    parametersOutsideConditions: [],
    answer: (side: { readonly rules: RuleRegistry; readonly disable: readonly string[] }): ProjectedAnswer => {
      const disable = [...(options.disable ?? []), ...side.disable];
      const result = tryAllocateFinancingWith(side.rules, budget, { ...options, disable }, file);
      if (!result.ok) return { outcomes: [], rows: [], diagnostics: result.errors };
      return { outcomes: definitions(result.value), rows: project(result.value), diagnostics: [] };
    },
  });
}
