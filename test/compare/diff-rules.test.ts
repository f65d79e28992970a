/** diff-rules: the 2021 law as a reviewer reads it, condition paths, and the command's sides. */
import { describe, expect, it } from 'vitest';
import { bundledRegistry, diffRuleSets, loadRuleSetText, type RuleChange } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { TEST_DOMAINS } from '../support/test-domain.js';

// run once for the describe below (its tests read them); a describe callback cannot await
const run = await runCli(['diff-rules', 'rules/classification/2018-12-01.json', 'rules/classification/2021-11-30.json']);
const json = await runCli(['diff-rules', 'rules/classification/2018-12-01.json', 'rules/classification/2021-11-30.json', '--format', 'json']);
const changes = (JSON.parse(json.stdout) as { aendringer: RuleChange[] }).aendringer;
const find = (p: Partial<RuleChange>) => changes.filter((c) => Object.entries(p).every(([k, v]) => (c as unknown as Record<string, unknown>)[k] === v));

describe('diff-rules rules/classification/2018-12-01.json rules/classification/2021-11-30.json', () => {
  it('runs', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('shows the renamed categories as renames, not as a rule removed and another added', () => {
    expect(find({ omraade: 'regel', art: 'omdoebt', tidligereNavn: 'ghettoomraade', navn: 'parallelsamfund' })).toHaveLength(1);
    expect(find({ omraade: 'regel', art: 'omdoebt', tidligereNavn: 'haardt-ghettoomraade', navn: 'omdannelsesomraade' })).toHaveLength(1);
    expect(find({ omraade: 'betingelse', art: 'omdoebt', tidligereNavn: 'ghetto-kriterier', navn: 'parallelsamfund-kriterier' })).toHaveLength(1);
    expect(find({ omraade: 'regel', art: 'fjernet', navn: 'ghettoomraade' })).toHaveLength(0);
    expect(find({ navn: 'parallelsamfund', felt: 'event.params.navn' })[0]).toMatchObject({ foer: '"ghettoområde"', efter: '"parallelsamfund"' });
    expect(run.stdout).toContain('→ regel ghettoomraade omdøbt til parallelsamfund ("Ghettoområde" → "Parallelsamfund")');
    expect(run.stdout).toContain('~ regel omdannelsesomraade: hændelsens navn "hårdt ghettoområde" → "omdannelsesområde"');
  });

  it('shows the history rule\'s 5 years, which the 2018 law wrote as 4, now confirmed', () => {
    const description = find({ omraade: 'parameter', navn: 'minAarIRaekke', felt: 'description' })[0];
    expect(description?.foer).toContain('Loven siger 4 år');
    expect(description?.efter).toContain('de seneste 5 år');
    expect(find({ omraade: 'parameter', navn: 'minAarIRaekke', felt: 'status' })[0]).toMatchObject({ foer: 'ubekræftet', efter: 'bekræftet' });
    expect(find({ omraade: 'parameter', navn: 'minAarIRaekke', felt: 'value' })).toHaveLength(0);
    expect(run.stdout).toContain('~ parameter minAarIRaekke: status ubekræftet → bekræftet');
  });

  it('shows the forebyggelse criteria: the new rule, its conditions and parameters', () => {
    expect(find({ omraade: 'regel', art: 'tilfoejet', navn: 'forebyggelsesomraade' })[0]?.efter).toBe(
      'Forebyggelsesområde: alle(beboere ≥ [minBeboere], ‹ikke-vestlige-forebyggelse›, mindst [forebyggelseMinKriterier] af(‹uden-arbejde-forebyggelse›, ‹domfaelte-forebyggelse›, ‹grundskole-forebyggelse›, ‹indkomst-forebyggelse›))',
    );
    for (const name of ['ikke-vestlige-forebyggelse', 'uden-arbejde-forebyggelse', 'domfaelte-forebyggelse', 'grundskole-forebyggelse', 'indkomst-forebyggelse']) {
      expect(find({ omraade: 'betingelse', art: 'tilfoejet', navn: name }), name).toHaveLength(1);
    }
    expect(find({ omraade: 'parameter', art: 'tilfoejet', navn: 'forebyggelseMaxIkkeVestligePct' })[0]?.efter).toContain('"30" pct. af beboerne');
    expect(run.stdout).toContain('+ ny betingelse indkomst-forebyggelse: Bruttoindkomst under 65 pct. af regionens gennemsnit: indkomstPctAfRegion < [forebyggelseMaxIndkomstPct]');
  });

  it('shows the effective period and the notes', () => {
    expect(find({ omraade: 'ikrafttraeden', felt: 'effective.to' })[0]).toMatchObject({ foer: '2021-11-29' });
    expect(find({ omraade: 'bemaerkning', art: 'tilfoejet' }).some((c) => c.efter?.includes('C-417/23'))).toBe(true);
  });
});

const file = (rules: unknown[], conditions: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'demo', domain: 'classification', title: 'Demo', effective: { from: '2020-01-01' }, source: { reference: 'x' }, parameters, conditions, rules });

