/**
 * What a domain reads from its rule files besides conditions, declared to the loader:
 * its fact catalogue, the params of each event type, the parameters it requires (name,
 * type, unit) and the rules it reads by id. The loader checks every rule file against
 * the declaration of its `domain`, so that what `validate` passes, every domain loads;
 * the domain then reads its event params and parameters through the declaration,
 * already validated and typed.
 *
 * Declarations are given to the loader (never looked up in a closed global list), so a
 * service or a test can load rule files of its own domain next to the shipped ones.
 */
import type { z } from 'zod';
import type { FactDefinition } from '../domain/fact-types.js';
import type { RuleSetDefinition } from '../engine/definition.js';
import type { CompiledRuleSet, RuleInfo } from '../engine/types.js';
import { BoligsocialError, type DiagnosticCode } from '../errors.js';
import type { JsonPath } from './json-document.js';

/** The type of a parameter a domain reads outside the conditions. */
export type DeclaredParameterType = 'integer' | 'decimal' | 'boolean' | 'string' | 'string[]';

/** The value a declared parameter of each type has once loaded. */
export interface DeclaredParameterValues {
  /** A whole JSON number. */
  readonly integer: number;
  /** A decimal string ("0.25"), as shares are written. */
  readonly decimal: string;
  readonly boolean: boolean;
  readonly string: string;
  readonly 'string[]': readonly string[];
}

/** A parameter a domain reads from its rule files outside the conditions. */
export interface ParameterDeclaration<T extends DeclaredParameterType = DeclaredParameterType> {
  readonly type: T;
  /** The unit the domain reads it in, in Danish; the file must state the same unit. */
  readonly unit: string;
  /** What the domain uses it for, in Danish (the editor shows it). */
  readonly description: string;
  /** Whether every rule file of the domain must define it. */
  readonly required: boolean;
  /** For `integer`: the smallest value allowed. */
  readonly min?: number;
}

/** An event type of a domain: what it means and the schema of its `params`. */
export interface EventDeclaration<S extends z.ZodType | undefined = z.ZodType | undefined> {
  /** What a rule with this event is, in Danish (the editor shows it). */
  readonly description: string;
  /** The schema of `event.params`; `undefined`: the event takes no params. */
  readonly params: S;
}

/** A rule a domain reads by id: every rule file of the domain (or of one rule-set id) must have it, with this event type. */
export interface RuleRequirement {
  readonly id: string;
  readonly eventType: string;
  /** Only rule files with this rule-set id must have it; absent: every file of the domain. */
  readonly ruleSet?: string;
}

/** Reports one fault found by a domain's own check, at a place in the file. */
export type DomainReport = (code: DiagnosticCode, path: JsonPath, message: string, hint: string) => void;

/**
 * A domain's own check of a rule file, for what the declarative parts cannot say (one
 * parameter required only when a certain rule exists, ids that must be unique). It sees
 * the file with its event params already validated.
 */
export type DomainCheck = (file: RuleSetDefinition, report: DomainReport) => void;

/** The event types a declaration may name. */
export type EventDeclarations = Readonly<Record<string, EventDeclaration>>;
/** The parameters a declaration may name. */
export type ParameterDeclarations = Readonly<Record<string, ParameterDeclaration>>;

/** The validated params of an event of declaration `D`. */
export type EventParams<D extends EventDeclaration> = D['params'] extends z.ZodType ? z.output<D['params']> : undefined;

/** The value of a declared parameter once loaded: absent only when it is optional. */
export type ParameterValue<D extends ParameterDeclaration> = D['required'] extends true
  ? DeclaredParameterValues[D['type']]
  : DeclaredParameterValues[D['type']] | undefined;

/** What {@link defineRuleDomain} is given. */
export interface RuleDomainSpec<E extends EventDeclarations, O extends EventDeclaration | undefined, P extends ParameterDeclarations> {
  /** The value of `domain` in the domain's rule files. */
  readonly name: string;
  /** What the domain's rule sets answer, in Danish (the editor shows it). */
  readonly title: string;
  /** Every fact the domain's conditions may name. */
  readonly facts: readonly FactDefinition[];
  /** The event types the domain reads, by type. */
  readonly events: E;
  /** The declaration of every event type not in `events`; absent: other types are an error. */
  readonly otherEvents?: O;
  /** The parameters the domain reads outside the conditions. */
  readonly parameters: P;
  /** The rules the domain reads by id. */
  readonly rules?: readonly RuleRequirement[];
  /** Whether the domain's files may have a `financing` section (a financing scheme); default false. */
  readonly financingSection?: boolean;
  readonly check?: DomainCheck;
}

/** A domain's declaration: what the loader checks its rule files against, and how the domain reads them typed. */
export interface RuleDomain<
  E extends EventDeclarations = EventDeclarations,
  O extends EventDeclaration | undefined = EventDeclaration | undefined,
  P extends ParameterDeclarations = ParameterDeclarations,
