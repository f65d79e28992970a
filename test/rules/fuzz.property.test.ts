/**
 * Fuzzing the readers of rule files and indsats files: random text, random JSON
 * documents, random rule-file-shaped documents and deep nesting never make them throw
 * anything but our own errors, and the work they do grows linearly with the input.
 * Linearity is checked as test/support/growth.ts describes: inputs of size n and 4n
 * timed in the same process, never against a clock limit; the test allows a ratio of 10.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoligsocialError, DIAGNOSTIC_CODES, type Diagnostic, type Result } from '../../src/errors.js';
import { parseIndsatser } from '../../src/lifecycle/parse.js';
import { parseJsonDocument } from '../../src/rules/json-document.js';
import { loadTestRuleSetText as loadRuleSetText } from '../support/test-domain.js';
import { decodeText } from '../../src/rules/text-decode.js';
import { ruleFileArbitrary } from '../support/arbitraries.js';
import { growth } from '../support/growth.js';
import { runs } from '../support/runs.js';

const CODES = new Set<string>(DIAGNOSTIC_CODES);

/** Runs `read`; it may return anything or throw a BoligsocialError, nothing else. */
function ours<T>(read: () => T): T | BoligsocialError {
  try {
    return read();
  } catch (error) {
    if (error instanceof BoligsocialError) return error;
    throw error;
  }
}

function expectDiagnostics(result: Result<unknown> | BoligsocialError): void {
  const errors: readonly Diagnostic[] = result instanceof BoligsocialError ? result.diagnostics : result.ok ? [] : result.errors;
  for (const d of errors) {
    expect(CODES.has(d.code), d.code).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/Unexpected token|is not valid JSON|Maximum call stack|undefined is not|Cannot read/);
  }
}

/** What `lifecycle` does with a file's text: JSON document, then the indsats parser. */
function readIndsatsText(text: string): Result<unknown> | BoligsocialError {
  return (
    ours(() => {
      const doc = parseJsonDocument(text, 'indsatser.json');
      if (!doc.ok) return doc;
      const r = parseIndsatser(doc.value.value, { file: 'indsatser.json' });
      return r.errors.length > 0 ? { ok: false as const, errors: r.errors } : { ok: true as const, value: r.indsatser };
    }) ?? { ok: true as const, value: undefined }
  );
}

/** Text nested `depth` levels in random containers, possibly left unclosed. */
const deepText = fc
  .tuple(fc.array(fc.constantFrom('[', '{"a":', '{"all":[', '{"not":'), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 3000 }), fc.boolean())
  .map(([openers, depth, close]) => {
    const opens = Array.from({ length: depth }, (_, i) => openers[i % openers.length] as string);
    const closes = close ? opens.map((o) => (o === '[' ? ']' : o === '{"all":[' ? ']}' : '}')).reverse().join('') : '';
    return `${opens.join('')}1${closes}`;
  });

/** A valid random rule file with one subtree replaced by a random JSON value. */
const mangledRuleFile = fc.tuple(ruleFileArbitrary(), fc.jsonValue({ maxDepth: 4 }), fc.nat()).map(([file, junk, at]) => {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((c, i) => walk(c, [...path, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
  };
  walk(file, []);
  const path = paths[at % paths.length] as (string | number)[];
  if (path.length === 0) return JSON.stringify(junk);
  const copy = structuredClone(file) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = junk;
  return JSON.stringify(copy);
});

describe('fuzz: the rule-file loader and the indsats parser only ever answer with diagnostics', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectDiagnostics(ours(() => loadRuleSetText(text, '2020-01-01.json')));
        expectDiagnostics(readIndsatsText(text));
      }),
      { numRuns: runs(200) },
    );
  });

  it('random JSON documents', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expectDiagnostics(ours(() => loadRuleSetText(text, '2020-01-01.json')));
        expectDiagnostics(readIndsatsText(text));
      }),
      { numRuns: runs(400) },
    );
  });

  it('rule files with one part replaced by random JSON', () => {
    fc.assert(
      fc.property(mangledRuleFile, (text) => {
        expectDiagnostics(ours(() => loadRuleSetText(text, '2020-01-01.json')));
      }),
      { numRuns: runs(150) },
    );
  });

  it('deep nesting, closed or not: refused at the limit with json-depth, never a stack overflow', () => {
    fc.assert(
      fc.property(deepText, (text) => {
        const loaded = ours(() => loadRuleSetText(text, '2020-01-01.json'));
        expectDiagnostics(loaded);
        expectDiagnostics(readIndsatsText(text));
        const depthErrors = !(loaded instanceof BoligsocialError) && !loaded.ok ? loaded.errors.filter((d) => d.code === 'json-depth') : [];
        // more than 64 containers deep is always reported as json-depth, first and alone
        const containers = (text.match(/[[{]/g) ?? []).length;
        if (containers > 64) expect(depthErrors).toHaveLength(1);
      }),
      { numRuns: runs(200) },
    );
  });

  it('random bytes decode to text or one file-encoding diagnostic', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeText(bytes, 'f');
        if (!r.ok) expect(r.errors.map((d) => d.code)).toEqual(['file-encoding']);
      }),
      { numRuns: runs(500) },
    );
  });
});

const load = (text: string) => loadRuleSetText(text, '2020-01-01.json');

function junk(n: number): string {
  let seed = 7;
  const chars = '{}[]",:a1 \n\\';
  let s = '';
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    s += chars[seed % chars.length];
  }
  return s;
}

function manyRules(n: number): string {
  const rules = Array.from({ length: n }, (_, i) => ({
    id: `regel-${i}`,
    title: `Regel ${i}`,
    conditions: { all: [{ fact: 'beboere', operator: 'greaterThan', value: i }, { atLeast: 1, of: [{ fact: 'score', operator: 'lessThan', value: 3 }, { fact: 'aktiv', operator: 'equal', value: true }] }] },
    event: { type: 'r', params: { i } },
  }));
  return JSON.stringify({ id: 'mange', domain: 'test', title: 'Mange', effective: { from: '2020-01-01' }, source: { reference: 't' }, rules });
}

function chain(n: number): string {
  const conditions = Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, { title: 'C', condition: i === n - 1 ? { fact: 'beboere', operator: 'greaterThan', value: 1 } : { condition: `c${i + 1}` } }]));
  return JSON.stringify({ id: 'kaede', domain: 'test', title: 'Kæde', effective: { from: '2020-01-01' }, source: { reference: 't' }, conditions, rules: [{ id: 'r', title: 'R', conditions: { condition: 'c0' }, event: { type: 'r' } }] });
}

function indsatser(n: number): string {
  const one = (i: number) => ({ id: `i-${i}`, navn: 'I', kind: 'helhedsplan', afdelinger: ['A'], finansieringsordning: 'f', maal: [], aktiviteter: [], events: [{ type: 'bevilling', date: '2020-01-01' }, { type: 'start', date: '2020-02-01' }] });
  return JSON.stringify(Array.from({ length: n }, (_, i) => one(i)));
}

describe('linear work: 4 times the input takes about 4 times as long (allowed: 10)', () => {
  it.each([
    ['junk text', junk, load, 20_000],
    ['a rule file with many rules', manyRules, load, 60],
    ['a chain of named conditions', chain, load, 400],
    ['an indsats file with many indsatser', indsatser, readIndsatsText, 100],
    ['deep nesting', (n: number) => '['.repeat(n), load, 100_000],
  ] as const)('%s', (_, make, read, n) => {
    expect(growth(make, read as (t: string) => unknown, n, 10)).toBeLessThan(10);
  });
});
