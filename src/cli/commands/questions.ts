/**
 * The commands `compare` and `sensitivity` take as their subcommands: what each asks, and
 * the options that say what it asks about, as the command itself has them. How each reads
 * its input into a what-if question: `../actions/questions.ts`.
 */
import type { Command } from 'commander';
import { addClassifyInputOptions, addForecastInputOptions } from './classify.js';
import { addFinancingInputOptions } from './financing.js';
import { addLifecycleInputOptions } from './lifecycle.js';
import { addScreenInputOptions } from './screen.js';

/** A question's subcommand: what it compares, in Danish, and how its input options are added. */
export interface QuestionDefinition {
  readonly description: string;
  readonly addInput: (command: Command) => Command;
}

/** The questions, in the order help lists them. */
export const QUESTIONS = {
  classify: { description: 'klassifikationen af boligområder', addInput: addClassifyInputOptions },
  forecast: { description: 'prognosen for den næste liste', addInput: addForecastInputOptions },
  screen: { description: 'screeningen af afdelinger', addInput: addScreenInputOptions },
  lifecycle: { description: 'indsatsernes livsforløb', addInput: addLifecycleInputOptions },
  financing: { description: 'finansieringsplanens fordeling og betalingsevne', addInput: addFinancingInputOptions },
} as const satisfies Readonly<Record<string, QuestionDefinition>>;

/** The commands `compare` and `sensitivity` take. */
export type QuestionCommand = keyof typeof QUESTIONS;

/** Each question's subcommand with its definition, in the order help lists them. */
export function questionEntries(): readonly (readonly [QuestionCommand, QuestionDefinition])[] {
  return Object.entries(QUESTIONS) as [QuestionCommand, QuestionDefinition][];
}
