// A CommonJS consumer of the built package.
const { bundledRegistry, decideRuleSet, formatKroner, loadRegistry } = require('@fsb/boligsocial');

const registry = bundledRegistry();
const demo = loadRegistry(process.argv[2]);
if (!demo.ok) throw new Error('demo rules did not load');
const rs = demo.value.inForce('demo', '2020-12-01');
const d = decideRuleSet(rs, { beboere: 1200, ledighedPct: '41', kriminalitetsfaktor: '3', grundskolePct: '50', indkomstPct: '60' });
console.log(JSON.stringify({ format: 'cjs', ids: registry.ids().length >= 0, udsat: d.outcomes.udsat, kr: formatKroner('1234567.891') }));
