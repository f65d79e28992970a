/** `POST /v1/classify` and `POST /v1/forecast`, as `boligsocial classify|forecast --format json`. */
import { classifyJson, forecastJson, historikFromRows, rowsOfList, sortPrognoser, udfaldOfRows } from '../../answers/index.js';
import { classifyEach, forecastBoligomraader } from '../../classification/index.js';
import { classificationQuestion, forecastQuestion } from '../../compare/index.js';
import { classifyRequest, classifyResponse, forecastRequest, forecastResponse } from '../schemas.js';
import { defineEndpoint, inList } from './endpoint.js';

function classifyOptions(body: { disable?: string[] | undefined; forebyggelseUdelukkerUdsatte?: boolean | undefined }): { disable: readonly string[]; forebyggelseUdelukkerUdsatte?: boolean } {
  return { disable: body.disable ?? [], ...(body.forebyggelseUdelukkerUdsatte !== undefined ? { forebyggelseUdelukkerUdsatte: body.forebyggelseUdelukkerUdsatte } : {}) };
}

export const classifyEndpoint = defineEndpoint({
  name: 'classify',
  summary: 'klassificér boligområder på de officielle lister efter loven i kraft på hver listedato',
  request: classifyRequest,
  response: classifyResponse,
  answer(rules, body) {
    const rows = rowsOfList(body.boligomraader);
    const results = classifyEach(body.boligomraader, { rules, ...classifyOptions(body) })[Symbol.iterator]();
    return { ok: true, json: classifyJson(udfaldOfRows(rows, results, (d) => inList('/boligomraader', d))) };
  },
  question: (body) => ({ question: classificationQuestion(body.boligomraader, classifyOptions(body)), inputDiagnostics: [], locate: (d) => inList('/boligomraader', d) }),
});

function forecastInput(body: { listedato: string; historik?: unknown[] | undefined; disable?: string[] | undefined }) {
  const historik = historikFromRows(rowsOfList(body.historik ?? []));
  return { options: { listedato: body.listedato, history: historik.history, disable: body.disable ?? [] }, errors: historik.errors.map((d) => inList('/historik', d)) };
}

export const forecastEndpoint = defineEndpoint({
  name: 'forecast',
  summary: 'prognose for den næste liste: afdelingernes tal summeret pr. boligområde, med afstanden til hver grænse',
  request: forecastRequest,
  response: forecastResponse,
  answer(rules, body) {
    const input = forecastInput(body);
    const result = forecastBoligomraader(body.afdelinger, { ...input.options, rules });
    return { ok: true, json: forecastJson(sortPrognoser(result.prognoser), [...input.errors, ...result.errors.map((d) => inList('/afdelinger', d))]) };
  },
  question(body) {
    const input = forecastInput(body);
    return { question: forecastQuestion(body.afdelinger, input.options), inputDiagnostics: input.errors, locate: (d) => inList('/afdelinger', d) };
  },
});
