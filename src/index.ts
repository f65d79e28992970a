/**
 * @fsb/boligsocial — fsb's boligsocial policy as data, with typed, synchronous,
 * explained answers. Explicit named exports only; everything else is internal.
 *
 * @packageDocumentation
 */

// version
export { PACKAGE_VERSION } from './version.js';

// errors
export { BoligsocialError, DIAGNOSTIC_CODES, formatDiagnostic } from './errors.js';
export type { Diagnostic, DiagnosticCode, Failure, Result, Severity, Success } from './errors.js';

// domain basics
export { DOMAINS } from './domain/fact-types.js';
export type { Domain, FactDefinition, FactType, FactValue, Facts } from './domain/fact-types.js';
export { INDSATS_KINDS, INDSATS_KIND_NAVN } from './domain/indsats.js';
export type { IndsatsKind } from './domain/indsats.js';

// rules, and the domains' declarations the loader checks them against
export { bundledRegistry, deriveRegistry, factCatalogue, loadRegistry, loadRuleSetFile, loadRuleSetText, SHIPPED_DOMAINS } from './shipped.js';
export type { LoadRulesOptions } from './shipped.js';
export { contentHash } from './rules/loader.js';
export { createRegistry } from './rules/registry.js';
export type { RuleRegistry } from './rules/registry.js';
export { bundledRulesDir } from './rules/bundled.js';
export { defineRuleDomain } from './rules/rule-domain.js';
export type {
  DeclaredParameterType,
  DeclaredParameterValues,
  DomainCheck,
  DomainReport,
  EventDeclaration,
  EventDeclarations,
  EventParams,
  ParameterDeclaration,
  ParameterDeclarations,
  ParameterValue as DeclaredParameterValue,
  RuleDomain,
  RuleDomainSpec,
  RuleRequirement,
} from './rules/rule-domain.js';
export { classificationRules } from './classification/rule-domain.js';
export { screeningRules } from './screening/rule-domain.js';
export { lifecycleRules } from './lifecycle/rule-domain.js';
export { financingRules } from './financing/rule-domain.js';
export { EDITOR_KEYWORDS, RULE_SET_SCHEMA_ID, ruleSetJsonSchema } from './rules/json-schema.js';
export { loadMetodeKatalogFile, loadMetodeKatalogText, isMetoderFile, METODER_DIR } from './rules/metoder.js';
export type { Metode, MetodeKatalog, KatalogStatus } from './rules/metoder.js';
export { metodeKatalogFileSchema, metoderJsonSchemaText } from './rules/metoder-schema.js';
export type { MetodeKatalogFile } from './rules/metoder-schema.js';
export { parameterTargets, parameterValueFromText } from './rules/derive.js';
export type { ParameterChange, ParameterRef } from './rules/derive.js';

// engine
export { createDecider, createExplainer, createParameterExplainer, decideRuleSet, dependsOnCondition, evaluateRuleSet } from './engine/evaluate.js';
export { explainedRule } from './engine/rule-explanation.js';
export { toJsonRulesEngine } from './engine/json-rules-engine.js';
export type { ExportOptions } from './engine/json-rules-engine.js';
export { OPERATORS } from './engine/operators.js';
export type { OperatorDefinition } from './engine/operators.js';
/** The one envelope every answer carries (rule files with content hashes, `asOf`, package version, outcomes, `mangler`, evaluations). */
export type { Envelope, RuleOutcome } from './engine/envelope.js';
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
  RuleExplanation,
  RuleInfo,
  RuleSetInfo,
  Source,
  Threshold,
  Truth,
} from './engine/types.js';

// scenarios
export { runScenario, runScenarioFile, scenarioRules } from './scenarios/default-rules.js';
export { parseScenarioDocument, scenarioKind } from './scenarios/run.js';
export type { ParsedScenarioDocument, ScenarioDocument, ScenarioEvaluation, ScenarioMismatch, ScenarioResult, ScenarioRules } from './scenarios/run.js';
export { scenarioSchema, SCENARIO_KINDS, SCENARIO_INPUT_KEYS } from './scenarios/schema.js';
export type { BenchmarkScenario, ClassificationScenario, EngineScenario, FinancingScenario, LifecycleScenario, Scenario, ScenarioKind, ScreeningScenario } from './scenarios/schema.js';
export type { JsonValue } from './scenarios/expect.js';
export { CoverageCollector } from './scenarios/coverage.js';
export type { CoverageGap, UntestedVersion } from './scenarios/coverage.js';

