/**
 * Screening as a what-if question: one row per afdeling with its indicators, its
 * recommendations, its conclusion and what changed since the previous period — every
 * outcome `screen` reports. Explained rows carry the current period's evaluation and,
 * when there is one, the previous period's (whose flags the change column compares with).
 */
import type { CompiledRuleSet, IsoDate } from '../../engine/types.js';
import { formatDato } from '../../format/danish.js';
import type { RuleRegistry } from '../../rules/registry.js';
import { formatMovedIndicators } from '../../screening/format.js';
import { ANBEFALING_NAVN, screeningMeta } from '../../screening/rule-meta.js';
import { createParameterExplainer } from '../../engine/evaluate.js';
import { decidedOutcomesOf, movedIndicatorsOf, screenedFactsOf } from '../../screening/result.js';
import { type BoligomraadeStatusMap, screenAfdelingWith, screenEachWith } from '../../screening/screen.js';
import type { ScreeningResult } from '../../screening/types.js';
import type { OutcomeDefinition, OutcomeValue, ParameterFigureGroup, ProjectedAnswer, RowExplanation, RowParameterFigures, WhatIfQuestion, WhatIfRow } from '../types.js';

/** The screening's own options, applied on both sides. */
export interface ScreeningQuestionOptions {
  readonly asOf: IsoDate;
  readonly boligomraadeStatus?: BoligomraadeStatusMap;
  /** Switched off on both sides. */
  readonly disable?: readonly string[];
}

/** The rule set screening reads. */
const SCREENING = 'screening';

const KONKLUSION_NAVN: Readonly<Record<string, string>> = Object.freeze({ indsats: 'indsats', 'ingen-saerlig-indsats': 'ingen særlig indsats', ukendt: 'ukendt' });

/** The outcomes of a screening under the rules in force on `asOf`. */
function definitions(rules: RuleRegistry, asOf: IsoDate): OutcomeDefinition[] {
  const meta = screeningMeta(rules.inForce(SCREENING, asOf));
  return [
    ...meta.indikatorer.map((m) => ({ key: `indikator:${m.id}`, titel: m.titel, kind: 'sandhed' as const })),
    ...meta.anbefalinger.map((m) => ({ key: `anbefaling:${m.kind}`, titel: `Anbefalet: ${ANBEFALING_NAVN[m.kind]}`, kind: 'sandhed' as const })),
    { key: 'konklusion', titel: 'Konklusion', kind: 'kategori', vaerdinavne: KONKLUSION_NAVN },
    { key: 'siden-forrige', titel: 'Siden forrige screening', kind: 'kategori', optaelles: false },
  ];
}

/** The row keys of a rule set's indicators and recommendations, with the rule each is the outcome of. */
interface OutcomeKeys {
  readonly keys: readonly string[];
  readonly ruleIndex: readonly number[];
}

const keysByRuleSet = new WeakMap<CompiledRuleSet, OutcomeKeys>();

function outcomeKeysOf(ruleSet: CompiledRuleSet): OutcomeKeys {
  let hit = keysByRuleSet.get(ruleSet);
  if (hit === undefined) {
    const meta = screeningMeta(ruleSet);
    const parts = [...meta.indikatorer.map((m) => [`indikator:${m.id}`, m.ruleIndex] as const), ...meta.anbefalinger.map((m) => [`anbefaling:${m.kind}`, m.ruleIndex] as const)];
    hit = Object.freeze({ keys: parts.map(([k]) => k), ruleIndex: parts.map(([, i]) => i) });
    keysByRuleSet.set(ruleSet, hit);
  }
  return hit;
}

/** A result as a row: its indicators' and recommendations' outcomes (read from what it decided, as `indikatorer` and `anbefalinger` give them), conclusion and change column (from the indicators that moved, as `aendringer` lists them). */
function project(r: ScreeningResult, keys: OutcomeKeys, explanations: readonly RowExplanation[]): WhatIfRow {
  const outcomes: Record<string, OutcomeValue> = {};
  const decided = decidedOutcomesOf(r);
  for (let i = 0; i < keys.keys.length; i++) outcomes[keys.keys[i] as string] = decided[keys.ruleIndex[i] as number] ?? null;
  outcomes.konklusion = r.konklusion;
  outcomes['siden-forrige'] = formatMovedIndicators(movedIndicatorsOf(r));
  return { key: r.afdeling.id, id: r.afdeling.id, navn: r.afdeling.navn, outcomes, explanations, ruleSets: [r.ruleSet] };
}

function idOf(afdeling: unknown): string | undefined {
  return typeof afdeling === 'object' && afdeling !== null && typeof (afdeling as { id?: unknown }).id === 'string' ? (afdeling as { id: string }).id : undefined;
}

