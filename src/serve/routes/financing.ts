/** `POST /v1/financing`: allocates a financing plan, as `boligsocial financing --format json`. */
import { financingQuestion } from '../../compare/index.js';
import { planAllocation, tryAllocateFinancing } from '../../financing/index.js';
import { financingRequest, financingResponse } from '../schemas.js';
import { defineEndpoint } from './endpoint.js';

export const financingEndpoint = defineEndpoint({
  name: 'financing',
  summary: 'fordel en finansieringsplans budget på finansieringskilder, kalenderår og afdelinger — præcist til øren',
  request: financingRequest,
  response: financingResponse,
  answer(rules, body) {
    const { budget, options } = planAllocation(body);
    const result = tryAllocateFinancing(budget, { ...options, rules });
    return result.ok ? { ok: true, json: result.value } : { ok: false, errors: result.errors };
  },
  question(body) {
    const { budget, options } = planAllocation(body);
    return { question: financingQuestion(budget, options), inputDiagnostics: [], locate: (d) => d };
  },
});
