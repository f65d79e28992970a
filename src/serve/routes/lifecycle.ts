/** `POST /v1/lifecycle`: reviews indsatser, as `boligsocial lifecycle --format json`, with the indsatser that could not be read in `diagnostics`. */
import { portfolioJson } from '../../answers/index.js';
import { lifecycleQuestion } from '../../compare/index.js';
import { parseIndsatser, reviewIndsatser } from '../../lifecycle/index.js';
import { lifecycleRequest, lifecycleResponse } from '../schemas.js';
import { defineEndpoint, inList } from './endpoint.js';

function read(body: { asOf: string; horizonMonths?: number | undefined; indsatser: unknown[] }) {
  const parsed = parseIndsatser(body.indsatser);
  return { indsatser: parsed.indsatser, errors: parsed.errors.map((d) => inList('/indsatser', d)), options: { asOf: body.asOf, horizonMonths: body.horizonMonths ?? 12 } };
}

export const lifecycleEndpoint = defineEndpoint({
  name: 'lifecycle',
  summary: 'indsatsernes livsforløb: tilstand, frister, start- og stopparametre og anbefaling',
  request: lifecycleRequest,
  response: lifecycleResponse,
  answer(rules, body) {
    const input = read(body);
    const review = reviewIndsatser(input.indsatser, { ...input.options, rules });
    return { ok: true, json: { ...portfolioJson(review), diagnostics: input.errors } };
  },
  question(body) {
    const input = read(body);
    return { question: lifecycleQuestion(input.indsatser, input.options), inputDiagnostics: input.errors, locate: (d) => d };
  },
});
