/** The scenario JSON Schema: one strict branch per input key, and written as ajv's strict mode wants it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenarios/json-schema.js';
import { SCENARIO_INPUT_KEYS, SCENARIO_KINDS } from '../../src/scenarios/schema.js';

type Node = { readonly [key: string]: unknown };
const schema = scenarioJsonSchema() as Node & { anyOf: Node[]; definitions: Record<string, Node> };

function nodes(n: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(n)) for (const x of n) nodes(x, out);
  else if (typeof n === 'object' && n !== null) {
    out.push(n as Node);
    for (const v of Object.values(n)) nodes(v, out);
  }
  return out;
}

describe('rules/scenario.schema.json', () => {
  it('is the generated schema', () => {
    expect(JSON.parse(readFileSync('rules/scenario.schema.json', 'utf8'))).toEqual(schema);
  });

  it('has one closed branch per kind, each requiring its input key', () => {
    expect(schema.anyOf).toHaveLength(SCENARIO_KINDS.length);
    SCENARIO_KINDS.forEach((kind, i) => {
      const branch = schema.anyOf[i] as Node & { required: string[]; properties: Node };
      expect(branch.additionalProperties).toBe(false);
      expect(branch.required).toContain(SCENARIO_INPUT_KEYS[kind]);
      expect(branch.required).toContain('expected');
      for (const other of SCENARIO_KINDS.filter((k) => k !== kind && SCENARIO_INPUT_KEYS[k] !== SCENARIO_INPUT_KEYS[kind])) {
        expect(Object.keys(branch.properties)).not.toContain(SCENARIO_INPUT_KEYS[other]);
      }
    });
  });

  it('names its shared definitions and writes no union type (ajv strictTypes)', () => {
    expect(Object.keys(schema.definitions).sort()).toEqual(['afdeling', 'andel', 'benchmarkmaal', 'dato', 'finansieringsplan', 'indsats', 'metodetjek']);
    const unions = nodes(schema).filter((n) => Array.isArray(n.type) && typeof n.type[0] === 'string');
    expect(unions).toEqual([]);
    // the same JSON values stay allowed: a share as text or number, a truth as boolean or null
    expect(nodes(schema).some((n) => JSON.stringify(n.anyOf) === JSON.stringify([{ type: 'boolean' }, { type: 'null' }]))).toBe(true);
  });
});
