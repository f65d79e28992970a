/**
 * The JSON Schema of rule files, generated from the zod schemas the loader uses and from
 * the declarations of the domains it is given, so that the editor and the loader agree:
 *
 * - one definition per domain (`ClassificationRuleSet`, `ScreeningRuleSet`, …), chosen by
 *   `if`/`then` on `domain`, each enumerating that domain's facts, operators, event types
 *   and declared parameters with their Danish description and unit;
 * - a condition is one object told apart by its key (`all`, `any`, `not`, `atLeast`,
 *   `condition`, `fact`), not an `anyOf` of six, so a wrong operator is one error;
 * - every definition has a name, and the schema passes ajv's strict mode (with the
 *   editor keywords `markdownDescription`, `enumDescriptions` and `markdownEnumDescriptions`
 *   that VS Code reads declared as annotations).
 *
 * Generic: the domains are given, so this module knows none of them.
 */
import { z } from 'zod';
import { DECIMAL_STRING } from '../domain/decimal.js';
import type { FactDefinition } from '../domain/fact-types.js';
import { convert, type JsonSchema, jsonSchemaText, SchemaNames } from '../domain/json-schema.js';
import { literalValueSchema, makeConditionSchema, parameterRefSchema } from '../engine/grammar.js';
import { OPERATORS, OPERATOR_NAMES } from '../engine/operators.js';
import type { EventDeclaration, ParameterDeclaration, RuleDomain } from './rule-domain.js';
import { effectiveSchema, financingSchema, makeRuleSetParts, PARAMETER_NAME_PATTERN, parameterSchema, parameterStatusSchema, sourceSchema } from './schema.js';

/** The editor keywords the schema uses besides JSON Schema's own (VS Code reads them; ajv must be told they are annotations). */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions'] as const;

/** The `$id` of the shipped rule-file schema. */
export const RULE_SET_SCHEMA_ID = 'https://fsb.dk/boligsocial/rule-set.schema.json';

/**
 * The rule-file JSON Schema for rule files of `domains` (draft-07), as a JSON value;
 * `id` is its `$id` (give another when the domains are not the shipped ones).
 */
export function ruleSetJsonSchema(domains: readonly RuleDomain[], id: string = RULE_SET_SCHEMA_ID): JsonSchema {
  const names = new SchemaNames();
  names.name(sourceSchema, 'Source');
  names.name(parameterSchema, 'Parameter');
  names.name(parameterStatusSchema, 'ParameterStatus');
  names.name(effectiveSchema, 'Effective');
  names.name(financingSchema, 'Financing');
  names.name(parameterRefSchema, 'ParameterRef');
  names.name(literalValueSchema, 'LiteralValue');
  const operator = names.name(z.enum(OPERATOR_NAMES as [string, ...string[]]).describe('Sammenligningen'), 'Operator', operatorDescriptions());

  const roots = domains.flatMap((domain) => domainSchemas(domain, names, operator));
  const converted = convert(z.union(roots as [z.ZodType, ...z.ZodType[]]), names);
  const definitions = { ...(converted['definitions'] as Record<string, JsonSchema>) };
  for (const domain of domains) {
    const prefix = pascal(domain.name);
    definitions[`${prefix}Condition`] = keyedCondition(definitions[`${prefix}Condition`] as JsonSchema, domain);
    definitions[`${prefix}Event`] = eventJson(domain);
  }

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: id,
    title: 'Regelfil for @fsb/boligsocial',
    description: 'Et dateret regelsæt: betingelser i json-rules-engines grammatik med kilder, parametre og ikrafttræden. "domain" vælger, hvilke fakta, hændelser og parametre filen må bruge.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'Stien til dette JSON Schema, fx "../rule-set.schema.json"' },
      domain: {
        type: 'string',
        enum: domains.map((d) => d.name),
        description: 'Hvilket spørgsmål regelsættet besvarer, og dermed hvilke fakta, hændelser og parametre det må bruge',
        enumDescriptions: domains.map((d) => d.title),
        markdownEnumDescriptions: domains.map((d) => `**${d.name}** — ${d.title}`),
      },
    },
    required: ['domain'],
    allOf: domains.map((d) => ({
      if: { properties: { domain: { const: d.name } }, required: ['domain'] },
      then: { $ref: `#/definitions/${pascal(d.name)}RuleSet` },
    })),
    definitions: sortKeys(definitions),
  };
}

/** The rule-file JSON Schema as the text committed in `rules/rule-set.schema.json`. */
export function ruleSetJsonSchemaText(domains: readonly RuleDomain[], id: string = RULE_SET_SCHEMA_ID): string {
  return jsonSchemaText(ruleSetJsonSchema(domains, id));
}

