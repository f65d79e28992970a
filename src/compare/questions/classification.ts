/**
 * Classification and forecast as what-if questions: one row per boligområde and list
 * (`classify`) or per forecast boligområde (`forecast`), with each category the law
 * version defines and whether the answer depends on the non-western criterion — every
 * outcome the commands report. The rows are always explained (classification is).
 */
import { classifyBoligomraaderWith, type BatchOptions } from '../../classification/batch.js';
import { CLASSIFICATION_RULE_SET, INFRASTRUKTUR_RULE_SET } from '../../classification/classify.js';
import { forecastBoligomraaderWith, type ForecastOptions } from '../../classification/forecast.js';
import type { HistorikAar } from '../../classification/input.js';
import { KATEGORIER, type Klassifikation } from '../../classification/types.js';
import type { Diagnostic } from '../../errors.js';
import type { RuleRegistry } from '../../rules/registry.js';
import type { OutcomeDefinition, OutcomeValue, ProjectedAnswer, RowExplanation, WhatIfQuestion, WhatIfRow } from '../types.js';

const RULE_SETS = [CLASSIFICATION_RULE_SET, INFRASTRUKTUR_RULE_SET] as const;

/** The history window and the forebyggelse switch are read by the classification itself. */
const OUTSIDE_CONDITIONS = ['minAarIRaekke', 'forebyggelseUdelukkerUdsatte'] as const;

const AFHAENGER = { key: 'afhaenger-ikke-vestlig', titel: 'Afhænger af ikke-vestlig-kriteriet', kind: 'sandhed' } as const satisfies OutcomeDefinition;

/** The outcome definitions of classified rows: each category under the names its versions use ("ghettoområde/parallelsamfund"). */
function definitions(klassifikationer: readonly Klassifikation[]): OutcomeDefinition[] {
  const names = new Map<string, string[]>();
  for (const k of klassifikationer) {
    for (const kategori of KATEGORIER) {
      const r = k.kategorier[kategori];
      if (r === undefined) continue;
      const list = names.get(kategori) ?? [];
      if (!list.includes(r.navn)) list.push(r.navn);
      names.set(kategori, list);
    }
  }
  const out: OutcomeDefinition[] = [];
  for (const kategori of KATEGORIER) {
    const list = names.get(kategori);
    if (list !== undefined) out.push({ key: `kategori:${kategori}`, titel: list.join('/'), kind: 'sandhed' });
  }
  return [...out, AFHAENGER];
}

/**
 * The explanations of the earlier lists a row's history computed from figures, found
 * among the classified rows of the same area; `complete` is false when one is not there
 * (its figures came from elsewhere).
 */
function historyExplanations(k: Klassifikation, earlier: ReadonlyMap<string, Klassifikation>): { explanations: RowExplanation[]; complete: boolean } {
  const explanations: RowExplanation[] = [];
  let complete = true;
  for (const a of k.historik?.aar ?? []) {
    if (a.kilde !== 'beregnet') continue;
    const row = a.listedato !== undefined ? earlier.get(`${k.id}@${a.listedato}`) : undefined;
    const evaluation = row?.evaluations.find((e) => e.ruleSet.id === CLASSIFICATION_RULE_SET);
    if (evaluation === undefined) complete = false;
    else explanations.push({ label: `historik ${a.aar}`, evaluation });
  }
  return { explanations, complete };
}

function project(k: Klassifikation, key: string, earlier: ReadonlyMap<string, Klassifikation> = new Map()): WhatIfRow {
  const outcomes: Record<string, OutcomeValue> = {};
  for (const kategori of KATEGORIER) {
    const r = k.kategorier[kategori];
    if (r !== undefined) outcomes[`kategori:${kategori}`] = r.outcome;
  }
  outcomes[AFHAENGER.key] = k.afhaengerAfIkkeVestlig;
  const history = historyExplanations(k, earlier);
  return {
    key,
    id: k.id,
    listedato: k.listedato,
    ...(k.navn !== undefined ? { navn: k.navn } : {}),
    outcomes,
    explanations: [...k.evaluations.map((evaluation) => ({ evaluation })), ...history.explanations],
    ruleSets: k.ruleSets,
    ...(history.complete ? {} : { fullyExplained: false as const }),
  };
}

function field(row: unknown, name: string): string | undefined {
  return typeof row === 'object' && row !== null && typeof (row as Record<string, unknown>)[name] === 'string' ? ((row as Record<string, unknown>)[name] as string) : undefined;
}

/** Side: rules and the names to switch off. */
type Side = { readonly rules: RuleRegistry; readonly disable: readonly string[] };

/**
 * `classify` as a what-if question over list rows (as {@link classifyBoligomraader} takes
 * them; earlier rows of an id are its history). A row's key is `<id>@<listedato>`.
 */
export function classificationQuestion(rows: readonly unknown[], options: Omit<BatchOptions, 'rules'> = {}): WhatIfQuestion {
  return Object.freeze({
    command: 'classify' as const,
    ruleSetIds: () => RULE_SETS,
    parametersOutsideConditions: OUTSIDE_CONDITIONS,
    answer: (side: Side, mode: { readonly only?: ReadonlySet<string> }): ProjectedAnswer => {
      const only = mode.only;
      // a subset keeps every row of the ids it names: earlier rows are the history of later ones
      const input = only === undefined ? rows : rows.filter((r) => only.has(field(r, 'id')?.trim() ?? ''));
      const batch = classifyBoligomraaderWith(side.rules, input, { ...options, disable: [...(options.disable ?? []), ...side.disable] });
      const classified = new Map(batch.flatMap((b) => (b.ok ? [[`${b.klassifikation.id}@${b.klassifikation.listedato}`, b.klassifikation] as const] : [])));
      const out: WhatIfRow[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const b of batch) {
        if (b.ok) out.push(project(b.klassifikation, `${b.klassifikation.id}@${b.klassifikation.listedato}`, classified));
        else diagnostics.push(...b.errors);
      }
      return { outcomes: definitions(batch.flatMap((b) => (b.ok ? [b.klassifikation] : []))), rows: out, diagnostics };
    },
  });
}

/** The forecast's own options, applied on both sides. */
export interface ForecastQuestionOptions extends Omit<ForecastOptions, 'rules' | 'history'> {
  /** Earlier lists per boligområde id. */
  readonly history?: Readonly<Record<string, readonly HistorikAar[]>>;
}

/** `forecast` as a what-if question over afdelinger (as {@link forecastBoligomraader} takes them); one row per boligområde. */
export function forecastQuestion(afdelinger: readonly unknown[], options: ForecastQuestionOptions): WhatIfQuestion {
  return Object.freeze({
    command: 'forecast' as const,
    ruleSetIds: () => RULE_SETS,
    parametersOutsideConditions: OUTSIDE_CONDITIONS,
    answer: (side: Side, mode: { readonly only?: ReadonlySet<string> }): ProjectedAnswer => {
      const only = mode.only;
      const input = only === undefined ? afdelinger : afdelinger.filter((a) => only.has(field(a, 'boligomraade')?.trim() ?? ''));
      const result = forecastBoligomraaderWith(side.rules, input, { ...options, disable: [...(options.disable ?? []), ...side.disable] });
      const prognoser = [...result.prognoser].sort((a, b) => a.boligomraade.localeCompare(b.boligomraade));
      return {
        outcomes: definitions(prognoser.map((p) => p.klassifikation)),
        rows: prognoser.map((p) => project(p.klassifikation, p.boligomraade)),
        diagnostics: result.errors,
      };
    },
  });
}
