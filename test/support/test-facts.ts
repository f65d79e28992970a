/** Facts of the engine's `test` domain (test/support/test-domain.ts): rule sets used to exercise the engine itself. */
import type { FactDefinition } from '../../src/domain/fact-types.js';

/** A small catalogue covering every fact type, for engine scenarios and benchmarks. */
export const testFacts: readonly FactDefinition[] = [
  { name: 'beboere', type: 'number', unit: 'personer', description: 'Antal beboere' },
  { name: 'ledighedPct', type: 'decimal', unit: 'pct.', description: 'Andel uden for arbejdsmarkedet' },
  { name: 'grundskolePct', type: 'decimal', unit: 'pct.', description: 'Andel med kun grundskole' },
  { name: 'indkomstPct', type: 'decimal', unit: 'pct. af regionen', description: 'Gennemsnitlig bruttoindkomst i pct. af regionens' },
  { name: 'kriminalitetsfaktor', type: 'decimal', unit: 'gange landsgennemsnittet', description: 'Andel dømte i forhold til landsgennemsnittet' },
  { name: 'score', type: 'number', unit: 'point', description: 'En talscore' },
  { name: 'graense', type: 'number', unit: 'point', description: 'En grænse at sammenligne scoren med' },
  { name: 'kommune', type: 'string', unit: 'navn', description: 'Kommunens navn' },
  { name: 'aktiv', type: 'boolean', unit: 'ja/nej', description: 'Om noget er aktivt' },
  { name: 'dato', type: 'date', unit: 'dato', description: 'En dato' },
  { name: 'maerker', type: 'string[]', unit: 'liste', description: 'En liste af mærker' },
  { name: 'afdeling', type: 'object', unit: 'objekt', description: 'Et objekt med indlejrede tal, læst med path' },
];
