/**
 * How far each criterion is from flipping: in the criterion's own unit (percentage
 * points, gange landsgennemsnittet) and, where counts are known, as the number of
 * persons that would flip it ("2 beboere færre uden for arbejdsmarkedet …").
 */
import { Decimal, decimalString, isDecimalLike } from '../domain/decimal.js';
import { definitionOf } from '../engine/program.js';
import type { CompiledRuleSet, Truth } from '../engine/types.js';
import { antal, formatTal } from '../format/danish.js';
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

/** The boundary X with "criterion met ⟺ count op X" for the count behind `fact`, that count and, for a share, its denominator. */
function boundary(fact: string, h: Decimal, c: Optaelling): { t: number; x: Decimal; n?: number } | undefined {
  const share = (t: number | undefined, n: number | undefined, scale: number) => (t === undefined || n === undefined ? undefined : { t, x: h.times(n).dividedBy(scale), n });
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
      return { t: c.domfaelte, x: h.times(c.domfaelteLandsgennemsnitPct).times(c.beboere18plus).dividedBy(100), n: c.beboere18plus };
    default:
      return undefined;
  }
}

/** The order relation a criterion's operator states between its value and its threshold. */
type Relation = '>' | '≥' | '<' | '≤' | '=' | '≠';

const RELATIONS: ReadonlyMap<string, Relation> = new Map([
  ['greaterThan', '>'],
  ['decimalGreaterThan', '>'],
  ['greaterThanInclusive', '≥'],
  ['decimalGreaterThanInclusive', '≥'],
  ['lessThan', '<'],
  ['decimalLessThan', '<'],
  ['lessThanInclusive', '≤'],
  ['decimalLessThanInclusive', '≤'],
  ['equal', '='],
  ['decimalEqual', '='],
  ['notEqual', '≠'],
  ['decimalNotEqual', '≠'],
]);

function holds(rel: Relation, v: Decimal, h: Decimal): boolean {
  switch (rel) {
    case '>':
      return v.gt(h);
    case '≥':
      return v.gte(h);
    case '<':
      return v.lt(h);
    case '≤':
      return v.lte(h);
    case '=':
      return v.eq(h);
    case '≠':
      return !v.eq(h);
  }
}

/** An order relation and its negation ("not >" is "≤"). */
type Order = '>' | '≥' | '<' | '≤';
const NEGATION: Readonly<Record<Order, Order>> = { '>': '≤', '≥': '<', '<': '≥', '≤': '>' };

/** The count nearest to the boundary X that satisfies "count `target` X" (the nearest to any count that does not). */
function nearestCount(target: Order, x: Decimal): number {
  switch (target) {
    case '>':
      return x.floor().toNumber() + 1;
    case '≥':
      return x.ceil().toNumber();
    case '<':
      return x.ceil().toNumber() - 1;
    case '≤':
      return x.floor().toNumber();
  }
}

/** Where the changed count brings the area, as the text says it. */
const TARGET_TEXT: Readonly<Record<Order, string>> = { '>': 'over', '≥': 'op på mindst', '<': 'under', '≤': 'ned på højst' };

/**
 * How many persons must be added to or taken from the count to flip the criterion, or
 * undefined when no count between 0 and the share's denominator flips it.
 */
function flip(rel: Order, met: boolean, b: { t: number; x: Decimal; n?: number }): { target: Order; count: number } | undefined {
  const target = met ? NEGATION[rel] : rel;
  const count = nearestCount(target, b.x);
  if (count < 0 || (b.n !== undefined && count > b.n)) return undefined;
  return { target, count };
}

/** The flip in Danish: `persons` more (or fewer) of the count's subject bring the area to `target` the threshold. */
function personText(fact: string, met: boolean, persons: number, more: boolean, target: Order, h: Decimal): string {
  const s = SUBJECT[fact] ?? { one: 'person', many: 'personer', qualifier: '' };
  const who = `${antal(persons, s.one, s.many)} ${more ? 'flere' : 'færre'}${s.qualifier ? ` ${s.qualifier}` : ''}`;
  const thr = `${formatTal(decimalString(h))}${unitText(fact)}`;
  return `${who} ville bringe området ${TARGET_TEXT[target]} ${thr} (kriteriet ${met ? 'ikke længere opfyldt' : 'opfyldt'})`;
}