/**
 * `screen` as a what-if question over `afdelinger` (as `screenAfdelinger` takes them).
 *
 * @example
 * compareQuestion(screeningQuestion(afdelinger, { asOf: '2024-12-01' }), { after: { disable: ['utryghed'] } });
 */
export function screeningQuestion(afdelinger: readonly unknown[], options: ScreeningQuestionOptions): WhatIfQuestion {
  const byId = new Map<string, unknown>();
  // where each id stands in the input: a sweep answers one afdeling at a time, and must not scan them all each time
  const positions = new Map<string, number[]>();
  afdelinger.forEach((a, i) => {
    const id = idOf(a);
    if (id === undefined) return;
    if (!byId.has(id)) byId.set(id, a);
    const at = positions.get(id);
    if (at === undefined) positions.set(id, [i]);
    else at.push(i);
  });
  /** The afdelinger with one of `only`'s ids, in input order (as filtering the input gives them). */
  const selected = (only: ReadonlySet<string>): unknown[] =>
    [...only]
      .flatMap((id) => positions.get(id) ?? [])
      .sort((x, y) => x - y)
      .map((i) => afdelinger[i]);
  /** The screening's options on one side: the question's own, with the side's rules and switched-off names. */
  const screenOptionsFor = (side: { readonly rules: RuleRegistry; readonly disable: readonly string[] }) => {
    const disable = [...(options.disable ?? []), ...side.disable];
    return {
      asOf: options.asOf,
      rules: side.rules,
      ...(options.boligomraadeStatus !== undefined ? { boligomraadeStatus: options.boligomraadeStatus } : {}),
      ...(disable.length > 0 ? { disable } : {}),
    };
  };
  return Object.freeze({
    command: 'screen' as const,
    ruleSetIds: () => [SCREENING],
    // decides when the tryghed survey has answers enough: it changes a figure, not a threshold
    parametersOutsideConditions: ['minTryghedRespondenter'],
    answer: (side: { readonly rules: RuleRegistry; readonly disable: readonly string[] }, mode: { readonly explain: boolean; readonly only?: ReadonlySet<string> }): ProjectedAnswer => {
      const screenOptions = screenOptionsFor(side);
      const only = mode.only;
      const input = only === undefined ? afdelinger : selected(only);
      const ruleSet = side.rules.inForce(SCREENING, options.asOf);
      const keys = outcomeKeysOf(ruleSet);
      // each result projected as it is made, and let go: only its row is kept
      const rows: WhatIfRow[] = [];
      const projectOne = (r: ScreeningResult): WhatIfRow => {
        if (r.evaluation === undefined) return project(r, keys, []);
        const explanations: RowExplanation[] = [{ evaluation: r.evaluation }];
        const previous = r.aendringer.forrigePeriode;
        const raw = byId.get(r.afdeling.id);
        if (previous !== undefined && raw !== undefined) {
          // the previous period screened on its own, with the same rules: the flags the change column compares with
          const prev = screenAfdelingWith(side.rules, raw, { ...screenOptions, asOf: previous, ruleSet, explain: true });
          if (prev.evaluation !== undefined) explanations.push({ label: `forrige periode ${formatDato(previous)}`, evaluation: prev.evaluation });
        }
        return project(r, keys, explanations);
      };
      const diagnostics = screenEachWith(side.rules, input, { ...screenOptions, explain: mode.explain }, (r) => {
        rows.push(projectOne(r));
      });
      return { outcomes: definitions(side.rules, options.asOf), rows, diagnostics };
    },
    // the leaves an explained answer's two evaluations hold for the parameter (current period, and the previous one as `answer` labels it), from the facts each was decided on
    parameterFigures: (side: { readonly rules: RuleRegistry; readonly disable: readonly string[] }, ruleSetId: string, parameter: string): readonly RowParameterFigures[] => {
      const screenOptions = screenOptionsFor(side);
      const ruleSet = side.rules.inForce(SCREENING, options.asOf);
      const explain = ruleSetId === SCREENING ? createParameterExplainer(ruleSet, parameter, screenOptions.disable !== undefined ? { disable: screenOptions.disable } : {}) : undefined;
      const rows: RowParameterFigures[] = [];
      screenEachWith(side.rules, afdelinger, { ...screenOptions, explain: false }, (r) => {
        if (explain === undefined) {
          rows.push({ key: r.afdeling.id, groups: [] });
          return;
        }
        const facts = screenedFactsOf(r);
        const groups: ParameterFigureGroup[] = [{ ruleSet: ruleSet.info, leaves: explain(facts.current) }];
        if (facts.previous !== undefined) groups.push({ label: `forrige periode ${formatDato(facts.previous.periode)}`, ruleSet: ruleSet.info, leaves: explain(facts.previous.facts) });
        rows.push({ key: r.afdeling.id, groups });
      });
      return rows;
    },
  });
}
