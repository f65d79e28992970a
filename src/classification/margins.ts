/**
 * How far each criterion is from flipping: in the criterion's own unit (percentage
 * points, gange landsgennemsnittet) and, where counts are known, as the number of
 * persons that would flip it ("2 beboere færre uden for arbejdsmarkedet …").
 */
import { Decimal, decimalString } from '../domain/decimal.js';
import { definitionOf } from '../engine/program.js';
import type { CompiledRuleSet, Truth } from '../engine/types.js';
import { formatTal } from '../format/danish.js';
import type { LeafInput } from '../engine/grammar.js';

/** The counts behind a boligområde's shares (sums over its afdelinger). */
export interface Optaelling {
  readonly beboere?: number | undefined;
  readonly ikkeVestlige?: number | undefined;
  readonly beboere18til64?: number | undefined;
  readonly udenArbejde?: number | undefined;
  readonly beboere18plus?: number | undefined;
  readonly domfaelte?: number | undefined;
  readonly domfaelteLandsgennemsnitPct?: string | undefined;
  readonly beboere30til59?: number | undefined;
  readonly kunGrundskole?: number | undefined;
  readonly skatteydere?: number | undefined;
  readonly bruttoindkomstKr?: string | undefined;
  readonly regionGennemsnitKr?: string | undefined;
}

/** One criterion's distance from its threshold. */
export interface Margin {
  /** The named condition (criterion). */
  readonly betingelse: string;
  readonly titel: string;
  readonly fact: string;
  readonly operator: string;
  /** The threshold, as a decimal string. */
  readonly graense: string;
  /** The area's value, as a decimal string; null when unknown. */
  readonly vaerdi: string | null;
  readonly opfyldt: Truth;
  /** value − threshold, in the fact's unit (percentage points for shares). */
  readonly afstand?: string;
  /** Persons (or, for income, kroner of the mean income) that would flip the criterion. */
  readonly personer?: number;
  readonly kroner?: string;
  /** The margin in Danish. */
  readonly tekst: string;
}

interface Subject {
  readonly one: string;
  readonly many: string;
  readonly qualifier: string;
}

const SUBJECT: Readonly<Record<string, Subject>> = Object.freeze({
  beboere: { one: 'beboer', many: 'beboere', qualifier: '' },
  ikkeVestligePct: { one: 'beboer', many: 'beboere', qualifier: 'med ikke-vestlig baggrund' },
  udenArbejdePct: { one: 'beboer', many: 'beboere', qualifier: 'uden for arbejdsmarkedet' },
  domfaeltePct: { one: 'dømt', many: 'dømte', qualifier: '' },
  domfaeltePr10000: { one: 'dømt', many: 'dømte', qualifier: '' },
  domfaelteFaktor: { one: 'dømt', many: 'dømte', qualifier: '' },
  kunGrundskolePct: { one: 'beboer', many: 'beboere', qualifier: 'med kun grundskole' },
});

/** A number for text: exact when short, else "≈" and two decimals. */
function shortTal(d: Decimal): string {
  const s = decimalString(d);
  const f = s.split('.')[1];
  return f !== undefined && f.length > 4 ? `≈${formatTal(s, 2)}` : formatTal(s);
}

function unitText(fact: string): string {
  if (fact === 'beboere') return ' beboere';
  if (fact === 'domfaelteFaktor') return ' gange landsgennemsnittet';
  if (fact === 'domfaeltePr10000') return ' pr. 10.000';
  return ' %';
}

/** The boundary X with "criterion met ⟺ count op X" for the count behind `fact`, and that count. */
function boundary(fact: string, h: Decimal, c: Optaelling): { t: number; x: Decimal } | undefined {
  const share = (t: number | undefined, n: number | undefined, scale: number) => (t === undefined || n === undefined ? undefined : { t, x: h.times(n).dividedBy(scale) });
  switch (fact) {
    case 'beboere':
      return c.beboere === undefined ? undefined : { t: c.beboere, x: h };
    case 'ikkeVestligePct':
      return share(c.ikkeVestlige, c.beboere, 100);
    case 'udenArbejdePct':
      return share(c.udenArbejde, c.beboere18til64, 100);
    case 'kunGrundskolePct':
      return share(c.kunGrundskole, c.beboere30til59, 100);
    case 'domfaeltePct':
      return share(c.domfaelte, c.beboere18plus, 100);
    case 'domfaeltePr10000':
      return share(c.domfaelte, c.beboere18plus, 10000);
    case 'domfaelteFaktor':
      if (c.domfaelte === undefined || c.beboere18plus === undefined || c.domfaelteLandsgennemsnitPct === undefined) return undefined;
      return { t: c.domfaelte, x: h.times(c.domfaelteLandsgennemsnitPct).times(c.beboere18plus).dividedBy(100) };
    default:
      return undefined;
  }
}