> {
  readonly name: string;
  readonly title: string;
  /** The fact catalogue, by name. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly events: E;
  readonly otherEvents: O;
  readonly parameters: P;
  readonly rules: readonly RuleRequirement[];
  readonly financingSection: boolean;
  readonly check: DomainCheck | undefined;
  /**
   * The params of `rule`'s event if its type is `type`, as the loader validated them;
   * undefined for a rule of another type.
   * @throws BoligsocialError `unknown-rule-set` if `ruleSet` was not loaded under this declaration.
   */
  eventParams<T extends keyof E & string>(ruleSet: CompiledRuleSet, rule: RuleInfo, type: T): EventParams<E[T]> | undefined;
  /**
   * The params of the event of rule `ruleId`, which the declaration's `rules` require to
   * have an event of type `type` (so the loader has made sure it is there).
   * @throws BoligsocialError `unknown-rule-set` if `ruleSet` was not loaded under this declaration,
   *   or the rule is not there with that type (it is not among the declaration's required rules).
   */
  requiredEventParams<T extends keyof E & string>(ruleSet: CompiledRuleSet, ruleId: string, type: T): EventParams<E[T]>;
  /**
   * The params of `rule`'s event when its type is not one of `events` (it fell under `otherEvents`).
   * @throws BoligsocialError `unknown-rule-set` if `ruleSet` was not loaded under this declaration.
   */
  otherEventParams(ruleSet: CompiledRuleSet, rule: RuleInfo): (O extends EventDeclaration ? EventParams<O> : never) | undefined;
  /**
   * A declared parameter's value, of its declared type.
   * @throws BoligsocialError `unknown-rule-set` if `ruleSet` was not loaded under this declaration.
   */
  parameter<N extends keyof P & string>(ruleSet: CompiledRuleSet, name: N): ParameterValue<P[N]>;
}

/** The declaration each compiled rule set was loaded under (recorded by the loader). */
const loadedUnder = new WeakMap<CompiledRuleSet, RuleDomain>();

/** Records that the loader checked `ruleSet` against `domain` (the loader calls it). */
export function recordLoadedUnder(ruleSet: CompiledRuleSet, domain: RuleDomain): void {
  loadedUnder.set(ruleSet, domain);
}

/** The declaration a compiled rule set was loaded under, if this package's loader loaded it. */
export function declarationOf(ruleSet: CompiledRuleSet): RuleDomain | undefined {
  return loadedUnder.get(ruleSet);
}

/**
 * Declares a domain to the loader.
 * @example
 * const screeningRules = defineRuleDomain({
 *   name: 'screening', title: 'Screening af afdelinger', facts: screeningFacts,
 *   events: { indikator: { description: 'Et problemindikator', params: indikatorParams } },
 *   parameters: { minTryghedRespondenter: { type: 'integer', unit: 'besvarelser', description: '…', required: false, min: 1 } },
 * });
 * screeningRules.eventParams(ruleSet, rule, 'indikator')?.social; // boolean
 */
export function defineRuleDomain<const E extends EventDeclarations, const P extends ParameterDeclarations, const O extends EventDeclaration | undefined = undefined>(
  spec: RuleDomainSpec<E, O, P>,
): RuleDomain<E, O, P> {
  const facts = new Map<string, FactDefinition>();
  for (const f of spec.facts) {
    if (facts.has(f.name)) throw new Error(`domain ${spec.name}: duplicate fact ${f.name}`);
    facts.set(f.name, Object.freeze({ ...f }));
  }
  const domain: RuleDomain<E, O, P> = {
    name: spec.name,
    title: spec.title,
    facts,
    events: spec.events,
    otherEvents: spec.otherEvents as O,
    parameters: spec.parameters,
    rules: Object.freeze([...(spec.rules ?? [])]),
    financingSection: spec.financingSection ?? false,
    check: spec.check,
    eventParams(ruleSet, rule, type) {
      assertLoadedUnder(ruleSet, domain);
      return (rule.event.type === type ? rule.event.params : undefined) as never;
    },
    requiredEventParams(ruleSet, ruleId, type) {
      assertLoadedUnder(ruleSet, domain);
      const rule = ruleSet.rules.find((r) => r.id === ruleId);
      if (rule?.event.type !== type) {
        throw new BoligsocialError('unknown-rule-set', `${ruleSet.info.id} ${ruleSet.info.version} has no rule ${ruleId} with an event of type ${type}: declare it in the ${spec.name} domain's rules`);
      }
      return rule.event.params as never;
    },
    otherEventParams(ruleSet, rule) {
      assertLoadedUnder(ruleSet, domain);
      return (Object.hasOwn(spec.events, rule.event.type) ? undefined : rule.event.params) as never;
    },
    parameter(ruleSet, name) {
      assertLoadedUnder(ruleSet, domain);
      return (Object.hasOwn(ruleSet.parameters, name) ? ruleSet.parameters[name]?.value : undefined) as never;
    },
  };
  return Object.freeze(domain);
}

function assertLoadedUnder(ruleSet: CompiledRuleSet, domain: { readonly name: string }): void {
  if ((loadedUnder.get(ruleSet) as unknown) !== domain) {
    throw new BoligsocialError(
      'unknown-rule-set',
      `rule set ${ruleSet.info.id} ${ruleSet.info.version} (domain ${ruleSet.info.domain}) was not loaded under this declaration of the ${domain.name} domain`,
    );
  }
}
