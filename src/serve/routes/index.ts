/** The decision endpoints, in the order the OpenAPI document lists them. */
import type { WhatIfCommand } from '../../compare/index.js';
import { classifyEndpoint, forecastEndpoint } from './classify.js';
import { compareEndpoint } from './compare.js';
import type { DecisionEndpoint } from './endpoint.js';
import { financingEndpoint } from './financing.js';
import { lifecycleEndpoint } from './lifecycle.js';
import { screenEndpoint } from './screen.js';

/** The endpoints `compare` can ask, by the command name. */
const QUESTIONS: ReadonlyMap<WhatIfCommand, DecisionEndpoint> = new Map<WhatIfCommand, DecisionEndpoint>([
  ['classify', classifyEndpoint as unknown as DecisionEndpoint],
  ['forecast', forecastEndpoint as unknown as DecisionEndpoint],
  ['screen', screenEndpoint as unknown as DecisionEndpoint],
  ['lifecycle', lifecycleEndpoint as unknown as DecisionEndpoint],
  ['financing', financingEndpoint as unknown as DecisionEndpoint],
]);

/** Every `POST /v1/<name>` endpoint that decides. */
export const DECISION_ENDPOINTS: readonly DecisionEndpoint[] = Object.freeze([...QUESTIONS.values(), compareEndpoint(QUESTIONS) as unknown as DecisionEndpoint]);

/** The decision endpoint `name`, if there is one. */
export function endpointNamed(name: string): DecisionEndpoint | undefined {
  return DECISION_ENDPOINTS.find((e) => e.name === name);
}
