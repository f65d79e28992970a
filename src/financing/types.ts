/** Types of financing inputs and results. Every result the module returns is deeply frozen. */
import type { CompiledRuleSet, Evaluation, Funder, IsoDate, RuleSetInfo, Source, Truth } from '../engine/types.js';
import type { Envelope } from '../engine/envelope.js';
import type { IndsatsKind } from '../domain/indsats.js';
import type { RuleRegistry } from '../rules/registry.js';
import type { Periode } from './periode.js';

/** The fordelingsnøgler an afdeling share can be split by. */
export const FORDELINGSNOEGLER = ['lejemaal', 'lejemaalsaekvivalenter', 'boligareal', 'beboere', 'andel'] as const;
/** A fordelingsnøgle: antal lejemål, lejemålsækvivalenter, boligareal (m²), beboere, or fixed shares. */
export type Fordelingsnoegle = (typeof FORDELINGSNOEGLER)[number];

/** Danish names of the fordelingsnøgler. */
export const NOEGLE_NAVN: Readonly<Record<Fordelingsnoegle, string>> = Object.freeze({
  lejemaal: 'antal lejemål',
  lejemaalsaekvivalenter: 'lejemålsækvivalenter',
  boligareal: 'boligareal (m²)',
  beboere: 'antal beboere',
  andel: 'faste andele',
});

/**
 * The budget: a total over the period (split by calendar year in proportion to the
 * period's days in each year), or an amount per calendar year. Amounts in kroner as
 * decimal strings with at most two decimals ("12000000.00").
 */
export interface BudgetInput {
  readonly periode: Periode;
  /** The total; `undefined` counts as not given. */
  readonly total?: string | undefined;
  /** Calendar year ("2024") → amount; must name exactly the years the period touches. `undefined` counts as not given. */
  readonly perAar?: Readonly<Record<string, string>> | undefined;
}

/**
 * One participating afdeling with the figures the fordelingsnøgle and affordability read.
 * A figure that is `undefined` counts as not given (the plan reader lets it through so).
 */
export interface AfdelingInput {
  readonly id: string;
  readonly navn?: string | undefined;
  /** Antal lejemål (whole number). */
  readonly lejemaal?: number | undefined;
  /** Lejemålsækvivalenter, decimal string. */
  readonly lejemaalsaekvivalenter?: string | undefined;
  /** Boligareal in m², decimal string. */
  readonly boligareal?: string | undefined;
  /** Antal beboere (whole number). */
  readonly beboere?: number | undefined;
  /** Fixed share of the afdelinger's part, decimal string; the shares must sum to 1. */
  readonly andel?: string | undefined;
  /** The afdeling's total yearly rent (all lejemål), kroner as a decimal string. */
  readonly aarligHusleje?: string | undefined;
}

/** A funder named by the plan, for schemes whose funders are named per project. */
export interface FunderInput {
  readonly id: string;
  readonly navn: string;
  readonly share: string;
  readonly lokal: boolean;
  /** Whether its share is split between the afdelinger; `undefined` or absent: not split. */
  readonly afdelinger?: boolean | undefined;
}

/** Options of {@link allocateFinancing}. */
export interface AllocateOptions {
  /** The financing scheme: a rule-set id ("financing-helhedsplan-lbf-2019-2026") or a compiled rule set. */
  readonly scheme: string | CompiledRuleSet;
  /** The date that selects the scheme's version and the affordability rules. */
  readonly asOf: IsoDate;
  readonly afdelinger: readonly AfdelingInput[];
  /** How the afdelinger's part is split between them. */
  readonly key: Fordelingsnoegle;
  /** Shares that differ from the scheme's defaults, by funder id (decimal strings; all must sum to 1). */
  readonly funderShares?: Readonly<Record<string, string>>;
  /** The funders, for a scheme that names them per project (its own list is empty). */
  readonly funders?: readonly FunderInput[];
  /** The kind of indsats; checked against the scheme's indsats kinds when given. */
  readonly indsatsKind?: IndsatsKind;
  /** The rules; default the package's bundled rules. */
  readonly rules?: RuleRegistry;
  /** Conditions or rules of the affordability rule set to switch off (they count as not met), e.g. for a what-if. */
  readonly disable?: readonly string[];
}

