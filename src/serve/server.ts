/**
 * The Fastify instance of the decision service: JSON in (read by the library's own JSON
 * reader: line and column of a syntax error, duplicate keys refused), the library's JSON
 * out. Errors are data: 400 with the library's diagnostics, 401 without the token, 404,
 * 413 above the body limit, 415 for a body that is not JSON, and for anything unforeseen
 * a 500 with a Danish message (the details go to the service's own error output, never
 * to the caller).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Diagnostic } from '../errors.js';
import { type JsonDocument, parseJsonDocument } from '../rules/index.js';
import { PACKAGE_VERSION } from '../version.js';
import type { TokenCheck } from './auth.js';
import { canonicalHash } from './canonical.js';
import type { DecisionLog, LoggedOutcome, LoggedRuleFile } from './decision-log.js';
import { openApiDocument } from './openapi.js';
import type { Policy } from './policy.js';
import { notFound, problem, withoutFile } from './replies.js';
import { decide } from './routes/decide.js';
import type { DecisionEndpoint } from './routes/endpoint.js';
import { DECISION_ENDPOINTS } from './routes/index.js';
import { registerRulesRoutes } from './routes/rules.js';

/** The default body limit: 10 MB. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

/** What the server is built from. */
export interface ServerOptions {
  readonly policy: Policy;
  /** The decision log, when `--log` is given. */
  readonly log?: DecisionLog;
  /** Whether each decision's input is logged too (`--log-input`). */
  readonly logInput?: boolean;
  /** The bearer-token check, when `--token-file` is given. */
  readonly token?: TokenCheck;
  /** The largest body accepted, in bytes (default {@link DEFAULT_BODY_LIMIT}). */
  readonly bodyLimit?: number;
  /** Where the service writes what its operator reads (Danish): unforeseen errors, with their details. */
  readonly report: (text: string) => void;
}

/** A request body as the JSON parser hands it on: the value and its document (for line and column). */
interface ParsedBody {
  readonly value: unknown;
  readonly doc: JsonDocument;
}

/** A body that is not valid JSON: the reader's diagnostics, answered with 400. */
class BodyError extends Error {
  readonly statusCode = 400;
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('the request body is not valid JSON');
  }
}