function load(text: string) {
  const r = loadRuleSetText(text, '2020-01-01.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('diffRuleSets', () => {
  const params = { k: { value: 2, unit: 'kriterier', description: 'k' }, t: { value: '40', unit: 'pct.', description: 't' } };
  const rule = (of: unknown[]) => [{ id: 'r', title: 'R', conditions: { all: [{ fact: 'beboere', operator: 'greaterThanInclusive', value: 1000 }, { atLeast: { parameter: 'k' }, of }] }, event: { type: 'udsat', params: { kategori: 'udsat', navn: 'udsat boligområde' } } }];
  const leaf = (fact: string, value: string) => ({ fact, operator: 'decimalGreaterThan', value });

  it('locates a change inside a tree by its condition path', () => {
    const a = load(file(rule([leaf('udenArbejdePct', '40'), leaf('kunGrundskolePct', '60'), leaf('indkomstPctAfRegion', '55')]), {}, params));
    const b = load(file(rule([leaf('udenArbejdePct', '40'), leaf('kunGrundskolePct', '60'), leaf('indkomstPctAfRegion', '50')]), {}, params));
    expect(diffRuleSets(a, b).aendringer).toEqual([{ omraade: 'regel', art: 'aendret', navn: 'r', sti: 'r › all[1] › atLeast.of[2]', foer: 'indkomstPctAfRegion > "55"', efter: 'indkomstPctAfRegion > "50"' }]);
  });

  it('reports a criterion inserted into a list as one addition, not as every later one changed', () => {
    const a = load(file(rule([leaf('udenArbejdePct', '40'), leaf('indkomstPctAfRegion', '55')]), {}, params));
    const b = load(file(rule([leaf('udenArbejdePct', '40'), leaf('kunGrundskolePct', '60'), leaf('indkomstPctAfRegion', '55')]), {}, params));
    expect(diffRuleSets(a, b).aendringer).toEqual([{ omraade: 'regel', art: 'tilfoejet', navn: 'r', sti: 'r › all[1] › atLeast.of[1]', efter: 'kunGrundskolePct > "60"' }]);
  });

  it('finds nothing between two versions that mean the same', () => {
    const r = bundledRegistry().inForce('screening', '2024-12-01');
    expect(diffRuleSets(r, r).aendringer).toEqual([]);
  });
});

describe('the diff-rules command', () => {
  it('takes <id>@<date> and a second date of the same rule set', async () => {
    const a = await runCli(['diff-rules', 'classification@2019-12-01', '2022-12-01', '--format', 'json']);
    const b = await runCli(['diff-rules', 'rules/classification/2018-12-01.json', 'rules/classification/2021-11-30.json', '--format', 'json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).aendringer).toEqual(JSON.parse(b.stdout).aendringer);
  });

  it('suggests the rule set meant, and names the dates covered', async () => {
    const a = await runCli(['diff-rules', 'clasification@2019-12-01', '2022-12-01']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('Mente du "classification"?');
    const b = await runCli(['diff-rules', 'classification@2001-01-01', '2022-12-01']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('de første træder i kraft 2010-10-26');
  });

  it('reports an invalid file with its location and exit 1', async () => {
    const r = await runCli(['diff-rules', 'fixtures/broken/ukendt-fakta/2020-01-01.json', 'rules/screening/2017-06-01.json'], { domains: TEST_DOMAINS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fixtures\/broken\/ukendt-fakta\/2020-01-01\.json:\d+:\d+ fejl unknown-fact/);
  });
});
