/**
 * Parameter settings written as text, as an analyst types them: `screening.maxFlyttefrekvensPct=12`,
 * `classification@2021-11-30.minBeboere=900 personer`. The value is read as the type of the
 * parameter's current value; a unit after the value must be the parameter's unit.
 */
import { diagnostic, type Result, fail, ok } from '../errors.js';
import { parameterTargets, parameterValueFromText, type ParameterChange, type ParameterRef } from '../rules/derive.js';
import type { RuleRegistry } from '../rules/registry.js';

const REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:@(\d{4}-\d{2}-\d{2}))?\.([a-zA-Z][a-zA-Z0-9]*)$/;

/**
 * Parses `<rule set id>[@<version>].<parameter>`.
 * @example
 * parseParameterRef('screening.maxFlyttefrekvensPct'); // ok: { ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct' }
 */
export function parseParameterRef(text: string): Result<ParameterRef> {
  const m = REF.exec(text.trim());
  if (m === null) {
    return fail([
      diagnostic({
        code: 'cli-usage',
        severity: 'error',
        message: `"${text}" er ikke en parameter på formen <regelsæt>.<parameter>`,
        hint: 'Skriv fx screening.maxFlyttefrekvensPct, eller classification@2021-11-30.minBeboere for én version.',
      }),
    ]);
  }
  const [, ruleSet = '', version, parameter = ''] = m;
  return ok({ ruleSet, ...(version !== undefined ? { version } : {}), parameter });
}

/** A setting as typed: which parameter, the value's text and the unit given after it, if any. */
export interface ParameterSetting extends ParameterRef {
  readonly text: string;
  readonly unit?: string;
}

/**
 * Parses `<rule set id>[@<version>].<parameter>=<value>[ <unit>]`; a unit is recognised
 * after a number (`12 pct.`, `12%`).
 */
export function parseParameterSetting(text: string): Result<ParameterSetting> {
  const eq = text.indexOf('=');
  if (eq < 0) {
    return fail([
      diagnostic({ code: 'cli-usage', severity: 'error', message: `"${text}" mangler "=" og en værdi`, hint: 'Skriv fx screening.maxFlyttefrekvensPct=12.' }),
    ]);
  }
  const ref = parseParameterRef(text.slice(0, eq));
  if (!ref.ok) return ref;
  const raw = text.slice(eq + 1).trim();
  const withUnit = /^(-?\d+(?:[.,]\d+)?)\s*([%\p{L}].*)$/u.exec(raw);
  if (withUnit !== null) return ok({ ...ref.value, text: withUnit[1] as string, unit: (withUnit[2] as string).trim() });
  return ok({ ...ref.value, text: raw });
}

/**
 * The change a setting asks for: its value read as the type of the parameter's current
 * value (in the first version that has it). Unknown names fail with a "did you mean".
 */
export function parameterChangeFromSetting(registry: RuleRegistry, setting: ParameterSetting): Result<ParameterChange> {
  const targets = parameterTargets(registry, setting);
  if (!targets.ok) return targets;
  const like = targets.value[0]?.parameters[setting.parameter]?.value ?? setting.text;
  const { text, unit, ...ref } = setting;
  return ok({ ...ref, value: parameterValueFromText(text, like), ...(unit !== undefined ? { unit } : {}) });
}
