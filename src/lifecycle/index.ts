/**
 * The lifecycle of a boligsocial indsats: its event log, its state on any date,
 * start and stop parameters with evidence, deadlines, and the portfolio view.
 */
export {
  indsatsSchema,
  indsatsEventSchema,
  maalSchema,
  indikatorSchema,
  aktivitetSchema,
  EVENT_TYPES,
  STOP_PARAMETER_IDS,
  FORANKRING_STEDER,
  type Indsats,
  type IndsatsEvent,
  type EventType,
  type StopParameterId,
  type Maal,
  type Indikator,
  type Aktivitet,
  type ForankringSted,
} from './schema.js';
export {
  indsatsState,
  validateIndsatsEvents,
  LifecycleEventError,
  EVENT_RULES,
  INDSATS_TILSTANDE,
  TILSTAND_NAVN,
  type IndsatsTilstand,
  type IndsatsStatus,
  type EventRuleId,
  type EventRef,
  type PraekvalifikationStatus,
} from './state.js';
export { parseIndsats, parseIndsatser } from './parse.js';
export { lifecycleParameters, type LifecycleParameters } from './parameters.js';
export { indsatsDeadlines, decisionsDue, DECISION_NAVN, type IndsatsDeadlines, type DueDecision, type DecisionKind } from './deadlines.js';
export { computeLifecycleFacts, indicatorStable, type LifecycleFacts, type LifecycleFactsInput } from './facts.js';
export { assessIndsats, reviewIndsatser, benchmarkIndsatser } from './default-rules.js';
export {
  assessIndsatsWith,
  LIFECYCLE_RULE_SET,
  ANBEFALING_NAVN,
  VURDERING_NAVN,
  vurdering,
  type AssessOptions,
  type IndsatsAssessment,
  type StartParameterResult,
  type StopParameterResult,
  type ParameterResult,
  type Anbefaling,
  type AnbefalingKind,
  type Vurdering,
} from './assess.js';
export { reviewIndsatserWith, type IndsatsReview, type PortfolioReview, type ReviewOptions } from './review.js';
export { formatPortfolioTable, formatIndsatsExplanation } from './format.js';
export { formatPortfolioHtml } from './html.js';
export { FAELLES_MAAL_NR, FAELLES_MAAL_NAVN, MAAL_NR, type FaellesMaalNr } from '../domain/maal.js';
export { ANDEL_DECIMALER, type Andel } from './andel.js';
export { checkMetoder, METODE_STATUS_NAVN, type MetodeTjek, type MetodeStatus, type AktivitetMetode } from './metoder.js';
export {
  benchmarkIndsatserWith,
  indikatorFremdrift,
  vurderIndikator,
  benchmarkParametre,
  formatBenchmarkTable,
  formatBenchmarkCsv,
  BENCHMARK_RULE_SET,
  FREMDRIFT_UKENDT_NAVN,
  TENDENS_NAVN,
  type BenchmarkOptions,
  type BenchmarkParametre,
  type BenchmarkResult,
  type BenchmarkRaekke,
  type BenchmarkMaaling,
  type MaalBenchmark,
  type MaalBidrag,
  type MaalType,
  type RangGruppe,
  type IndsatsBenchmarkOversigt,
  type IkkeMed,
  type IndikatorFremdrift,
  type IndikatorVurdering,
  type IndikatorKontekst,
  type FremdriftIndikator,
  type FremdriftUkendt,
  type Tendens,
  type TendensRetning,
} from './benchmark/index.js';
export { indsatsJsonSchema } from './json-schema.js';