/** One funder's row of the funder × year table. */
export interface FunderRow extends Omit<Funder, 'source'> {
  /** Per calendar year, aligned with {@link FinancingAllocation.aar}; kroner, two decimals. */
  readonly perAar: readonly string[];
  readonly total: string;
}

/** One afdeling's row of an afdeling × year table. */
export interface AfdelingRow {
  readonly id: string;
  readonly navn: string;
  /** The afdeling's value of the fordelingsnøgle (as given). */
  readonly noegleVaerdi: string;
  /** Its share of the key, rounded to six decimals for display (the split itself is exact). */
  readonly andel: string;
  readonly perAar: readonly string[];
  readonly total: string;
}

/** How one funder's share is split between the afdelinger, by year. */
export interface AfdelingsTabel {
  readonly funder: string;
  readonly navn: string;
  readonly rows: readonly AfdelingRow[];
  /** Column totals: equal to the funder's cells in the funder × year table. */
  readonly aarTotaler: readonly string[];
  readonly total: string;
}

/** Cost of the indsats for one afdeling in one situation (now, or without external financing). */
export interface Udgift {
  /** What the afdeling pays over the whole period, kroner. */
  readonly samlet: string;
  /** Average per year (the period's length in calendar-weighted years), kroner, to the øre. */
  readonly prAar: string;
  /** Per lejemål per year, kroner to the øre; absent without lejemål. */
  readonly prLejemaalPrAar?: string;
  /** Per year as a percentage of the yearly rent, two decimals; absent without the rent. */
  readonly pctAfHusleje?: string;
  /** "En for høj økonomisk udgift" by the affordability rule: true, false or null (unknown). */
  readonly forHoejUdgift: Truth;
}

/** Affordability of one afdeling: now, and if the afdelinger carried 100 %. */
export interface AfdelingBetalingsevne {
  readonly id: string;
  readonly navn: string;
  readonly lejemaal?: number;
  readonly aarligHusleje?: string;
  readonly nu: Udgift;
  readonly udenEksternFinansiering: Udgift;
  /** The rule evaluation for the 100 % case (the input to stop parameter 5), when the rule set was found. */
  readonly evaluation?: Evaluation;
  /** A Danish sentence summing up the comparison. */
  readonly forklaring: string;
}

/** The affordability part of a result. */
export interface Betalingsevne {
  /** The affordability rule set used, when found. */
  readonly ruleSet?: RuleSetInfo;
  /** Its thresholds, as written in the rule file. */
  readonly graenser: readonly { readonly parameter: string; readonly value: string; readonly unit: string; readonly description: string; readonly status?: string }[];
  /** The period's length in calendar-weighted years, to four decimals. */
  readonly periodeAar: string;
  readonly afdelinger: readonly AfdelingBetalingsevne[];
}

/**
 * The result of {@link allocateFinancing}: exact to the øre, adding up both ways,
 * explained, in the envelope every answer carries (`ruleSets`: the scheme, then the
 * affordability rule set; `outcomes`: the affordability rule per afdeling, `subject` its
 * id; `evaluations`, not serialised, the trees under `betalingsevne.afdelinger[].evaluation`).
 */
export interface FinancingAllocation extends Envelope {
  readonly scheme: RuleSetInfo;
  readonly schemeSources: readonly Source[];
  readonly schemeNotes: readonly string[];
  readonly maxDurationMonths: number;
  readonly asOf: IsoDate;
  readonly periode: Periode;
  /** The calendar years of the period, in order; every `perAar` array is aligned with it. */
  readonly aar: readonly number[];
  /** Days of the period in each year (aligned with `aar`). */
  readonly dagePrAar: readonly number[];
  readonly budgetType: 'total' | 'pr-aar';
  /** The whole budget, kroner, two decimals. */
  readonly budget: string;
  readonly noegle: Fordelingsnoegle;
  readonly funders: readonly FunderRow[];
  /** Year totals, aligned with `aar`. */
  readonly aarTotaler: readonly string[];
  readonly afdelingsfordeling: readonly AfdelingsTabel[];
  readonly betalingsevne: Betalingsevne;
  readonly afrunding: { readonly metode: string; readonly forklaring: string };
  /** How the figures were found, in Danish, one sentence a line. */
  readonly forklaring: readonly string[];
}
