import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSetFile, loadRuleSetText } from '../../src/shipped.js';
import { createRegistry } from '../../src/rules/registry.js';
import type { IndsatsEvent } from '../../src/lifecycle/schema.js';
import { makeIndsats, ROOT } from './helpers.js';
import { assessIndsats } from '../../src/lifecycle/index.js';

const scheme = {
  id: 'test-ordning',
  domain: 'financing',
  title: 'Testordning med 60 måneders maksimum',
  effective: { from: '2017-01-01' },
  source: { reference: 'Test' },
  rules: [],
  financing: { indsatsKinds: ['lokalt-udviklingsprojekt'], maxDurationMonths: 60, funders: [] },
};

describe('duration against the financing scheme', () => {
  const lifecycle = loadRuleSetFile(join(ROOT, 'rules', 'lifecycle', '2017-06-01.json'));
  const financing = loadRuleSetText(JSON.stringify(scheme), 'test-ordning/2017-01-01.json');
  if (!lifecycle.ok || !financing.ok) throw new Error(JSON.stringify([lifecycle, financing]));
  const events: IndsatsEvent[] = [{ type: 'bevilling', date: '2020-01-01', varighedMaaneder: 60 }];
  const indsats = makeIndsats(events, { kind: 'lokalt-udviklingsprojekt', afdelinger: ['A'] });
  const start = (rs: typeof lifecycle.value[]) => {
    const reg = createRegistry(rs);
    if (!reg.ok) throw new Error('registry');
    return assessIndsats(indsats, { asOf: '2020-02-01', rules: reg.value }).start.find((s) => s.condition === 'varighed-inden-for-maksimum');
  };

  it("uses the scheme's maxDurationMonths when its rule set is known", () => {
    const s = start([lifecycle.value, financing.value]);
    expect(s?.resultat).toBe('opfyldt');
    expect(s?.evidens).toContain('Maksimum 60 måneder efter finansieringsordningen test-ordning');
  });

  it('falls back to the default 48 months otherwise', () => {
    const s = start([lifecycle.value]);
    expect(s?.resultat).toBe('ikke-opfyldt');
    expect(s?.evidens.join('\n')).toContain('Maksimum 48 måneder (standard');
  });
});
