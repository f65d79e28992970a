/** What-if over any question (two rule versions, one data set), diff-rules and sensitivity: the public surface of `src/compare/`. */
export { compareQuestion, resolveSides, sensitivityOf } from './default-rules.js';
export { checkDisable, compareQuestionWith, resolveSidesWith } from './compare.js';
export type { ResolvedSide, WhatIfSides } from './compare.js';
export { compareScreening, compareClassification, compareForecast, compareLifecycle, compareFinancing } from './by-question.js';
export { screeningQuestion } from './questions/screening.js';
export type { ScreeningQuestionOptions } from './questions/screening.js';
export { classificationQuestion, forecastQuestion } from './questions/classification.js';
export type { ForecastQuestionOptions } from './questions/classification.js';
export { lifecycleQuestion } from './questions/lifecycle.js';
export type { LifecycleQuestionOptions } from './questions/lifecycle.js';
export { financingQuestion } from './questions/financing.js';
export type { FinancingQuestionOptions } from './questions/financing.js';
export { WHAT_IF_COMMANDS } from './types.js';
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
} from './types.js';
export { formatComparisonTable, formatComparisonCsv, formatOutcomeValue } from './format.js';
export type { SideDescription } from './format.js';
export { formatComparisonHtml, formatSensitivityHtml } from './html.js';
export { diffRuleSets } from './diff-rules.js';
export type { DiffArea, DiffKind, RuleChange, RuleSetDiff } from './diff-rules.js';
export { formatRuleSetDiff, describeChange } from './diff-format.js';
export { renderValue } from './diff-render.js';
export { sensitivityOfWith, sweepValues } from './sensitivity.js';
export type { Flip, Sensitivity, SensitivityOptions, SensitivityRow, SweepCount, SweepOutcomeCount } from './sensitivity.js';
export { breakpointsOf, breakpointsOfFigures, comparedDirectly, segmentOf } from './breakpoints.js';
export type { Breakpoint, BreakpointSide } from './breakpoints.js';
export { formatSensitivity, describeFlip } from './sensitivity-format.js';
export { parseParameterRef, parseParameterSetting, parameterChangeFromSetting } from './setting.js';
export type { ParameterSetting } from './setting.js';
