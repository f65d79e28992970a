/**
 * What the engine compiles: a rule set as the loader hands it over after every check.
 * The engine owns this interface; the loader's file schema (`src/rules/schema.ts`)
 * produces values of it, so the engine never imports the loader.
 */
import type { IndsatsKind } from '../domain/indsats.js';
import type { ConditionInput } from './grammar.js';

/** A source reference as written in a rule file. */
export interface SourceDefinition {
  readonly reference: string;
  readonly url?: string | undefined;
  readonly note?: string | undefined;
}

/** A named parameter as written in a rule file. */
export interface ParameterDefinition {
  readonly value: number | string | boolean | readonly (number | string | boolean)[];
  readonly unit: string;
  readonly description: string;
  readonly source?: SourceDefinition | undefined;
  readonly status?: 'bekræftet' | 'ubekræftet' | 'fsb-politik' | undefined;
}

/** A named condition as written in a rule file. */
export interface NamedConditionDefinition {
  readonly title: string;
  readonly description?: string | undefined;
  readonly source?: SourceDefinition | undefined;
  readonly condition: ConditionInput;
}

/** A rule as written in a rule file; `event.params` as its domain validated them. */
export interface RuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly source?: SourceDefinition | undefined;
  readonly priority?: number | undefined;
  readonly conditions: ConditionInput;
  readonly event: { readonly type: string; readonly params?: Readonly<Record<string, unknown>> | undefined };
}

/** A funder of a financing scheme as written in a rule file. */
export interface FunderDefinition {
  readonly id: string;
  readonly navn: string;
  readonly share: string;
  readonly lokal: boolean;
  readonly afdelinger?: boolean | undefined;
  readonly description?: string | undefined;
  readonly source?: SourceDefinition | undefined;
}

/** A rule set that has passed every check of the loader, ready to compile. */
export interface RuleSetDefinition {
  readonly id: string;
  readonly domain: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly effective: { readonly from: string; readonly to?: string | undefined };
  readonly source: SourceDefinition | readonly SourceDefinition[];
  readonly notes?: readonly string[] | undefined;
  readonly parameters?: Readonly<Record<string, ParameterDefinition>> | undefined;
  readonly conditions?: Readonly<Record<string, NamedConditionDefinition>> | undefined;
  readonly rules: readonly RuleDefinition[];
  readonly financing?:
    | {
        readonly indsatsKinds: readonly IndsatsKind[];
        readonly maxDurationMonths: number;
        readonly funders: readonly FunderDefinition[];
      }
    | undefined;
}