/** The named zod schemas of one domain: its rule set, and the params of each of its event types. */
function domainSchemas(domain: RuleDomain, names: SchemaNames, operator: z.ZodType<string>): z.ZodType[] {
  const prefix = pascal(domain.name);
  const condition = names.name(makeConditionSchema({ factName: factSchema(domain, names), operatorName: operator }), `${prefix}Condition`);
  const parts = makeRuleSetParts({
    condition,
    domain: z.literal(domain.name).describe(domain.title),
    // replaced by eventJson after conversion: an if/then per event type
    event: names.name(z.object({ type: z.string(), params: z.unknown().optional() }), `${prefix}Event`),
    parameters: names.name(parametersSchema(domain), `${prefix}Parameters`, { propertyNames: { pattern: PARAMETER_NAME_PATTERN.source } }),
  });
  names.name(parts.rule, `${prefix}Rule`);
  names.name(parts.namedCondition, `${prefix}NamedCondition`);
  const ruleSet = domain.financingSection ? parts.ruleSet : parts.ruleSet.omit({ financing: true });
  names.name(ruleSet, `${prefix}RuleSet`, { description: `Regelfil i domænet ${domain.name}: ${domain.title}` });
  const params = eventEntries(domain).flatMap(([name, declared]) => (declared.params === undefined ? [] : [names.name(declared.params, name)]));
  return [ruleSet, ...params];
}

function factSchema(domain: RuleDomain, names: SchemaNames): z.ZodType<string> {
  const facts = [...domain.facts.values()];
  const schema = facts.length > 0 ? z.enum(facts.map((f) => f.name) as [string, ...string[]]) : z.never();
  return names.name(schema.describe(`Faktaens navn fra domænet ${domain.name}s faktakatalog`), `${pascal(domain.name)}Fact`, {
    enumDescriptions: facts.map(factText),
    markdownEnumDescriptions: facts.map((f) => `**${f.name}** — ${f.description}\n\nEnhed: ${f.unit} · type: \`${f.type}\``),
  });
}

function factText(f: FactDefinition): string {
  return `${f.description} (${f.unit}; ${f.type})`;
}

function operatorDescriptions(): Record<string, unknown> {
  const ops = OPERATOR_NAMES.map((n) => OPERATORS.get(n)).filter((o) => o !== undefined);
  return {
    enumDescriptions: ops.map((o) => `${o.symbol} ${o.danish} (for ${o.factTypes.join(', ')})`),
    markdownEnumDescriptions: ops.map((o) => `**${o.symbol}** ${o.danish}${o.operand === 'decimal' ? ', eksakt som decimaltal' : ''} — for fakta af typen ${o.factTypes.map((t) => `\`${t}\``).join(', ')}`),
  };
}

/** The domain's `parameters`: the declared ones with their type and unit, and any others. */
function parametersSchema(domain: RuleDomain): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, declared] of Object.entries<ParameterDeclaration>(domain.parameters)) {
    const text = `${declared.description} (enhed: ${declared.unit}${declared.required ? '; skal være der' : ''})`;
    const schema = parameterSchema
      .extend({ value: declaredValueSchema(declared), unit: z.literal(declared.unit).describe(`Domænet ${domain.name} læser parameteren i "${declared.unit}"`) })
      .meta({ description: text, markdownDescription: `**${name}** — ${declared.description}\n\nEnhed: *${declared.unit}* · type: \`${declared.type}\`${declared.required ? ' · skal være der' : ''}` });
    shape[name] = declared.required ? schema : schema.optional();
  }
  return z.object(shape).catchall(parameterSchema).describe('Navngivne parametre, som betingelserne henviser til i stedet for tal; domænet læser også dem, der er beskrevet her');
}

function declaredValueSchema(declared: ParameterDeclaration): z.ZodType {
  switch (declared.type) {
    case 'integer':
      return declared.min === undefined ? z.int() : z.int().min(declared.min);
    case 'decimal':
      return z.string().regex(DECIMAL_STRING).describe('Et decimaltal skrevet som tekst, fx "0.25"');
    case 'boolean':
      return z.boolean();
    case 'string':
      return z.string();
    case 'string[]':
      return z.array(z.string());
  }
}

/** Each event declaration of a domain with the name of its params definition. */
function eventEntries(domain: RuleDomain): [string, EventDeclaration][] {
  const prefix = pascal(domain.name);
  const declared = Object.entries<EventDeclaration>(domain.events).map(([type, d]): [string, EventDeclaration] => [`${prefix}${pascal(type)}Params`, d]);
  return domain.otherEvents === undefined ? declared : [...declared, [`${prefix}EventParams`, domain.otherEvents]];
}

