/**
 * Answering one decision request, the same way for a route and for `replay`: the body is
 * checked against the endpoint's request schema (problems located by JSON pointer, and by
 * line and column when the body's text is known), then answered by the registry the
 * request took at its start. A library refusal (no rules in force on the date, a name to
 * switch off that no rule has) is a 400 with its diagnostics, never a 500.
 */
import { safeParseDanish, issuesToDiagnostics } from '../../domain/parse.js';
import { BoligsocialError, type Diagnostic } from '../../errors.js';
import { type JsonDocument, type RuleRegistry, withLocation } from '../../rules/index.js';
import type { Answer, DecisionEndpoint } from './endpoint.js';

/** Checks `body` against the endpoint's request schema and answers it by `registry`. */
export function decide(endpoint: DecisionEndpoint, registry: RuleRegistry, body: unknown, doc?: JsonDocument): Answer {
  const locate = (d: Diagnostic): Diagnostic => (doc !== undefined && d.pointer !== undefined ? withLocation(doc, d) : d);
  const parsed = safeParseDanish(endpoint.request, body);
  if (!parsed.success) {
    return { ok: false, errors: issuesToDiagnostics(parsed.error, { pointerBase: '', field: 'when-nested', hint: `Ret forespørgslen, så den følger skemaet for /v1/${endpoint.name} i /v1/openapi.json.` }).map(locate) };
  }
  try {
    const answer = endpoint.answer(registry, parsed.data);
    return answer.ok ? answer : { ok: false, errors: answer.errors.map(locate) };
  } catch (error) {
    if (error instanceof BoligsocialError && error.diagnostics.length > 0) return { ok: false, errors: error.diagnostics.map(locate) };
    throw error;
  }
}
