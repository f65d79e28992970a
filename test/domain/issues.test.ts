/** The one mapping from zod issues to located Danish diagnostics (issue 13: no zod-issue mapper written twice). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idOf, issuesToDiagnostics, safeParseDanish } from '../../src/domain/parse.js';

const schema = z.strictObject({ id: z.string(), tal: z.array(z.number()) });
const failed = safeParseDanish(schema, { id: 'a', tal: [1, 'to'], ekstra: true });
if (failed.success) throw new Error('the input should not validate');
const error = failed.error;

describe('issuesToDiagnostics', () => {
  it('locates each issue by pointer (under a base), by field, or both, with one hint for all', () => {
    const d = issuesToDiagnostics(error, { file: 'f.json', id: 'a', pointerBase: '/3', field: 'always', hint: 'Ret det.' });
    expect(d.map((x) => [x.code, x.severity, x.file, x.id, x.pointer, x.field, x.hint])).toEqual([
      ['input-invalid', 'error', 'f.json', 'a', '/3/tal/1', 'tal.1', 'Ret det.'],
      ['input-invalid', 'error', 'f.json', 'a', '/3/ekstra', '', 'Ret det.'],
    ]);
    expect(d[0]?.message).toMatch(/forventede|tal/i);
  });

  it('leaves out what it is not asked for, and gives the field only for nested issues when asked so', () => {
    const d = issuesToDiagnostics(error, { code: 'input-row', row: 4, field: 'when-nested' });
    expect(d.map((x) => ({ ...x, message: '' }))).toEqual([
      { code: 'input-row', severity: 'error', row: 4, field: 'tal.1', message: '' },
      { code: 'input-row', severity: 'error', row: 4, message: '' },
    ]);
  });

  it('words the message and the hint per issue when given functions', () => {
    const d = issuesToDiagnostics(error, { message: (issue, field) => `${field || 'rod'}: ${issue.code}`, hint: (issue) => (issue.code === 'unrecognized_keys' ? 'Slet nøglen.' : undefined) });
    expect(d.map((x) => [x.message, x.hint])).toEqual([
      ['tal.1: invalid_type', undefined],
      ['rod: unrecognized_keys', 'Slet nøglen.'],
    ]);
  });
});

describe('idOf', () => {
  it('reads an own text id only', () => {
    expect(idOf({ id: 'x' })).toBe('x');
    expect(idOf({ id: 5 })).toBeUndefined();
    expect(idOf(Object.create({ id: 'arvet' }))).toBeUndefined();
    expect(idOf(null)).toBeUndefined();
    expect(idOf('id')).toBeUndefined();
  });
});
