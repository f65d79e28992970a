/**
 * The decision service's public module, for the CLI (`boligsocial serve`, `replay`) and
 * for in-process tests: the server, running it until stopped, and replaying its log.
 */
export { tokenCheck } from './auth.js';
export { canonicalHash, canonicalJson } from './canonical.js';
export { openDecisionLog } from './decision-log.js';
export type { DecisionLine, DecisionLog, LogLine, LoggedOutcome, LoggedRuleFile, ReloadLine } from './decision-log.js';
export { openApiDocument } from './openapi.js';
export { createPolicy, loadPolicy } from './policy.js';
export type { Policy, PolicySnapshot } from './policy.js';
export { formatReplay } from './replay-format.js';
export { replayLog } from './replay.js';
export type { ChangedFile, OutcomeDifference, Replay, ReplayedDecision } from './replay.js';
export { DECISION_ENDPOINTS } from './routes/index.js';
export { ServeStartError, serveUntilStopped } from './run.js';
export type { ServeOptions } from './run.js';
export { buildServer, DEFAULT_BODY_LIMIT, envelopesOf } from './server.js';
export type { ServerOptions } from './server.js';
