/**
 * What the classification reads from a rule file besides its conditions: which rule is
 * which category (the rule's `event.params.kategori`), the history requirement, the
 * non-western conditions and the forebyggelse exclusion switch.
 */
import { BoligsocialError } from '../errors.js';
import type { CompiledRuleSet, RuleInfo } from '../engine/types.js';
import { IKKE_VESTLIGE, type Kategori, KATEGORIER } from './types.js';

/** One category rule of a rule file. */
export interface KategoriRegel {
  readonly kategori: Kategori;
  readonly regel: RuleInfo;
  /** The Danish name of the category in this version. */
  readonly navn: string;
}

/** The categories a rule file defines, in {@link KATEGORIER} order. */
export function kategoriRegler(ruleSet: CompiledRuleSet): readonly KategoriRegel[] {
  const out: KategoriRegel[] = [];
  for (const regel of ruleSet.rules) {
    const kategori = regel.event.params?.kategori;
    if (typeof kategori !== 'string') continue;
    if (!(KATEGORIER as readonly string[]).includes(kategori)) {
      throw new BoligsocialError('schema', `rule ${regel.id} of ${ruleSet.info.id} ${ruleSet.info.version} names an unknown kategori ${kategori}; known: ${KATEGORIER.join(', ')}`);
    }
    const navn = regel.event.params?.navn;
    out.push({ kategori: kategori as Kategori, regel, navn: typeof navn === 'string' ? navn : regel.title.toLowerCase() });
  }
  return out.sort((a, b) => KATEGORIER.indexOf(a.kategori) - KATEGORIER.indexOf(b.kategori));
}

/** The rule of one category, if the rule file defines it. */
export function kategoriRegel(ruleSet: CompiledRuleSet, kategori: Kategori): KategoriRegel | undefined {
  return kategoriRegler(ruleSet).find((k) => k.kategori === kategori);
}

/** Lists in a row required by the history category (parameter `minAarIRaekke`), if the version has one. */
export function minAarIRaekke(ruleSet: CompiledRuleSet): number | undefined {
  if (kategoriRegel(ruleSet, 'omdannelse') === undefined) return undefined;
  const value = ruleSet.parameters.minAarIRaekke?.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new BoligsocialError('schema', `${ruleSet.info.id} ${ruleSet.info.version} defines the omdannelse category but no whole-number parameter minAarIRaekke`);
  }
  return value;
}

/** The conditions that are the non-western criterion: `ikke-vestlige` and every `ikke-vestlige-…`. */
export function ikkeVestligeBetingelser(ruleSet: CompiledRuleSet): readonly string[] {
  return Object.keys(ruleSet.conditions).filter((n) => n === IKKE_VESTLIGE || n.startsWith(`${IKKE_VESTLIGE}-`));
}

/** Whether forebyggelse excludes udsatte områder in this version (parameter `forebyggelseUdelukkerUdsatte`, default false). */
export function forebyggelseUdelukkerUdsatte(ruleSet: CompiledRuleSet): boolean {
  return ruleSet.parameters.forebyggelseUdelukkerUdsatte?.value === true;
}

/** Every condition and rule id a rule file knows (what `disable` may name). */
export function disableIds(ruleSet: CompiledRuleSet): readonly string[] {
  return [...Object.keys(ruleSet.conditions), ...ruleSet.rules.map((r) => r.id)];
}

/**
 * The ids to switch off in one rule file: those of `disable` it knows, and with
 * `ikke-vestlige` every form of the non-western criterion it has.
 */
export function expandDisable(ruleSet: CompiledRuleSet, disable: readonly string[]): readonly string[] {
  const known = new Set(disableIds(ruleSet));
  const out = new Set(disable.filter((d) => known.has(d)));
  if (disable.includes(IKKE_VESTLIGE)) for (const n of ikkeVestligeBetingelser(ruleSet)) out.add(n);
  return [...out];
}
