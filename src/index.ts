/**
 * @fsb/boligsocial — fsb's boligsocial policy as data, with typed, synchronous,
 * explained answers. Explicit named exports only; everything else is internal.
 *
 * @packageDocumentation
 */

// errors
export { BoligsocialError, DIAGNOSTIC_CODES, formatDiagnostic } from './errors.js';
export type { Diagnostic, DiagnosticCode, Result, Severity } from './errors.js';

// domain basics
export { DOMAINS } from './domain/fact-types.js';
export type { Domain, FactDefinition, FactType, FactValue, Facts } from './domain/fact-types.js';
export { factCatalogue } from './domain/facts.js';
export { INDSATS_KINDS, INDSATS_KIND_NAVN } from './domain/indsats.js';
export type { IndsatsKind } from './domain/indsats.js';

// rules
export { loadRuleSetFile, loadRuleSetText } from './rules/loader.js';
export { createRegistry, loadRegistry } from './rules/registry.js';
export type { RuleRegistry } from './rules/registry.js';
export { bundledRegistry, bundledRulesDir } from './rules/bundled.js';
export { ruleSetJsonSchema } from './rules/json-schema.js';

// engine
export { createDecider, decideRuleSet, dependsOnCondition, evaluateRuleSet } from './engine/evaluate.js';
export { toJsonRulesEngine } from './engine/json-rules-engine.js';
export type { ExportOptions } from './engine/json-rules-engine.js';
export { OPERATORS } from './engine/operators.js';
export type { OperatorDefinition } from './engine/operators.js';
export type {
  AtLeastExplanation,
  CompiledRuleSet,
  ConditionExplanation,
  Decision,
  EffectivePeriod,
  EvaluateOptions,
  Evaluation,
  ExplanationNode,
  FactExplanation,
  FinancingSection,
  Funder,
  IsoDate,
  JunctionExplanation,
  NamedConditionInfo,
  NotExplanation,
  Parameter,
  ParameterValue,
  RuleEvaluation,
  RuleInfo,
  RuleSetInfo,
  Source,
  Threshold,
  Truth,
} from './engine/types.js';

// scenarios
export { runScenario, runScenarioFile } from './scenarios/run.js';
export type { ScenarioMismatch, ScenarioResult, ScenarioRules } from './scenarios/run.js';
export { scenarioSchema } from './scenarios/schema.js';
export type { Scenario } from './scenarios/schema.js';
export { CoverageCollector } from './scenarios/coverage.js';
export type { CoverageGap } from './scenarios/coverage.js';

// formatting
export { formatDato, formatKroner, formatProcent, formatSandhed, formatTal } from './format/danish.js';
export { formatExplanation } from './format/explanation.js';

// cli (for embedding and in-process tests)
export { main } from './cli/main.js';
export type { CliIo } from './cli/io.js';
