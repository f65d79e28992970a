/**
 * Compiles a validated rule file into plain synchronous closures: one that decides
 * (three-valued, short-circuiting, no allocation per node) and one that explains
 * (every node evaluated and recorded). No eval, no Function constructor, no JSONPath:
 * `path` is a JSON pointer resolved token by token. This module assembles the compiled
 * rule set (info, parameters, named conditions, rules, financing); `conditions.ts` compiles
 * the condition trees and `leaf.ts` the comparisons.
 */
import { deepFreeze } from '../domain/freeze.js';
import type { FactDefinition } from '../domain/fact-types.js';
import { Compiler } from './conditions.js';
import type { RuleSetDefinition } from './definition.js';
import { toSource } from './source.js';
import { type LeafScope, type Read, registerCompiled, type RuleProgram } from './program.js';
import type { CompiledRuleSet, NamedConditionInfo, Parameter, RuleInfo } from './types.js';

/** What the engine is told about a rule set besides its definition: the facts its domain declares, and where it came from. */
export interface CompileContext {
  /** The fact catalogue of the rule set's domain, by fact name. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  /** The file it was loaded from, as results show it. */
  readonly file?: string | undefined;
  /** The sha256 (hex) of the file's exact bytes. */
  readonly contentHash: string;
}

/** Compiles a rule set that has passed every check of the loader. */
export function compileRuleSet(file: RuleSetDefinition, context: CompileContext): CompiledRuleSet {
  const catalogue = context.facts;
  const fileName = context.file;
  const fileSources = (Array.isArray(file.source) ? file.source : [file.source]).map(toSource);
  const parameters: Record<string, Parameter> = {};
  for (const [name, p] of Object.entries(file.parameters ?? {})) {
    parameters[name] = deepFreeze({
      name,
      value: p.value,
      unit: p.unit,
      description: p.description,
      ...(p.source ? { source: toSource(p.source) } : {}),
      ...(p.status ? { status: p.status } : {}),
    });
  }
  const reads = new Map<string, Read>();
  const compiler = new Compiler(file, catalogue, parameters, reads);

  const conditions: Record<string, NamedConditionInfo> = {};
  for (const [name, named] of Object.entries(file.conditions ?? {})) {
    conditions[name] = deepFreeze({
      name,
      title: named.title,
      ...(named.description !== undefined ? { description: named.description } : {}),
      ...(named.source ? { source: toSource(named.source) } : {}),
    });
  }

  // compile every named condition up front, so their reads are known even where a
  // decision short-circuits past them (cycles were rejected by the checks)
  for (const name of Object.keys(conditions)) compiler.namedCondition(name);

  const ruleScopes: LeafScope[] = [];
  const rules: RuleProgram[] = file.rules.map((rule) => {
    const info: RuleInfo = deepFreeze({
      id: rule.id,
      title: rule.title,
      ...(rule.description !== undefined ? { description: rule.description } : {}),
      ...(rule.source ? { source: toSource(rule.source) } : {}),
      event: { type: rule.event.type, ...(rule.event.params ? { params: structuredClone(rule.event.params) } : {}) },
    });
    const source = info.source ?? fileSources[0];
    const { decide, explain, plan, scope } = compiler.rule(rule.conditions, source);
    ruleScopes.push(scope);
    return { info, decide, explain, plan };
  });

  const facts = [...new Set([...reads.values()].map((r) => r.label.split('/')[0] ?? r.label))].sort();
  // a fact read whole finds what the boundary check scanned of it at its index in `facts`
  const factIndex = new Map(facts.map((name, i) => [name, i]));
  for (const read of reads.values()) {
    const slot = factIndex.get(read.label);
    if (slot !== undefined) read.slot = slot;
  }

  const ruleSet: CompiledRuleSet = deepFreeze({
    info: {
      id: file.id,
      version: file.effective.from,
      domain: file.domain,
      title: file.title,
      effective: { from: file.effective.from, ...(file.effective.to !== undefined ? { to: file.effective.to } : {}) },
      ...(fileName !== undefined ? { file: fileName } : {}),
      contentHash: context.contentHash,
    },
    ...(file.description !== undefined ? { description: file.description } : {}),
    sources: fileSources,
    notes: [...(file.notes ?? [])],
    parameters,
    conditions,
    rules: rules.map((r) => r.info),
    facts,
    ...(file.financing
      ? {
          financing: {
            indsatsKinds: [...file.financing.indsatsKinds],
            maxDurationMonths: file.financing.maxDurationMonths,
            funders: file.financing.funders.map((f) => ({
              id: f.id,
              navn: f.navn,
              share: f.share,
              lokal: f.lokal,
              afdelinger: f.afdelinger ?? false,
              ...(f.description !== undefined ? { description: f.description } : {}),
              ...(f.source ? { source: toSource(f.source) } : {}),
            })),
          },
        }
      : {}),
  });
  registerCompiled(
    ruleSet,
    {
      rules,
      scopes: { rules: ruleScopes, named: compiler.namedScopes },
      namedPlans: compiler.namedPlans,
      ruleIndex: new Map(rules.map((r) => [r.info.id, r])),
      reads: [...reads.values()],
      conditionNames: new Set(Object.keys(conditions)),
    },
    deepFreeze(structuredClone(file)),
    catalogue,
  );
  return ruleSet;
}
