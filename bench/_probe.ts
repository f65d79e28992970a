import * as L from '../src/index.js';
const hostile: [string, unknown][] = [['null', null], ['undefined', undefined], ['bigint', 10n], ['symbol', Symbol('x')], ['NaN', NaN], ['Inf', Infinity], ['fn', () => 1], ['str', 'x'], ['arr', []], ['date', new Date()]];
const reg = L.bundledRegistry();
const rs = reg.inForce('classification', '2019-12-01');
const calls: [string, (v: unknown) => unknown][] = [
  ['classifyBoligomraade(v)', (v) => L.classifyBoligomraade(v as never, { listedato: '2019-12-01' })],
  ['classifyBoligomraade({id,beboere:v})', (v) => L.classifyBoligomraade({ id: 'a', beboere: v } as never, { listedato: '2019-12-01' })],
  ['classifyBoligomraade({id,ikkeVestligePct:v})', (v) => L.classifyBoligomraade({ id: 'a', ikkeVestligePct: v } as never, { listedato: '2019-12-01' })],
  ['classifyBoligomraade(opts v)', (v) => L.classifyBoligomraade({ id: 'a' }, v as never)],
  ['classifyBoligomraader([v])', (v) => L.classifyBoligomraader([v] as never, {})],
  ['classifyBoligomraader(v)', (v) => L.classifyBoligomraader(v as never, {})],
  ['forecastBoligomraade', (v) => L.forecastBoligomraade(v as never, { listedato: '2019-12-01' } as never)],
  ['forecastBoligomraader([v])', (v) => L.forecastBoligomraader([v] as never, { listedato: '2019-12-01' } as never)],
  ['screenAfdeling(v)', (v) => L.screenAfdeling(v, { asOf: '2024-12-01' })],
  ['screenAfdelinger([v])', (v) => L.screenAfdelinger([v], { asOf: '2024-12-01' })],
  ['screenAfdelinger(v)', (v) => L.screenAfdelinger(v as never, { asOf: '2024-12-01' })],
  ['decideAfdelinger([v])', (v) => L.decideAfdelinger([v], { asOf: '2024-12-01' })],
  ['validateAfdeling(v)', (v) => L.validateAfdeling(v)],
  ['parseIndsats(v)', (v) => L.parseIndsats(v)],
  ['parseIndsatser(v)', (v) => L.parseIndsatser(v)],
  ['assessIndsats(v)', (v) => L.assessIndsats(v as never, { asOf: '2024-12-01' } as never)],
  ['reviewIndsatser([v])', (v) => L.reviewIndsatser([v] as never, { asOf: '2024-12-01' } as never)],
  ['allocateFinancing(v)', (v) => L.allocateFinancing(v as never, {} as never)],
  ['tryAllocateFinancing(v)', (v) => L.tryAllocateFinancing(v as never, {} as never)],
  ['assessAffordability(v)', (v) => L.assessAffordability(v as never)],
  ['evaluateRuleSet(v)', (v) => L.evaluateRuleSet(rs, v as never)],
  ['evaluateRuleSet({beboere:v})', (v) => L.evaluateRuleSet(rs, { beboere: v } as never)],
  ['decideRuleSet({udenArbejdePct:v})', (v) => L.decideRuleSet(rs, { udenArbejdePct: v } as never)],
  ['createDecider', (v) => L.createDecider(rs, rs.rules[0]!.id)({ beboere: v } as never)],
  ['createExplainer', (v) => L.createExplainer(rs, rs.rules[0]!.id)({ beboere: v } as never)],
];
for (const [name, f] of calls) for (const [vn, v] of hostile) {
  try { f(v); } catch (e) { if (!(e instanceof L.BoligsocialError)) console.log(`${name} ${vn}: ${(e as Error).name}: ${(e as Error).message.slice(0, 100)}`); else if (e.code !== 'input-invalid') console.log(`${name} ${vn}: code ${e.code}: ${e.message.slice(0,80)}`); }
}
