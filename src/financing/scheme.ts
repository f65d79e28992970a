/**
 * Resolving a financing scheme: the rule set in force on a date, and the funders a
 * plan is financed by — the scheme's own, with shares the plan may adjust, or the
 * plan's own for schemes that name funders per project.
 */
import type { CompiledRuleSet, FinancingSection } from '../engine/types.js';
import { BoligsocialError, type Diagnostic, diagnostic, didYouMean, fail, ok, type Result } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { compare, type Rational, rational, rationalFromDecimal, sum } from './rational.js';
import { financingRules } from './rule-domain.js';
import type { FunderInput } from './types.js';

/** A funder with its share as an exact fraction. */
export interface ResolvedFunder {
  readonly id: string;
  readonly navn: string;
  readonly shareText: string;
  readonly share: Rational;
  readonly lokal: boolean;
  readonly afdelinger: boolean;
  readonly description?: string;
}

/** A rule set that is a financing scheme: one with a `financing` section. */
export type FinancingScheme = CompiledRuleSet & { readonly financing: FinancingSection };

/**
 * The rule set of a scheme in force on `asOf` (a compiled rule set is taken as it is),
 * as a {@link Result}; or one diagnostic, located at `/scheme` in `file`, saying why there
 * is none: `unknown-rule-set` (with a guess or the known schemes), `no-rules-in-force`
 * (with the registry's hint on its periods), or `input-invalid` for a rule set that is
 * not a financing scheme.
 */
export function resolveScheme(scheme: string | CompiledRuleSet, asOf: string, rules: RuleRegistry, file?: string): Result<FinancingScheme> {
  let rs: CompiledRuleSet;
  const where = { ...(file !== undefined ? { file } : {}), pointer: '/scheme' };
  if (typeof scheme === 'string') {
    try {
      rs = rules.inForce(scheme, asOf);
    } catch (error) {
      if (!(error instanceof BoligsocialError)) throw error;
      const schemes = rules.ids().filter((id) => rules.versions(id).some((v) => v.financing !== undefined));
      const unknown = error.code === 'unknown-rule-set';
      const guess = unknown ? didYouMean(scheme, schemes) : undefined;
      const message = unknown
        ? `finansieringsordningen "${scheme}" findes ikke`
        : (error.diagnostics[0]?.message ?? `ordningen "${scheme}" er ikke i kraft ${asOf}`);
      // a scheme that exists but is not in force keeps the registry's hint (its periods)
      const registryHint = unknown ? undefined : error.diagnostics[0]?.hint;
      return fail([
        diagnostic({
          code: error.code,
          severity: 'error',
          ...where,
          message,
          hint: registryHint ?? (guess !== undefined ? `Mente du "${guess}"?` : `Kendte ordninger: ${schemes.join(', ')}.`),
        }),
      ]);
    }
  } else rs = scheme;
  if (rs.financing === undefined) {
    return fail([diagnostic({ code: 'input-invalid', severity: 'error', ...where, message: `regelsættet "${rs.info.id}" er ikke en finansieringsordning (det har ingen "financing"-del)`, hint: 'Vælg en ordning under rules/financing/.' })]);
  }
  return ok(rs as FinancingScheme);
}

/**
 * The funders of a plan: the scheme's (with `funderShares` replacing shares by id), or,
 * when the scheme names funders per project, the plan's own. Checks unknown funder ids,
 * shares summing to exactly 1 and a scheme's minimum local share (`minLokalAndel`).
 */
