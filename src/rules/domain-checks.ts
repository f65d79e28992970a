/**
 * Checks a schema-valid rule file against the declaration of its domain: the event
 * types and their params, the parameters the domain reads (present, of their type and
 * unit), the rules it reads by id, and the domain's own check. Every fault is located
 * like any other (file, pointer, line, column, hint).
 */
import { isDecimalString } from '../domain/decimal.js';
import { safeParseDanish } from '../domain/parse.js';
import { diagnostic, didYouMean, type Diagnostic, type DiagnosticCode } from '../errors.js';
import { type JsonDocument, type JsonPath, locate } from './json-document.js';
import type { DeclaredParameterType, ParameterDeclaration, RuleDomain } from './rule-domain.js';
import type { RuleSetFile } from './schema.js';
import { schemaDiagnostics } from './schema-issues.js';

/** The faults of `file` against `domain`, and the file with its event params as the domain's schemas parsed them. */
export function checkAgainstDomain(doc: JsonDocument, file: RuleSetFile, domain: RuleDomain): { errors: Diagnostic[]; file: RuleSetFile } {
  const errors: Diagnostic[] = [];
  const report = (code: DiagnosticCode, path: JsonPath, message: string, hint: string) => {
    const where = locate(doc, path);
    errors.push(diagnostic({ code, severity: 'error', file: doc.file, pointer: where.pointer, line: where.line, column: where.column, message, hint }));
  };

  const rules = file.rules.map((rule, i) => {
    const type = rule.event.type;
    const declared = Object.hasOwn(domain.events, type) ? domain.events[type] : domain.otherEvents;
    const at: JsonPath = ['rules', i, 'event'];
    if (declared === undefined) {
      const types = Object.keys(domain.events);
      const guess = didYouMean(type, types);
      report(
        'unknown-event',
        [...at, 'type'],
        `domænet ${domain.name} kender ikke hændelsestypen "${type}"`,
        guess !== undefined ? `Mente du "${guess}"?` : `Brug en af: ${types.map((t) => `"${t}"`).join(', ')}.`,
      );
      return rule;
    }
    if (declared.params === undefined) {
      if (rule.event.params !== undefined) {
        report('event-params', [...at, 'params'], `hændelsestypen "${type}" har ingen params i domænet ${domain.name}`, 'Slet "params".');
      }
      return rule;
    }
    const parsed = safeParseDanish(declared.params, rule.event.params);
    if (!parsed.success) {
      errors.push(...schemaDiagnostics(doc, parsed.error.issues, { base: [...at, 'params'], code: 'event-params' }));
      return rule;
    }
    const params = parsed.data as Record<string, unknown> | undefined;
    return { ...rule, event: { type, ...(params !== undefined ? { params } : {}) } };
  });

  if (file.financing !== undefined && !domain.financingSection) {
    report('schema', ['financing'], `domænet ${domain.name} har ingen finansieringsordninger, så filen kan ikke have en "financing"-del`, 'Slet "financing", eller læg ordningen i en fil med "domain": "financing".');
  }
  checkParameters(file, domain, report);
  checkRequiredRules(file, domain, report);
  const checked: RuleSetFile = { ...file, rules };
  // the domain's own check sees valid params only
  if (errors.length === 0) domain.check?.(checked, report);
  return { errors, file: checked };
}

function checkParameters(file: RuleSetFile, domain: RuleDomain, report: (code: DiagnosticCode, path: JsonPath, message: string, hint: string) => void): void {
  const parameters = file.parameters ?? {};
  for (const [name, declared] of Object.entries<ParameterDeclaration>(domain.parameters)) {
    const p = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
    if (p === undefined) {
      if (declared.required) {
        report(
          'missing-parameter',
          file.parameters === undefined ? [] : ['parameters'],
          `domænet ${domain.name} kræver parameteren "${name}" (${declared.unit})`,
          `${declared.description}. Tilføj under "parameters": "${name}": { "value": ${example(declared)}, "unit": "${declared.unit}", "description": "…" }.`,
        );
      }
      continue;
    }
    const problem = valueProblem(p.value, declared);
    if (problem !== undefined) report('value-type', ['parameters', name, 'value'], `parameteren "${name}" ${problem.message}`, problem.hint);
    if (p.unit !== declared.unit) {
      report(
        'parameter-unit',
        ['parameters', name, 'unit'],
        `parameteren "${name}" har enheden "${p.unit}", men domænet ${domain.name} læser den i "${declared.unit}"`,
        `Skriv "unit": "${declared.unit}" og angiv værdien i den enhed.`,
      );
    }
  }
}

function checkRequiredRules(file: RuleSetFile, domain: RuleDomain, report: (code: DiagnosticCode, path: JsonPath, message: string, hint: string) => void): void {
  const byId = new Map(file.rules.map((r, i) => [r.id, { rule: r, index: i }] as const));
  for (const required of domain.rules) {
    if (required.ruleSet !== undefined && required.ruleSet !== file.id) continue;
    const found = byId.get(required.id);
    if (found === undefined) {
      const guess = didYouMean(required.id, byId.keys());
      report(
        'missing-rule',
        ['rules'],
        `domænet ${domain.name} læser reglen "${required.id}", men filen har den ikke`,
        guess !== undefined ? `Mente du "${guess}"? Reglens id skal være "${required.id}".` : `Tilføj en regel med "id": "${required.id}" og "event": { "type": "${required.eventType}" }.`,
      );
    } else if (found.rule.event.type !== required.eventType) {
      report(
        'unknown-event',
        ['rules', found.index, 'event', 'type'],
        `reglen "${required.id}" skal have hændelsestypen "${required.eventType}", ikke "${found.rule.event.type}"`,
        `Skriv "type": "${required.eventType}".`,
      );
    }
  }
}

function valueProblem(value: unknown, declared: ParameterDeclaration): { message: string; hint: string } | undefined {
  switch (declared.type) {
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return { message: `skal være et helt tal, men er ${JSON.stringify(value)}`, hint: `Skriv et helt tal uden anførselstegn, fx ${declared.min ?? 1}.` };
      }
      if (declared.min !== undefined && value < declared.min) return { message: `skal være mindst ${declared.min}, men er ${value}`, hint: `Skriv et helt tal på ${declared.min} eller derover.` };
      return undefined;
    }
    case 'decimal':
      if (typeof value === 'string' && isDecimalString(value)) return undefined;
      return typeof value === 'number'
        ? { message: `er tallet ${value}, men skal være et decimaltal skrevet som tekst`, hint: `Skriv "${value}" i anførselstegn, så tallet læses præcist.` }
        : { message: `skal være et decimaltal skrevet som tekst, men er ${JSON.stringify(value)}`, hint: 'Skriv fx "0.25" (punktum som decimaltegn).' };
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { message: `skal være true eller false, men er ${JSON.stringify(value)}`, hint: 'Skriv true eller false uden anførselstegn.' };
    case 'string':
      return typeof value === 'string' ? undefined : { message: `skal være en tekst, men er ${JSON.stringify(value)}`, hint: 'Skriv værdien i anførselstegn.' };
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? undefined
        : { message: `skal være en liste af tekster, men er ${JSON.stringify(value)}`, hint: 'Skriv fx ["København"].' };
  }
}

function example(declared: ParameterDeclaration): string {
  const examples: Record<DeclaredParameterType, string> = { integer: String(declared.min ?? 1), decimal: '"0.25"', boolean: 'false', string: '"…"', 'string[]': '["…"]' };
  return examples[declared.type];
}
