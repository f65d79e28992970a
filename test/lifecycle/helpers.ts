/** Shared helpers for the lifecycle tests: the lifecycle rules alone, fixtures, and a small indsats builder. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleSetFile } from '../../src/shipped.js';
import { createRegistry, type RuleRegistry } from '../../src/rules/registry.js';
import { parseIndsats } from '../../src/lifecycle/parse.js';
import type { Indsats, IndsatsEvent } from '../../src/lifecycle/schema.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A registry holding only rules/lifecycle (independent of the other domains' rule files). */
export function lifecycleRegistry(): RuleRegistry {
  const rs = loadRuleSetFile(join(ROOT, 'rules', 'lifecycle', '2017-06-01.json'));
  if (!rs.ok) throw new Error(JSON.stringify(rs.errors));
  const reg = createRegistry([rs.value]);
  if (!reg.ok) throw new Error(JSON.stringify(reg.errors));
  return reg.value;
}

/** Every fixture indsats, parsed. */
export function fixtureIndsatser(): Indsats[] {
  const dir = join(ROOT, 'fixtures', 'indsatser');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = parseIndsats(JSON.parse(readFileSync(join(dir, f), 'utf8')), { file: f });
      if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.errors)}`);
      return r.value;
    });
}

/** A minimal indsats with the given kind and events. */
export function makeIndsats(events: IndsatsEvent[], overrides: Partial<Indsats> = {}): Indsats {
  return {
    id: 'test-indsats',
    navn: 'Testindsats',
    kind: 'helhedsplan',
    afdelinger: ['A', 'B'],
    finansieringsordning: 'test-ordning',
    maal: [],
    aktiviteter: [],
    events,
    ...overrides,
  };
}

/** A valid helhedsplan log from screening to start on 2021-01-01. */
export function startedHelhedsplan(): IndsatsEvent[] {
  return [
    { type: 'screening', date: '2020-01-10', afdeling: 'A', periode: '2019', flag: ['utryghed'], anbefaling: 'helhedsplan' },
    { type: 'screening', date: '2020-01-10', afdeling: 'B', periode: '2019', flag: ['vold'], anbefaling: 'helhedsplan' },
    { type: 'praekvalifikation-ansoegt', date: '2020-02-01' },
    { type: 'praekvalifikation-bevilget', date: '2020-05-01' },
    { type: 'afdelingsmoede', date: '2020-06-01', afdeling: 'A', beslutning: 'for' },
    { type: 'afdelingsmoede', date: '2020-06-02', afdeling: 'B', beslutning: 'for' },
    { type: 'finansiering', date: '2020-09-01', lokalMedfinansieringDaekket: true, eksternFinansieringDaekket: true },
    { type: 'bevilling', date: '2020-10-01', varighedMaaneder: 48 },
    { type: 'start', date: '2021-01-01' },
  ];
}