export function resolveFunders(
  rs: FinancingScheme,
  funderShares: Readonly<Record<string, string>> | undefined,
  planFunders: readonly FunderInput[] | undefined,
  file?: string,
): { funders: ResolvedFunder[]; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const at = (pointer: string) => ({ ...(file !== undefined ? { file } : {}), pointer });
  let base: ResolvedFunder[];
  if (rs.financing.funders.length > 0) {
    if (planFunders !== undefined) {
      errors.push(
        diagnostic({
          code: 'input-invalid',
          severity: 'error',
          ...at('/funders'),
          message: `ordningen "${rs.info.id}" har faste finansieringskilder (${rs.financing.funders.map((f) => f.id).join(', ')}); planen kan ikke angive andre`,
          hint: 'Slet "funders"; vil du ændre fordelingen mellem kilderne, så brug "funderShares".',
        }),
      );
    }
    base = rs.financing.funders.map((f) => ({
      id: f.id,
      navn: f.navn,
      shareText: f.share,
      share: rationalFromDecimal(f.share),
      lokal: f.lokal,
      afdelinger: f.afdelinger,
      ...(f.description !== undefined ? { description: f.description } : {}),
    }));
  } else {
    if (planFunders === undefined || planFunders.length === 0) {
      errors.push(
        diagnostic({
          code: 'input-invalid',
          severity: 'error',
          ...at('/funders'),
          message: `ordningen "${rs.info.id}" navngiver finansieringskilderne pr. projekt, men planen angiver ingen`,
          hint: 'Angiv "funders": [{ "id": "fond-x", "navn": "…", "share": "0.6", "lokal": false }, …] med andele, der tilsammen er 1.',
        }),
      );
      return { funders: [], errors };
    }
    const seen = new Map<string, number>();
    planFunders.forEach((f, i) => {
      const first = seen.get(f.id);
      if (first !== undefined) {
        errors.push(diagnostic({ code: 'input-invalid', severity: 'error', ...at(`/funders/${i}/id`), message: `finansieringskilden "${f.id}" er angivet to gange (også som nr. ${first + 1})`, hint: 'Slå de to rækker sammen til én med den samlede andel.' }));
      } else seen.set(f.id, i);
    });
    base = planFunders.map((f) => ({ id: f.id, navn: f.navn, shareText: f.share, share: rationalFromDecimal(f.share), lokal: f.lokal, afdelinger: f.afdelinger ?? false }));
  }

  let funders = base;
  if (funderShares !== undefined) {
    const ids = new Set(base.map((f) => f.id));
    for (const id of Object.keys(funderShares)) {
      if (ids.has(id)) continue;
      const guess = didYouMean(id, ids);
      errors.push(
        diagnostic({
          code: 'input-invalid',
          severity: 'error',
          ...at(`/funderShares/${id}`),
          message: `finansieringskilden "${id}" findes ikke i ordningen "${rs.info.id}"`,
          hint: guess !== undefined ? `Mente du "${guess}"?` : `Ordningens kilder er: ${[...ids].join(', ')}.`,
        }),
      );
    }
    funders = base.map((f) => {
      const s = funderShares[f.id];
      return s === undefined ? f : { ...f, shareText: s, share: rationalFromDecimal(s) };
    });
  }

  const total = sum(funders.map((f) => f.share));
  if (compare(total, rational(1n)) !== 0) {
    errors.push(
      diagnostic({
        code: 'share-sum',
        severity: 'error',
        ...at(funderShares !== undefined ? '/funderShares' : '/funders'),
        message: `finansieringskildernes andele summerer til ${ratioText(total)}, ikke præcis 1`,
        hint: `Ret andelene (${funders.map((f) => `${f.id} ${f.shareText}`).join(', ')}), så de tilsammen er 1.`,
      }),
    );
  }
  const minLokalAndel = financingRules.parameter(rs, 'minLokalAndel');
  const minLokal = rs.parameters['minLokalAndel'];
  if (minLokalAndel !== undefined && minLokal !== undefined) {
    const lokal = sum(funders.filter((f) => f.lokal).map((f) => f.share));
    if (compare(lokal, rationalFromDecimal(minLokalAndel)) < 0) {
      errors.push(
        diagnostic({
          code: 'input-invalid',
          severity: 'error',
          ...at(funderShares !== undefined ? '/funderShares' : '/funders'),
          message: `den lokale medfinansiering er ${ratioText(lokal)}, men ordningen kræver mindst ${minLokalAndel}`,
          hint: `${minLokal.description} Hæv de lokale kilders andele (${funders.filter((f) => f.lokal).map((f) => f.id).join(', ') || 'ingen'}).`,
        }),
      );
    }
  }
  return { funders, errors };
}

function ratioText(r: Rational): string {
  // decimals of a sum of decimal strings terminate; fall back to a fraction otherwise
  let d = r.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return `${r.n}/${r.d}`;
  let scale = 0;
  while (10n ** BigInt(scale) % r.d !== 0n) scale++;
  const units = (r.n * 10n ** BigInt(scale)) / r.d;
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${text}` : text;
}