function persons(op: string, met: boolean, t: number, x: Decimal): number {
  const floor = x.floor().toNumber();
  const ceil = x.ceil().toNumber();
  if (op === 'decimalGreaterThan' || op === 'greaterThan') return met ? t - floor : floor + 1 - t;
  // ≥
  return met ? t - ceil + 1 : ceil - t;
}

function personText(fact: string, op: string, met: boolean, d: number, h: Decimal): string {
  const s = SUBJECT[fact] ?? { one: 'person', many: 'personer', qualifier: '' };
  const who = `${d} ${d === 1 ? s.one : s.many} ${met ? 'færre' : 'flere'}${s.qualifier ? ` ${s.qualifier}` : ''}`;
  const thr = `${formatTal(decimalString(h))}${unitText(fact)}`;
  const strict = op === 'decimalGreaterThan' || op === 'greaterThan';
  if (met) return `${who} ville bringe området ${strict ? `ned på højst ${thr}` : `under ${thr}`} (kriteriet ikke længere opfyldt)`;
  return `${who} ville bringe området ${strict ? `over ${thr}` : `op på mindst ${thr}`} (kriteriet opfyldt)`;
}

/**
 * The margin of every single-comparison criterion (named condition) of a rule set,
 * given the facts and the counts behind them. History facts are left out.
 */
export function marginsOf(ruleSet: CompiledRuleSet, facts: Readonly<Record<string, unknown>>, counts: Optaelling): readonly Margin[] {
  const file = definitionOf(ruleSet);
  const out: Margin[] = [];
  for (const [name, named] of Object.entries(file.conditions ?? {})) {
    const leaf = named.condition as Partial<LeafInput>;
    if (typeof leaf.fact !== 'string' || typeof leaf.operator !== 'string' || leaf.fact === 'parallelsamfundAarIRaekke') continue;
    const ref = leaf.value as { parameter?: string } | undefined;
    const param = ref?.parameter !== undefined ? ruleSet.parameters[ref.parameter]?.value : leaf.value;
    if (typeof param !== 'string' && typeof param !== 'number') continue;
    const h = new Decimal(param);
    const raw = facts[leaf.fact];
    const vaerdi = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : null;
    const base = { betingelse: name, titel: named.title, fact: leaf.fact, operator: leaf.operator, graense: decimalString(h), vaerdi };
    if (vaerdi === null) {
      out.push(Object.freeze({ ...base, opfyldt: null, tekst: `ukendt: ${leaf.fact} mangler` }));
      continue;
    }
    const v = new Decimal(vaerdi);
    const op = leaf.operator;
    const met = op === 'decimalLessThan' || op === 'lessThan' ? v.lt(h) : op === 'decimalGreaterThanInclusive' || op === 'greaterThanInclusive' ? v.gte(h) : v.gt(h);
    const afstand = decimalString(v.minus(h));
    const unit = leaf.fact.endsWith('Pct') || leaf.fact === 'indkomstPctAfRegion' ? ' procentpoint' : unitText(leaf.fact);
    const side = v.eq(h) ? 'præcis på grænsen' : `${shortTal(v.minus(h).abs())}${unit} ${v.gt(h) ? 'over' : 'under'} grænsen`;
    let tekst = `${met ? 'opfyldt' : 'ikke opfyldt'}, ${side}`;
    let personer: number | undefined;
    let kroner: string | undefined;
    if (leaf.fact === 'indkomstPctAfRegion') {
      if (counts.bruttoindkomstKr !== undefined && counts.skatteydere !== undefined && counts.regionGennemsnitKr !== undefined) {
        const mean = new Decimal(counts.bruttoindkomstKr).dividedBy(counts.skatteydere);
        const limit = h.times(counts.regionGennemsnitKr).dividedBy(100);
        const delta = limit.minus(mean).abs().toDecimalPlaces(2, Decimal.ROUND_UP);
        kroner = decimalString(delta);
        tekst += met
          ? `; gennemsnitsindkomsten skal stige med ${formatTal(kroner, 2)} kr. for at nå ${formatTal(decimalString(h))} % af regionens (kriteriet ikke længere opfyldt)`
          : `; gennemsnitsindkomsten skal falde med mere end ${formatTal(kroner, 2)} kr. for at komme under ${formatTal(decimalString(h))} % af regionens (kriteriet opfyldt)`;
      }
    } else {
      const b = boundary(leaf.fact, h, counts);
      if (b !== undefined) {
        personer = persons(op, met, b.t, b.x);
        tekst += `; ${personText(leaf.fact, op, met, personer, h)}`;
      }
    }
    out.push(Object.freeze({ ...base, opfyldt: met, afstand, ...(personer !== undefined ? { personer } : {}), ...(kroner !== undefined ? { kroner } : {}), tekst }));
  }
  return Object.freeze(out);
}
