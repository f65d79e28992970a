/** `POST /v1/screen`: screens afdelinger, as `boligsocial screen --format json`. */
import { screeningJson } from '../../answers/index.js';
import { screeningQuestion } from '../../compare/index.js';
import { type BoligomraadeStatusMap, screenAfdelinger } from '../../screening/index.js';
import { screenRequest, screenResponse } from '../schemas.js';
import { defineEndpoint, inList } from './endpoint.js';

export const screenEndpoint = defineEndpoint({
  name: 'screen',
  summary: 'screen afdelinger: udløste indikatorer, ændringer siden sidst og den indsats der passer',
  request: screenRequest,
  response: screenResponse,
  answer(rules, body) {
    const batch = screenAfdelinger(body.afdelinger, { asOf: body.asOf, rules, explain: false, ...options(body.boligomraadeStatus) });
    return { ok: true, json: screeningJson(body.asOf, batch.results, batch.diagnostics.map((d) => inList('/afdelinger', d))) };
  },
  question: (body) => ({ question: screeningQuestion(body.afdelinger, { asOf: body.asOf, ...options(body.boligomraadeStatus) }), inputDiagnostics: [], locate: (d) => inList('/afdelinger', d) }),
});

function options(status: unknown): { boligomraadeStatus?: BoligomraadeStatusMap } {
  return status === undefined ? {} : { boligomraadeStatus: status as BoligomraadeStatusMap };
}