/** A rule's `event` in one domain: its type, and the params of that type (`if`/`then` per type). */
function eventJson(domain: RuleDomain): JsonSchema {
  const prefix = pascal(domain.name);
  const types = Object.keys(domain.events);
  const descriptions = Object.values<EventDeclaration>(domain.events).map((d) => d.description);
  const typeSchema = eventTypeJson(domain, types, descriptions);
  const conditionals: JsonSchema[] = types.map((t) => ({
    if: { properties: { type: { const: t } }, required: ['type'] },
    then: paramsOf(domain.events[t] as EventDeclaration, `${prefix}${pascal(t)}Params`),
  }));
  if (domain.otherEvents !== undefined) {
    const then = paramsOf(domain.otherEvents, `${prefix}EventParams`);
    conditionals.push(types.length === 0 ? then : { if: { properties: { type: { not: { enum: types } } }, required: ['type'] }, then });
  }
  return {
    type: 'object',
    description: 'Hændelsen når reglen er opfyldt; domænet læser dens type og params',
    properties: { type: typeSchema, params: { description: 'Hændelsens parametre; hvilke afhænger af typen' } },
    required: ['type'],
    additionalProperties: false,
    ...(conditionals.length > 0 ? { allOf: conditionals } : {}),
  };
}

/** The schema of an event's `type`: the declared types, any type the domain reads as "other", or none at all (a domain without rules). */
function eventTypeJson(domain: RuleDomain, types: readonly string[], descriptions: readonly string[]): JsonSchema {
  if (domain.otherEvents !== undefined) return { type: 'string', minLength: 1, description: `Hændelsestypen; ${domain.otherEvents.description}` };
  if (types.length === 0) return { not: {}, description: `Domænet ${domain.name} læser ingen hændelser: filen har ingen regler` };
  return { type: 'string', enum: types, description: 'Hændelsestypen', enumDescriptions: descriptions, markdownEnumDescriptions: types.map((t, i) => `**${t}** — ${descriptions[i] ?? ''}`) };
}

function paramsOf(declared: EventDeclaration, definition: string): JsonSchema {
  if (declared.params === undefined) return { properties: { params: false } };
  const optional = declared.params.safeParse(undefined).success;
  return { properties: { params: { $ref: `#/definitions/${definition}` } }, ...(optional ? {} : { required: ['params'] }) };
}

/**
 * The condition union (`anyOf` of six strict objects) as one object told apart by its
 * key: every key's schema in `properties`, and for each key that belongs to one kind
 * only, `dependencies` saying which keys that kind requires and allows. A wrong value
 * under a key is then exactly one error at that key.
 */
function keyedCondition(union: JsonSchema, domain: RuleDomain): JsonSchema {
  const branches = union['anyOf'];
  if (!Array.isArray(branches)) throw new Error(`condition schema of ${domain.name}: expected an anyOf of condition kinds`);
  const kinds = branches as { properties: Record<string, unknown>; required?: string[] }[];
  const properties: Record<string, unknown> = {};
  const owners = new Map<string, number>();
  for (const kind of kinds) {
    for (const [key, schema] of Object.entries(kind.properties)) {
      if (Object.hasOwn(properties, key) && JSON.stringify(properties[key]) !== JSON.stringify(schema)) {
        throw new Error(`condition schema of ${domain.name}: key ${key} means different things in two kinds`);
      }
      properties[key] = schema;
      owners.set(key, (owners.get(key) ?? 0) + 1);
    }
  }
  const dependencies: Record<string, JsonSchema> = {};
  const discriminators: string[] = [];
  for (const kind of kinds) {
    const own = Object.keys(kind.properties).filter((k) => owners.get(k) === 1);
    const first = own[0];
    if (first === undefined) throw new Error(`condition schema of ${domain.name}: a kind without a key of its own`);
    discriminators.push(first);
    for (const key of own) dependencies[key] = { ...requiredKeys(kind.required ?? []), propertyNames: { enum: Object.keys(kind.properties) } };
  }
  return {
    type: 'object',
    description: 'En betingelse: {"all": […]}, {"any": […]}, {"not": …}, {"atLeast": k, "of": […]}, {"condition": "navn"} eller {"fact": …, "operator": …, "value": …}',
    properties,
    additionalProperties: false,
    dependencies,
    anyOf: discriminators.map((key) => requiredKeys([key])),
  };
}

/**
 * `required` with the keys also named in `properties` (as `true`: their schemas are the
 * condition's own), which ajv's strict mode asks of every `required`.
 */
function requiredKeys(keys: readonly string[]): JsonSchema {
  return { required: [...keys], properties: Object.fromEntries(keys.map((k) => [k, true])) };
}

/** `classification` → `Classification`, `for-hoej-udgift` → `ForHoejUdgift`. */
function pascal(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter((p) => p.length > 0)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function sortKeys(record: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
