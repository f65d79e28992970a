/**
 * What the benchmark reads from a benchmark rule file, declared to the loader: no
 * facts and no rules, only the thresholds of the trend, of "gået i stå" and of
 * "på rette kurs" (fsb policy, to be confirmed).
 */
import { isDecimalString } from '../../domain/decimal.js';
import { defineRuleDomain } from '../../rules/rule-domain.js';

/** The benchmark domain's declaration to the loader (rule files `rules/benchmark/<date>.json`). */
export const benchmarkRules = defineRuleDomain({
  name: 'benchmark',
  title: 'Benchmarking af indsatsernes mål på tværs af helhedsplaner: tendens, gået i stå og på rette kurs',
  facts: [],
  events: {},
  parameters: {
    tendensPerioder: {
      type: 'integer',
      unit: 'måleperioder',
      description: 'Tendensen vises over så mange seneste målinger (mindst 2)',
      required: true,
      min: 2,
    },
    perioderIStaa: {
      type: 'integer',
      unit: 'måleperioder',
      description: 'En indikator er gået i stå, når den ikke er blevet bedre i så mange seneste perioder og ikke har nået målet',
      required: true,
      min: 1,
    },
    andelAfForventetFremdrift: {
      type: 'decimal',
      unit: 'andel af den forventede fremdrift',
      description: 'På rette kurs: fremdriften er mindst denne andel af den forventede, jævne fremdrift fra baseline til mål',
      required: true,
    },
  },
  check: (file, report) => {
    const andel = file.parameters?.['andelAfForventetFremdrift']?.value;
    if (typeof andel === 'string' && isDecimalString(andel) && andel.trim().startsWith('-')) {
      report('value-type', ['parameters', 'andelAfForventetFremdrift', 'value'], `andelen af den forventede fremdrift er negativ (${andel})`, 'Skriv en andel på 0 eller derover, fx "1" for hele den forventede fremdrift.');
    }
  },
});