// classification
export {
  classifyBoligomraade,
  classifyBoligomraader,
  classifyEach,
  forecastBoligomraade,
  forecastBoligomraader,
  dependsOnIkkeVestlig,
  foldHistorik,
  boligomraadeInputSchema,
  afdelingPrognoseSchema,
  readBoligomraaderCsv,
  readPrognoseCsv,
  formatKlassifikationTable,
  formatKlassifikationJson,
  formatKlassifikationCsv,
  formatKlassifikationForklaring,
  formatKlassifikationHtml,
  formatPrognoseHtml,
  CLASSIFICATION_RULE_SET,
  INFRASTRUKTUR_RULE_SET,
  KATEGORIER,
  IKKE_VESTLIGE,
} from './classification/index.js';
export type {
  ClassifyOptions,
  BatchOptions,
  ForecastOptions,
  AfdelingPrognoseInput,
  Prognose,
  Margin,
  Optaelling,
  BoligomraadeInput,
  BoligomraadeData,
  HistorikAar,
  Afvigelse,
  BatchRaekke,
  HistorikAarStatus,
  HistorikKilde,
  HistorikResultat,
  Kategori,
  KategoriResultat,
  Klassifikation,
} from './classification/index.js';

// screening
export {
  screenAfdeling,
  screenAfdelinger,
  decideAfdelinger,
  validateAfdeling,
  readAfdelingerCsv,
  periodFacts,
  screeningMeta,
  normaliseStatus,
  formatScreeningTable,
  formatScreeningCsv,
  formatScreeningExplanation,
  formatScreeningHtml,
  plainScreeningResult,
  ANBEFALING_KINDS as SCREENING_ANBEFALING_KINDS,
  ANBEFALING_NAVN as SCREENING_ANBEFALING_NAVN,
  MAAL,
  INDSATSOMRAADER,
  INDSATSOMRAADE_NAVN,
  BOLIGOMRAADE_STATUSSER,
  STATUS_NAVN,
} from './screening/index.js';
export type {
  BatchScreening,
  BoligomraadeStatusMap,
  ScreenOptions,
  AfdelingerInput,
  PeriodFacts,
  AnbefalingKind as ScreeningAnbefalingKind,
  AnbefalingMeta,
  IndikatorMeta,
  ScreeningMeta,
  Maal,
  MaalNr,
  Indsatsomraade,
  IndsatsomraadeId,
  Aendringer,
  Anbefaling as ScreeningAnbefaling,
  Figur,
  IndikatorAendring,
  IndikatorResultat,
  Konklusion,
  ScreeningResult,
} from './screening/index.js';
export { afdelingSchema } from './domain/afdeling.js';
export type { Afdeling, ScreeningPeriode } from './domain/afdeling.js';

// lifecycle
export {
  indsatsSchema,
  indsatsEventSchema,
  EVENT_TYPES,
  STOP_PARAMETER_IDS,
  FORANKRING_STEDER,
  indsatsState,
  validateIndsatsEvents,
  LifecycleEventError,
  EVENT_RULES,
  INDSATS_TILSTANDE,
  TILSTAND_NAVN,
  parseIndsats,
  parseIndsatser,
  indsatsDeadlines,
  decisionsDue,
  assessIndsats,
  reviewIndsatser,
  formatPortfolioTable,
  formatIndsatsExplanation,
  formatPortfolioHtml,
  ANBEFALING_NAVN as LIFECYCLE_ANBEFALING_NAVN,
  VURDERING_NAVN,
  FAELLES_MAAL_NR,
  FAELLES_MAAL_NAVN,
  MAAL_NR,
  ANDEL_DECIMALER,
  checkMetoder,
  METODE_STATUS_NAVN,
  benchmarkIndsatser,
  indikatorFremdrift,
  vurderIndikator,
  benchmarkParametre,
  formatBenchmarkTable,
  formatBenchmarkCsv,
  BENCHMARK_RULE_SET,
  FREMDRIFT_UKENDT_NAVN,
  TENDENS_NAVN,
} from './lifecycle/index.js';
export type {
  Indsats,
  IndsatsEvent,
  EventType,
  StopParameterId,
  Maal as IndsatsMaal,
  Indikator,
  Aktivitet,
  ForankringSted,
  IndsatsTilstand,
  IndsatsStatus,
  EventRuleId,
  IndsatsDeadlines,
  DueDecision,
  AssessOptions,
  IndsatsAssessment,
  StartParameterResult,
  StopParameterResult,
  ParameterResult,
  Anbefaling as LifecycleAnbefaling,
  AnbefalingKind as LifecycleAnbefalingKind,
  Vurdering,
  IndsatsReview,
  PortfolioReview,
  FaellesMaalNr,
  Andel,
  MetodeTjek,
  MetodeStatus,
  AktivitetMetode,
  BenchmarkOptions,
  BenchmarkParametre,
  BenchmarkResult,
  BenchmarkRaekke,
  BenchmarkMaaling,
  MaalBenchmark,
  MaalBidrag,
  MaalType,
  RangGruppe,
  IndsatsBenchmarkOversigt,
  IkkeMed,
  IndikatorFremdrift,
  IndikatorVurdering,
  IndikatorKontekst,
  FremdriftIndikator,
  FremdriftUkendt,
  Tendens,
  TendensRetning,
} from './lifecycle/index.js';

