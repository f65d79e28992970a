/** `POST /v1/compare`: one question before and after a rule change, as `boligsocial compare <kommando> --format json`. */
import { comparisonJson, describeChanges } from '../../answers/index.js';
import { compareQuestion, parameterChangeFromSetting, parseParameterSetting, type WhatIfCommand } from '../../compare/index.js';
import type { Diagnostic } from '../../errors.js';
import { deriveRegistry, type ParameterChange, type RuleRegistry } from '../../rules/index.js';
import { SHIPPED_DOMAINS } from '../../shipped.js';
import { compareRequest, compareResponse } from '../schemas.js';
import { decide } from './decide.js';
import { type DecisionEndpoint, defineEndpoint } from './endpoint.js';

/** The service's rules, as the comparison's heading names them. */
const REGLER = 'tjenestens regler';

/** The after side's rules: `rules` with the settings `<id>.<parameter>=<value>` applied. */
function afterRules(rules: RuleRegistry, settings: readonly string[]): { ok: true; rules: RuleRegistry; changes: ParameterChange[] } | { ok: false; errors: Diagnostic[] } {
  const changes: ParameterChange[] = [];
  const errors: Diagnostic[] = [];
  settings.forEach((text, i) => {
    const setting = parseParameterSetting(text);
    const change = setting.ok ? parameterChangeFromSetting(rules, setting.value) : setting;
    if (change.ok) changes.push(change.value);
    else errors.push(...change.errors.map((d) => ({ ...d, pointer: `/afterSet/${i}`, message: `afterSet ${text}: ${d.message}` })));
  });
  if (errors.length > 0) return { ok: false, errors };
  if (changes.length === 0) return { ok: true, rules, changes };
  const derived = deriveRegistry(rules, changes, { domains: SHIPPED_DOMAINS });
  return derived.ok ? { ok: true, rules: derived.value, changes } : { ok: false, errors: derived.errors.map((d) => ({ ...d, pointer: '/afterSet', message: `afterSet: ${d.message}` })) };
}

/** The compare endpoint over the question endpoints `questions` (by name). */
export function compareEndpoint(questions: ReadonlyMap<WhatIfCommand, DecisionEndpoint>) {
  return defineEndpoint({
    name: 'compare',
    summary: 'hvad sker der, hvis …: samme spørgsmål på tjenestens regler og efter en regelændring — de rækker, hvis udfald ændres, og hvorfor',
    request: compareRequest,
    response: compareResponse,
    answer(rules, body) {
      const settings = body.afterSet ?? [];
      const disable = body.afterDisable ?? [];
      if (settings.length === 0 && disable.length === 0) {
        return { ok: false, errors: [{ code: 'input-invalid', severity: 'error', pointer: '', message: 'der er intet at sammenligne: før og efter er de samme regler', hint: 'Angiv afterSet eller afterDisable.' }] };
      }
      const endpoint = questions.get(body.kommando);
      if (endpoint?.question === undefined) return { ok: false, errors: [{ code: 'input-invalid', severity: 'error', pointer: '/kommando', message: `kommandoen ${body.kommando} kan ikke sammenlignes` }] };
      // the question's own request is checked as its endpoint checks it, located under /input
      const checked = decide({ ...endpoint, answer: () => ({ ok: true, json: null }) }, rules, body.input);
      if (!checked.ok) return { ok: false, errors: checked.errors.map((d) => ({ ...d, pointer: `/input${d.pointer ?? ''}` })) };
      const after = afterRules(rules, settings);
      if (!after.ok) return after;
      const prepared = endpoint.question(endpoint.request.parse(body.input));
      const comparison = compareQuestion(prepared.question, { before: { rules }, after: { rules: after.rules, disable } });
      const parametre = describeChanges(rules, after.changes);
      const json = comparisonJson(
        { ...comparison, diagnostics: { foer: [...prepared.inputDiagnostics, ...comparison.diagnostics.foer.map(prepared.locate)], efter: comparison.diagnostics.efter.map(prepared.locate) } },
        { foer: { regler: REGLER }, efter: { regler: REGLER, ...(parametre !== undefined && parametre.length > 0 ? { parametre } : {}), ...(disable.length > 0 ? { slaaetFra: disable } : {}) } },
      );
      return { ok: true, json };
    },
  });
}
