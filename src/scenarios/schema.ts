/** The policy-scenario file format: input facts and the outcome an analyst expects. */
import { z } from 'zod';
import { isoDateSchema } from '../domain/calendar.js';

/** A scenario file as written by an analyst. */
export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().min(1).describe('Hvad scenariet viser, på dansk'),
    ruleSet: z.string().min(1).describe('Regelsættets id, fx "classification"'),
    asOf: isoDateSchema.describe('Datoen, der vælger regelsættets version'),
    rules: z.string().optional().describe('Mappe med regelfiler, relativt til scenariefilen; udelades for pakkens egne regler'),
    disable: z.array(z.string()).optional().describe('Betingelser eller regler, der slås fra'),
    facts: z.record(z.string(), z.unknown()).describe('Fakta; en udeladt fakta er ukendt'),
    expected: z
      .record(z.string(), z.union([z.boolean(), z.null()]))
      .describe('Forventet udfald pr. regel-id: true, false eller null (ukendt)'),
    expectedMissingFacts: z.array(z.string()).optional().describe('Forventede manglende fakta'),
  })
  .strict();

/** A parsed scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;