/** Builds the server (not yet listening). */
export function buildServer(options: ServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // a request the service has begun reading when close begins is answered, not refused with a
  // 503: it is in flight (a connection with nothing read yet is idle, and Node closes it)
  const fastify = Fastify({ bodyLimit, logger: false, return503OnClosing: false, forceCloseConnections: 'idle' });

  // JSON only, read by the library's reader; any other content type is a 415
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const doc = parseJsonDocument(text as string, 'forespørgslen', { data: true });
    if (doc.ok) done(null, { value: doc.value.value, doc: doc.value } satisfies ParsedBody);
    else done(new BodyError(doc.errors), undefined);
  });

  // once closing, every answer still sent closes its connection: a keep-alive connection that
  // was busy when close began would otherwise stay open, and close would wait for it forever
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  fastify.addHook('onRequest', async (request, reply) => {
    if (options.token === undefined || request.url === '/v1/health') return;
    if (!options.token(request.headers.authorization)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(problem('unauthorized', 'forespørgslen mangler et gyldigt bearer-token', 'Send headeren Authorization: Bearer <token> med tokenet fra tjenestens --token-file.'));
    }
  });

  fastify.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (error instanceof BodyError) return reply.code(400).send({ errors: error.diagnostics.map(withoutFile) });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(problem('body-too-large', `forespørgslen er større end grænsen på ${formatBytes(bodyLimit)}`, 'Del dataene op i flere forespørgsler, eller start tjenesten med en højere --body-limit.'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(problem('unsupported-media-type', `forespørgslen er ikke JSON (Content-Type: ${request.headers['content-type'] ?? 'ingen'})`, 'Send JSON med headeren Content-Type: application/json.'));
    }
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) return reply.code(status).send(problem('bad-request', 'forespørgslen kan ikke læses', 'Send JSON med headeren Content-Type: application/json.'));
    options.report(`fejl: uventet fejl i ${request.method} ${request.url} — teknisk besked til en udvikler:\n${error.stack ?? error.message}\n`);
    return reply.code(500).send(problem('internal', 'der opstod en uventet fejl i tjenesten; den er logget hos tjenesten', 'Prøv igen; sker det igen, så kontakt dem, der driver tjenesten.'));
  });

  fastify.setNotFoundHandler((request, reply) => notFound(reply, `${request.method} ${request.url.split('?')[0] ?? ''} findes ikke`, 'Se /v1/openapi.json for tjenestens endpoints.'));

  for (const endpoint of DECISION_ENDPOINTS) {
    fastify.post(`/v1/${endpoint.name}`, async (request, reply) => {
      // the rules this request decides by, whatever is reloaded while it runs
      const snapshot = options.policy.current();
      const body = request.body as ParsedBody | undefined;
      const answer = decide(endpoint, snapshot.registry, body?.value, body?.doc);
      if (!answer.ok) return reply.code(400).send({ errors: answer.errors.map(withoutFile) });
      const decisionId = randomUUID();
      const text = options.log === undefined ? JSON.stringify(answer.json) : logDecision(options.log, endpoint, decisionId, body?.value, answer.json, options.logInput === true);
      return reply.code(200).header('x-decision-id', decisionId).type('application/json; charset=utf-8').send(text);
    });
  }
  registerRulesRoutes(fastify, options.policy);
  fastify.get('/v1/health', async (_request, reply) => reply.send({ status: 'ok', packageVersion: PACKAGE_VERSION, loadedAt: options.policy.current().loadedAt }));
  let openapi: string | undefined;
  fastify.get('/v1/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send((openapi ??= JSON.stringify(openApiDocument(DECISION_ENDPOINTS)))));
  return fastify;
}

/**
 * The answer's JSON text, with the decision logged (one line, written before the answer
 * is sent): the envelopes met while writing the text give the outcomes and the rule files.
 */
function logDecision(log: DecisionLog, endpoint: DecisionEndpoint, decisionId: string, input: unknown, json: unknown, logInput: boolean): string {
  const found = envelopesOf(json);
  log.write({
    kind: 'decision',
    decisionId,
    time: new Date().toISOString(),
    endpoint: endpoint.name,
    status: 200,
    ruleFiles: found.ruleFiles,
    packageVersion: PACKAGE_VERSION,
    inputHash: canonicalHash(input),
    ...(logInput ? { input } : {}),
    outcomes: found.outcomes,
  });
  return found.text;
}

/** An answer's JSON text, with every envelope in it (an object with `ruleSets` and `outcomes`): its outcomes and the rule files they used. */
export function envelopesOf(json: unknown): { text: string; outcomes: LoggedOutcome[]; ruleFiles: LoggedRuleFile[] } {
  const outcomes: LoggedOutcome[] = [];
  const files = new Map<string, LoggedRuleFile>();
  const text = JSON.stringify(json, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const v = value as { ruleSets?: unknown; outcomes?: unknown; asOf?: unknown; id?: unknown; afdeling?: { id?: unknown } };
      if (Array.isArray(v.ruleSets) && Array.isArray(v.outcomes)) {
        const subject = typeof v.id === 'string' ? v.id : typeof v.afdeling?.id === 'string' ? v.afdeling.id : undefined;
        outcomes.push({ ...(subject !== undefined ? { subject } : {}), ...(typeof v.asOf === 'string' ? { asOf: v.asOf } : {}), outcomes: v.outcomes });
        for (const rs of v.ruleSets as { id: string; version: string; contentHash: string }[]) files.set(`${rs.id}\u0000${rs.version}`, { id: rs.id, version: rs.version, contentHash: rs.contentHash });
      }
    }
    return value;
  });
  return { text, outcomes, ruleFiles: [...files.values()] };
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
