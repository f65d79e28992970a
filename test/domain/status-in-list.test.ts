/** "ingen" (on no list) beside other statuses is one problem, worded once, with each format's way to write "no list". */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statusInListProblem, statusSchema } from '../../src/domain/boligomraade-status.js';
import { BoligsocialError } from '../../src/errors.js';
import { readAfdelingerCsv } from '../../src/screening/csv.js';
import { statusMapOf } from '../../src/screening/status-map.js';

const MESSAGE = '"ingen" kan ikke stå i en liste af statusser';

describe('statusInListProblem', () => {
  it('passes a status on the list, refuses "ingen" in a list and an unknown status with a did-you-mean', () => {
    expect(statusInListProblem('parallelsamfund', '[]')).toBeUndefined();
    expect(statusInListProblem(' ingen ', 'Skriv []')).toEqual({ message: MESSAGE, hint: 'Skriv [] for et boligområde på ingen liste.' });
    expect(statusInListProblem('parallelsamfun', '[]')?.hint).toContain('Mente du "parallelsamfund"?');
  });

  it('is the message of the zod schema, of a --status file and of a CSV cell', () => {
    const zod = statusSchema.safeParse('ingen');
    expect(zod.success === false && zod.error.issues[0]?.message).toContain(MESSAGE);

    let thrown: unknown;
    try {
      statusMapOf({ Nordvest: ['ingen', 'parallelsamfund'] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BoligsocialError);
    expect((thrown as BoligsocialError).diagnostics[0]?.message).toContain(MESSAGE);

    const [header = '', line = ''] = readFileSync('fixtures/afdelinger.csv', 'utf8').split('\n');
    const columns = header.split(',');
    const cells = line.split(',');
    cells[columns.indexOf('boligomraade')] = 'Nordvest';
    cells[columns.indexOf('boligomraade_status')] = 'ingen|parallelsamfund';
    const read = readAfdelingerCsv(`${header}\n${cells.join(',')}\n`, 'a.csv');
    expect(read.diagnostics.map((d) => d.message)).toContain(MESSAGE);
  });
});
