import { describe, expect, it } from 'vitest';
import { findDepthExcess, MAX_JSON_DEPTH } from '../../src/rules/json-depth.js';
import { parseJsonDocument } from '../../src/rules/json-document.js';
import { loadTestRuleSetText as loadRuleSetText } from '../support/test-domain.js';
import { parseIndsatser } from '../../src/lifecycle/parse.js';

const nested = (open: string, close: string, levels: number, inner = '1') => open.repeat(levels) + inner + close.repeat(levels);

/** A rule file whose one rule nests `levels` levels of the given wrapper around a leaf. */
function ruleFile(wrap: (inner: string) => string, levels: number): string {
  let c = '{"fact":"beboere","operator":"greaterThan","value":1}';
  for (let i = 0; i < levels; i++) c = wrap(c);
  return `{"id":"dyb","domain":"test","title":"Dyb","effective":{"from":"2020-01-01"},"source":{"reference":"t"},"rules":[{"id":"r","title":"R","conditions":${c},"event":{"type":"r"}}]}`;
}

describe('findDepthExcess', () => {
  it('accepts exactly the limit and points at the bracket one level deeper', () => {
    expect(findDepthExcess(nested('[', ']', MAX_JSON_DEPTH))).toBeUndefined();
    expect(findDepthExcess(nested('[', ']', MAX_JSON_DEPTH + 1))).toEqual({ offset: MAX_JSON_DEPTH, path: Array(MAX_JSON_DEPTH).fill(0) });
  });

  it('gives the path through object keys and array indices', () => {
    const text = `{"a": [1, {"b": ${nested('[', ']', 3)}}], "c": 2}`;
    expect(findDepthExcess(text, 4)).toEqual({ offset: text.indexOf('[[[') + 1, path: ['a', 1, 'b', 0] });
  });

  it('does not count brackets inside strings', () => {
    expect(findDepthExcess(`{"x": "${'['.repeat(500)}"}`)).toBeUndefined();
  });

  it('runs on a million levels without recursion', () => {
    expect(findDepthExcess('['.repeat(1_000_000))?.offset).toBe(MAX_JSON_DEPTH);
  });
});

describe('parseJsonDocument: the nesting limit', () => {
  it('refuses nesting deeper than the limit with a located json-depth error before parsing', () => {
    const text = `{\n  "a": ${nested('[', ']', 100_000)}\n}`;
    const r = parseJsonDocument(text, 'dyb.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'json-depth', file: 'dyb.json', line: 2, column: 8 + MAX_JSON_DEPTH - 1 });
    expect(r.errors[0]?.message).toContain('mere end 64 niveauer');
    // the root object is level 1, so the 64th array opens level 65: the path to it is a and 63 indices
    expect(r.errors[0]?.pointer).toBe(`/a${'/0'.repeat(MAX_JSON_DEPTH - 1)}`);
  });

  it('refuses it even in text with syntax errors (which the parser would recurse into)', () => {
    const r = parseJsonDocument(`{"a": ${'['.repeat(50_000)}`, 'f.json');
    expect(!r.ok && r.errors.map((d) => d.code)).toEqual(['json-depth']);
  });
});

describe('deeply nested rule files and indsats files: one located error, no stack overflow', () => {
  it.each([
    ['all', (c: string) => `{"all":[${c}]}`, 800],
    ['any', (c: string) => `{"any":[${c}]}`, 800],
    ['not', (c: string) => `{"not":${c}}`, 1500],
    ['atLeast', (c: string) => `{"atLeast":1,"of":[${c}]}`, 1000],
    ['all, 20,000 levels', (c: string) => `{"all":[${c}]}`, 20_000],
  ])('%s', (_, wrap, levels) => {
    const r = loadRuleSetText(ruleFile(wrap, levels), '2020-01-01.json');
    expect(!r.ok && r.errors.map((d) => [d.code, d.line])).toEqual([['json-depth', 1]]);
  });

  it('an array value or event params 3,000 levels deep', () => {
    const deepValue = ruleFile((c) => c, 0).replace('"value":1', `"value":${nested('[', ']', 3000)}`);
    const deepParams = ruleFile((c) => c, 0).replace('"event":{"type":"r"}', `"event":{"type":"r","params":{"p":${nested('{"a":', '}', 3000)}}}`);
    for (const text of [deepValue, deepParams]) {
      const r = loadRuleSetText(text, '2020-01-01.json');
      expect(!r.ok && r.errors.map((d) => d.code)).toEqual(['json-depth']);
    }
  });

  it('an indsats file nested 5,000 levels deep in an event', () => {
    const text = `[{"id":"dyb","events":[${nested('{"note":', '}', 5000, '"x"')}]}]`;
    const doc = parseJsonDocument(text, 'indsatser.json');
    expect(!doc.ok && doc.errors[0]).toMatchObject({ code: 'json-depth', file: 'indsatser.json', line: 1 });
    // a shallow bad indsats still reaches the parser, which reports it in Danish
    const shallow = parseJsonDocument('[{"id":"ok"}]', 'indsatser.json');
    expect(shallow.ok && parseIndsatser(shallow.value.value).errors.length).toBeGreaterThan(0);
  });
});