/** The distance's unit: percentage points for a share, else the fact's own ("1 beboer", "2 beboere"). */
function distanceUnit(fact: string, distance: Decimal): string {
  if (fact.endsWith('Pct') || fact === 'indkomstPctAfRegion') return ' procentpoint';
  if (fact === 'beboere' && distance.eq(1)) return ' beboer';
  return unitText(fact);
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
    const rel = RELATIONS.get(leaf.operator);
    const ref = leaf.value as { parameter?: string } | undefined;
    const param = ref?.parameter !== undefined ? ruleSet.parameters[ref.parameter]?.value : leaf.value;
    if (rel === undefined || !isDecimalLike(param)) continue;
    const h = new Decimal(param);
    const raw = Object.hasOwn(facts, leaf.fact) ? facts[leaf.fact] : undefined;
    const vaerdi = isDecimalLike(raw) ? String(raw) : null;
    const base = { betingelse: name, titel: named.title, fact: leaf.fact, operator: leaf.operator, graense: decimalString(h), vaerdi };
    if (vaerdi === null) {
      out.push(Object.freeze({ ...base, opfyldt: null, tekst: `ukendt: ${leaf.fact} mangler` }));
      continue;
    }
    const v = new Decimal(vaerdi);
    const met = holds(rel, v, h);
    const distance = v.minus(h);
    const afstand = decimalString(distance);
    const side = distance.isZero() ? 'præcis på grænsen' : `${shortTal(distance.abs())}${distanceUnit(leaf.fact, distance.abs())} ${distance.isPositive() ? 'over' : 'under'} grænsen`;
    let tekst = `${met ? 'opfyldt' : 'ikke opfyldt'}, ${side}`;
    let personer: number | undefined;
    let kroner: string | undefined;
    if (leaf.fact === 'indkomstPctAfRegion') {
      if (counts.bruttoindkomstKr !== undefined && counts.skatteydere !== undefined && counts.regionGennemsnitKr !== undefined && (rel === '<' || rel === '≤')) {
        const mean = new Decimal(counts.bruttoindkomstKr).dividedBy(counts.skatteydere);
        const limit = h.times(counts.regionGennemsnitKr).dividedBy(100);
        const delta = limit.minus(mean).abs().toDecimalPlaces(2, Decimal.ROUND_UP);
        kroner = decimalString(delta);
        const limitPct = formatTal(decimalString(h));
        const k = formatTal(kroner, 2);
        const strict = rel === '<';
        tekst += met
          ? `; gennemsnitsindkomsten skal stige med ${strict ? '' : 'mere end '}${k} kr. for at ${strict ? 'nå' : 'komme over'} ${limitPct} % af regionens (kriteriet ikke længere opfyldt)`
          : `; gennemsnitsindkomsten skal falde med ${strict ? 'mere end ' : ''}${k} kr. for at ${strict ? 'komme under' : 'nå'} ${limitPct} % af regionens (kriteriet opfyldt)`;
      }
    } else if (rel !== '=' && rel !== '≠') {
      const b = boundary(leaf.fact, h, counts);
      const f = b === undefined ? undefined : flip(rel, met, b);
      if (b !== undefined && f !== undefined) {
        personer = Math.abs(f.count - b.t);
        tekst += `; ${personText(leaf.fact, met, personer, f.count > b.t, f.target, h)}`;
      }
    }
    out.push(Object.freeze({ ...base, opfyldt: met, afstand, ...(personer !== undefined ? { personer } : {}), ...(kroner !== undefined ? { kroner } : {}), tekst }));
  }
  return Object.freeze(out);
}
