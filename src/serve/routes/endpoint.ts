/**
 * A decision endpoint as data: its request schema, how it answers a valid request from a
 * registry, and (for `compare`) how its request becomes a what-if question. The routes,
 * the OpenAPI document and `replay` all read these, so they cannot disagree.
 */
import type { z } from 'zod';
import type { WhatIfQuestion } from '../../compare/index.js';
import type { Diagnostic } from '../../errors.js';
import type { RuleRegistry } from '../../rules/index.js';

/** An endpoint's answer: the JSON to send (bad rows reported inside it), or why the request as a whole cannot be answered. */
export type Answer = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** A question built from a request, with the problems found reading its rows and how to locate the answer's problems. */
export interface PreparedQuestion {
  readonly question: WhatIfQuestion;
  readonly inputDiagnostics: readonly Diagnostic[];
  readonly locate: (d: Diagnostic) => Diagnostic;
}

/** A `POST /v1/<name>` endpoint that decides. */
export interface DecisionEndpoint<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  /** What it answers, in Danish (the OpenAPI summary). */
  readonly summary: string;
  readonly request: S;
  readonly response: z.ZodType;
  /** Answers a request that passed {@link request}, by `registry`. */
  readonly answer: (registry: RuleRegistry, body: z.output<S>) => Answer;
  /** The request as a what-if question (the endpoints `compare` can ask). */
  readonly question?: (body: z.output<S>) => PreparedQuestion;
}

/** Declares an endpoint (keeps its schema's type for `answer` and `question`). */
export function defineEndpoint<S extends z.ZodType>(endpoint: DecisionEndpoint<S>): DecisionEndpoint<S> {
  return Object.freeze(endpoint);
}

/** A row's diagnostic located in the request: its JSON pointer under the list `at` (row numbers count from 1). */
export function inList(at: string, d: Diagnostic): Diagnostic {
  if (d.row === undefined) return d.pointer !== undefined && d.pointer !== '' ? { ...d, pointer: `${at}${d.pointer}` } : d;
  return { ...d, pointer: `${at}/${d.row - 1}${d.pointer ?? ''}` };
}
