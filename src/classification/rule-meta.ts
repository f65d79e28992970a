/**
 * What the classification reads from a rule file besides its conditions: which rule is
 * which category (the rule's `event.params.kategori`), the history requirement, the
 * non-western conditions and the forebyggelse exclusion switch. The loader has checked
 * them against {@link classificationRules}.
 */
import type { CompiledRuleSet, RuleInfo } from '../engine/types.js';
import { classificationRules } from './rule-domain.js';
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
    const params = classificationRules.otherEventParams(ruleSet, regel);
    if (params !== undefined) out.push({ kategori: params.kategori, regel, navn: params.navn });
  }
  return out.sort((a, b) => KATEGORIER.indexOf(a.kategori) - KATEGORIER.indexOf(b.kategori));
}

/** The rule of one category, if the rule file defines it. */
export function kategoriRegel(ruleSet: CompiledRuleSet, kategori: Kategori): KategoriRegel | undefined {
  return kategoriRegler(ruleSet).find((k) => k.kategori === kategori);
}

/** Lists in a row required by the history category (parameter `minAarIRaekke`), if the version has the category. */
export function minAarIRaekke(ruleSet: CompiledRuleSet): number | undefined {
  if (kategoriRegel(ruleSet, 'omdannelse') === undefined) return undefined;
  return classificationRules.parameter(ruleSet, 'minAarIRaekke');
}

/** The conditions that are the non-western criterion: `ikke-vestlige` and every `ikke-vestlige-…`. */
export function ikkeVestligeBetingelser(ruleSet: CompiledRuleSet): readonly string[] {
  return Object.keys(ruleSet.conditions).filter((n) => n === IKKE_VESTLIGE || n.startsWith(`${IKKE_VESTLIGE}-`));
}

/** Whether forebyggelse excludes udsatte områder in this version (parameter `forebyggelseUdelukkerUdsatte`, default false). */
export function forebyggelseUdelukkerUdsatte(ruleSet: CompiledRuleSet): boolean {
  return classificationRules.parameter(ruleSet, 'forebyggelseUdelukkerUdsatte') === true;
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
