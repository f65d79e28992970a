/** The service's error bodies: `{ errors: [diagnostic, …] }`, Danish, never a stack trace. */
import type { FastifyReply } from 'fastify';
import type { Diagnostic } from '../errors.js';

/** A diagnostic of the service itself (not of the library): a code of its own, Danish text. */
export interface ServiceProblem {
  readonly code: string;
  readonly severity: 'error';
  readonly message: string;
  readonly hint?: string;
  readonly pointer?: string;
}

/** The problem body for `status`. */
export function problem(code: string, message: string, hint?: string): { errors: ServiceProblem[] } {
  return { errors: [{ code, severity: 'error', message, ...(hint !== undefined ? { hint } : {}) }] };
}

/** A diagnostic as the service returns it: without the `file` the body's reader named it by. */
export function withoutFile(d: Diagnostic): Omit<Diagnostic, 'file'> {
  const { file: _file, ...rest } = d;
  return rest;
}

/** Sends 404 with a Danish problem. */
export function notFound(reply: FastifyReply, message: string, hint: string): FastifyReply {
  return reply.code(404).send(problem('not-found', message, hint));
}
