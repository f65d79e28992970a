/** How each command `compare` and `sensitivity` take reads its input into a what-if question (its options: `../commands/questions.ts`). */
import { classificationQuestion, financingQuestion, forecastQuestion, lifecycleQuestion, screeningQuestion, type WhatIfQuestion } from '../../compare/index.js';
import type { Diagnostic } from '../../errors.js';
import { withLocation } from '../../rules/index.js';
import type { QuestionCommand } from '../commands/questions.js';
import type { CliContext } from '../io.js';
import { type ClassifyInputOptions, type ForecastInputOptions, goodRows, locateClassifyDiagnostic, locateForecastDiagnostic, readClassifyInput, readForecastInput } from './classify.js';
import { readFinancingInput } from './financing.js';
import { type LifecycleInputOptions, readLifecycleInput } from './lifecycle.js';
import { readScreenInput, screenDiagnostics, type ScreenInputOptions } from './screen.js';

/** A question read from the command line, with the problems found reading its input and how to locate the answer's problems. */
export interface PreparedQuestion {
  readonly question: WhatIfQuestion;
  readonly inputDiagnostics: readonly Diagnostic[];
  readonly locate: (d: Diagnostic) => Diagnostic;
}

/** How each command reads its input into a what-if question; undefined when it cannot be read (already reported). */
export const QUESTION_READERS = {
  classify: (file: string, options: ClassifyInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
    const input = readClassifyInput(file, options, ctx);
    if (input === undefined) return undefined;
    const good = goodRows(input);
    return {
      question: classificationQuestion(good.map((r) => r.value), input.options),
      inputDiagnostics: [...input.fileErrors, ...input.rows.flatMap((r) => r.errors)],
      locate: (d) => locateClassifyDiagnostic(input, good, d),
    };
  },
  forecast: (file: string, options: ForecastInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
    const input = readForecastInput(file, options, ctx);
    if (input === undefined) return undefined;
    return { question: forecastQuestion(input.usable.map((a) => a.value), input.options), inputDiagnostics: input.diagnostics, locate: (d) => locateForecastDiagnostic(input, d) };
  },
  screen: (file: string, options: ScreenInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
    const input = readScreenInput(file, options, ctx);
    if (input === undefined) return undefined;
    return { question: screeningQuestion(input.afdelinger, input.options), inputDiagnostics: input.diagnostics, locate: (d) => screenDiagnostics(input, [d])[0] ?? d };
  },
  lifecycle: (file: string, options: LifecycleInputOptions, ctx: CliContext): PreparedQuestion | undefined => {
    const input = readLifecycleInput(file, options, ctx);
    if (input === undefined) return undefined;
    return { question: lifecycleQuestion(input.indsatser, input.options), inputDiagnostics: input.errors, locate: (d) => d };
  },
  financing: (file: string, _options: object, ctx: CliContext): PreparedQuestion | undefined => {
    const input = readFinancingInput(file, ctx);
    if (input === undefined) return undefined;
    return { question: financingQuestion(input.budget, input.options, input.shown), inputDiagnostics: [], locate: (d) => withLocation(input.doc, d) };
  },
} as const satisfies Readonly<Record<QuestionCommand, unknown>>;

/**
 * Reads the input of question `name` with the options its command line gave (they include
 * the question's own input options, which commander parsed from its definition).
 */
export function readQuestion(name: QuestionCommand, file: string, options: object, ctx: CliContext): PreparedQuestion | undefined {
  return (QUESTION_READERS[name] as (f: string, o: object, c: CliContext) => PreparedQuestion | undefined)(file, options, ctx);
}
