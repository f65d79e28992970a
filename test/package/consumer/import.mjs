// An ESM consumer of the built package: prints what a service would check first.
import { bundledRegistry, decideRuleSet, defineRuleDomain, formatKroner, loadRegistry, PACKAGE_VERSION, SHIPPED_DOMAINS } from '@fsb/boligsocial';

const registry = bundledRegistry();
// the demo rules are in a domain of their own, declared to the loader next to the shipped ones
const facts = ['ledighedPct', 'kriminalitetsfaktor', 'grundskolePct', 'indkomstPct'].map((name) => ({ name, type: 'decimal', unit: 'pct.', description: name }));
const demoDomain = defineRuleDomain({
  name: 'test',
  title: 'Demonstration',
  facts: [{ name: 'beboere', type: 'number', unit: 'personer', description: 'Antal beboere' }, ...facts],
  events: {},
  otherEvents: { description: 'Enhver hændelse uden params', params: undefined },
  parameters: {},
});
const demo = loadRegistry(process.argv[2], { domains: [...SHIPPED_DOMAINS, demoDomain] });
if (!demo.ok) throw new Error('demo rules did not load');
const rs = demo.value.inForce('demo', '2020-12-01');
const d = decideRuleSet(rs, { beboere: 1200, ledighedPct: '41', kriminalitetsfaktor: '3', grundskolePct: '50', indkomstPct: '60' });
console.log(JSON.stringify({ format: 'esm', ids: registry.ids().length >= 0, udsat: d.outcomes.udsat, kr: formatKroner('1234567.891'), hash: /^[0-9a-f]{64}$/.test(rs.info.contentHash), version: PACKAGE_VERSION }));