// financing
export {
  allocateFinancing,
  tryAllocateFinancing,
  assessAffordability,
  stopParameter5Facts,
  formatFinancingTable,
  formatFinancingCsv,
  formatAffordabilityExplanations,
  formatFinancingHtml,
  planFileSchema,
  roundCirculation,
  AFRUNDING_FORKLARING,
  FORDELINGSNOEGLER,
  NOEGLE_NAVN,
} from './financing/index.js';
export type {
  PlanFile,
  AffordabilityInput,
  StopParameter5Facts,
  AfdelingBetalingsevne,
  AfdelingInput,
  AfdelingRow,
  AfdelingsTabel,
  AllocateOptions,
  Betalingsevne,
  BudgetInput,
  FinancingAllocation,
  Fordelingsnoegle,
  FunderInput,
  FunderRow,
  Udgift,
} from './financing/index.js';

// what-if: compare two rule versions, diff rule sets, sweep a parameter
export { compareQuestion, resolveSides, sensitivityOf } from './compare/default-rules.js';
export type { WhatIfSides, ResolvedSide } from './compare/compare.js';
export { compareScreening, compareClassification, compareForecast, compareLifecycle, compareFinancing } from './compare/by-question.js';
export { screeningQuestion } from './compare/questions/screening.js';
export type { ScreeningQuestionOptions } from './compare/questions/screening.js';
export { classificationQuestion, forecastQuestion } from './compare/questions/classification.js';
export type { ForecastQuestionOptions } from './compare/questions/classification.js';
export { lifecycleQuestion } from './compare/questions/lifecycle.js';
export type { LifecycleQuestionOptions } from './compare/questions/lifecycle.js';
export { financingQuestion } from './compare/questions/financing.js';
export type { FinancingQuestionOptions } from './compare/questions/financing.js';
export { WHAT_IF_COMMANDS } from './compare/types.js';
export type {
  AnswerMode,
  AtLeastFigure,
  ChangedRow,
  ConditionSide,
  Figure,
  FlippedCondition,
  OutcomeChange,
  OutcomeCount,
  OutcomeDefinition,
  OutcomeKind,
  OutcomeValue,
  ParameterFigureGroup,
  ProjectedAnswer,
  RowExplanation,
  RowParameterFigures,
  WhatIfCommand,
  WhatIfComparison,
  WhatIfQuestion,
  WhatIfRow,
  WhatIfSide,
} from './compare/types.js';
export { formatComparisonTable, formatComparisonCsv, formatOutcomeValue } from './compare/format.js';
export type { SideDescription } from './compare/format.js';
export { diffRuleSets } from './compare/diff-rules.js';
export type { DiffArea, DiffKind, RuleChange, RuleSetDiff } from './compare/diff-rules.js';
export { formatRuleSetDiff, describeChange } from './compare/diff-format.js';
export { sweepValues } from './compare/sensitivity.js';
export type { Flip, Sensitivity, SensitivityOptions, SensitivityRow, SweepCount, SweepOutcomeCount } from './compare/sensitivity.js';
export { breakpointsOf, breakpointsOfFigures, comparedDirectly, segmentOf } from './compare/breakpoints.js';
export type { Breakpoint, BreakpointSide } from './compare/breakpoints.js';
export { formatSensitivity, describeFlip } from './compare/sensitivity-format.js';
export { formatComparisonHtml, formatSensitivityHtml } from './compare/html.js';
export { parseParameterRef, parseParameterSetting, parameterChangeFromSetting } from './compare/setting.js';
export type { ParameterSetting } from './compare/setting.js';

// formatting
export { formatDato, formatKroner, formatProcent, formatSandhed, formatTal } from './format/danish.js';
export { formatExplanation } from './format/explanation.js';

// cli (for embedding and in-process tests)
export { main } from './cli/main.js';
export type { CliIo } from './cli/io.js';
