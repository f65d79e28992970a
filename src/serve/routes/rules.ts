/** `GET /v1/rules` (every rule set and version, its period and content hash) and `GET /v1/rules/:id/:version` (the file's exact bytes). */
import type { FastifyInstance } from 'fastify';
import { fileKey, type Policy, type PolicySnapshot } from '../policy.js';
import { notFound } from '../replies.js';

/** The rule files of a snapshot, as `GET /v1/rules` lists them. */
export function listRuleFiles(snapshot: PolicySnapshot): { loadedAt: string; ruleSets: unknown[] } {
  const ruleSets = [...snapshot.files.values()].map(({ info }) => ({ id: info.id, version: info.version, domain: info.domain, title: info.title, effective: info.effective, contentHash: info.contentHash, ...(info.file !== undefined ? { file: info.file } : {}) }));
  return { loadedAt: snapshot.loadedAt, ruleSets };
}

/** Registers the two rules routes. */
export function registerRulesRoutes(fastify: FastifyInstance, policy: Policy): void {
  fastify.get('/v1/rules', async (_request, reply) => reply.send(listRuleFiles(policy.current())));
  fastify.get<{ Params: { id: string; version: string } }>('/v1/rules/:id/:version', async (request, reply) => {
    const entry = policy.current().files.get(fileKey(request.params.id, request.params.version));
    if (entry === undefined) return notFound(reply, `regelsættet ${request.params.id} i versionen ${request.params.version} findes ikke i tjenestens regler`, 'Se /v1/rules for de regelsæt og versioner, tjenesten har.');
    return reply.type('application/json; charset=utf-8').header('x-content-hash', entry.info.contentHash).send(entry.bytes);
  });
}
