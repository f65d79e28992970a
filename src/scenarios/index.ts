/** Policy scenarios (an input and the outcome an analyst expects), their runner and coverage: the public surface of `src/scenarios/`. */
export { runScenario, runScenarioFile, scenarioRules } from './default-rules.js';
export { parseScenarioDocument, runScenarioFileWith, runScenarioWith, scenarioKind, scenarioRulesWith } from './run.js';
export type { ScenarioEvaluation, ScenarioMismatch, ScenarioResult, ScenarioRules } from './run.js';
export { scenarioSchema, SCENARIO_KINDS, SCENARIO_INPUT_KEYS } from './schema.js';
export type { BenchmarkScenario, ClassificationScenario, EngineScenario, FinancingScenario, LifecycleScenario, Scenario, ScenarioKind, ScreeningScenario } from './schema.js';
export type { JsonValue } from './expect.js';
export { CoverageCollector } from './coverage.js';
export type { CoverageGap, UntestedVersion } from './coverage.js';
export { scenarioJsonSchema } from './json-schema.js';
