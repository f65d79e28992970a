/**
 * The lifecycle as a what-if question: one row per indsats with its state, whether it
 * may start and each start parameter, the five stop parameters, the recommendation and
 * the decisions due — every outcome `lifecycle` reports. Rows are always explained.
 */
import { ANBEFALING_NAVN, LIFECYCLE_RULE_SET, type Vurdering } from '../../lifecycle/assess.js';
import { reviewIndsatserWith, type IndsatsReview } from '../../lifecycle/review.js';
import { LIFECYCLE_PARAMETER_NAMES } from '../../lifecycle/parameters.js';
import type { Indsats } from '../../lifecycle/schema.js';
import { TILSTAND_NAVN } from '../../lifecycle/state.js';
import { formatDato } from '../../format/danish.js';
import type { IsoDate, Truth } from '../../engine/types.js';
import type { RuleRegistry } from '../../rules/registry.js';
import type { OutcomeDefinition, OutcomeValue, ProjectedAnswer, WhatIfQuestion, WhatIfRow } from '../types.js';

/** The lifecycle's own options, applied on both sides. */
export interface LifecycleQuestionOptions {
  readonly asOf: IsoDate;
  /** Months ahead that a decision counts as due (default 12). */
  readonly horizonMonths?: number;
  /** Switched off on both sides. */
  readonly disable?: readonly string[];
}

function truth(v: Vurdering): Truth {
  if (v === 'ukendt') return null;
  return v === 'opfyldt';
}

const ANBEFALING_VAERDIER: Readonly<Record<string, string>> = Object.freeze({ ...ANBEFALING_NAVN, ingen: 'ingen (ikke i gang)' });

function definitions(reviews: readonly IndsatsReview[]): OutcomeDefinition[] {
  const first = reviews[0]?.assessment;
  return [
    { key: 'tilstand', titel: 'Tilstand', kind: 'kategori', vaerdinavne: TILSTAND_NAVN },
    { key: 'kan-starte', titel: 'Kan starte', kind: 'sandhed' },
    ...(first?.start ?? []).map((s) => ({ key: `start:${s.condition}`, titel: `Start: ${s.titel}`, kind: 'sandhed' as const })),
    ...(first?.stop ?? []).map((s) => ({ key: `stop:${s.parameter}`, titel: `Stopparameter ${s.nr}: ${s.titel.replace(/^\d+\.\s*/, '')}`, kind: 'sandhed' as const })),
    { key: 'anbefaling', titel: 'Anbefaling', kind: 'kategori', vaerdinavne: ANBEFALING_VAERDIER },
    { key: 'frister', titel: 'Beslutninger der forfalder', kind: 'kategori', optaelles: false },
  ];
}

function project(r: IndsatsReview): WhatIfRow {
  const a = r.assessment;
  const outcomes: Record<string, OutcomeValue> = {
    tilstand: a.status.tilstand,
    'kan-starte': truth(a.kanStarte),
  };
  for (const s of a.start) outcomes[`start:${s.condition}`] = truth(s.resultat);
  for (const s of a.stop) outcomes[`stop:${s.parameter}`] = truth(s.resultat);
  outcomes.anbefaling = a.anbefaling?.anbefaling ?? 'ingen';
  outcomes.frister = a.frister.length === 0 ? 'ingen' : a.frister.map((f) => `${f.titel} ${formatDato(f.dato)}`).join('; ');
  return { key: r.indsats.id, id: r.indsats.id, navn: r.indsats.navn, outcomes, explanations: [{ evaluation: a.evaluation }], ruleSets: [a.evaluation.ruleSet] };
}

/** `lifecycle` as a what-if question over parsed indsatser (as {@link reviewIndsatser} takes them). */
export function lifecycleQuestion(indsatser: readonly Indsats[], options: LifecycleQuestionOptions): WhatIfQuestion {
  return Object.freeze({
    command: 'lifecycle' as const,
    ruleSetIds: () => [LIFECYCLE_RULE_SET],
    // deadlines and figures are computed with these (see lifecycleParameters and assessIndsats)
    parametersOutsideConditions: [...LIFECYCLE_PARAMETER_NAMES, 'minAndelIndikatorerPaaMaal'],
    answer: (side: { readonly rules: RuleRegistry; readonly disable: readonly string[] }, mode: { readonly only?: ReadonlySet<string> }): ProjectedAnswer => {
      const only = mode.only;
      const input = only === undefined ? indsatser : indsatser.filter((i) => only.has(i.id));
      const disable = [...(options.disable ?? []), ...side.disable];
      const review = reviewIndsatserWith(side.rules, input, { asOf: options.asOf, ...(options.horizonMonths !== undefined ? { horizonMonths: options.horizonMonths } : {}), ...(disable.length > 0 ? { disable } : {}) });
      const rows = [...review.indsatser].sort((x, y) => (x.indsats.id < y.indsats.id ? -1 : Number(x.indsats.id > y.indsats.id)));
      return { outcomes: definitions(rows), rows: rows.map(project), diagnostics: review.fejl };
    },
  });
}
