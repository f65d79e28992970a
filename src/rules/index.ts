/**
 * The rules layer's public module: reading files (the only place besides the CLI that
 * touches the file system), JSON documents with line and column, the loader, the dated
 * registry and derived registries. The loader checks rule files against the domains it is
 * told; which domains the package ships is `src/shipped.ts`'s business, not this layer's.
 */
export { bundledRulesDir } from './bundled.js';
export { deriveRegistry, parameterTargets, parameterValueFromText } from './derive.js';
export type { DeriveOptions, ParameterChange, ParameterRef } from './derive.js';
export { isUsageProblem, listJsonFiles, readJsonFile, readTextFile } from './files.js';
export type { ListOptions } from './files.js';
export { locate, parseJsonDocument, pointerToPath, toPointer, withLocation } from './json-document.js';
export type { JsonDocument, JsonLocation, JsonPath, JsonReadOptions } from './json-document.js';
export { EDITOR_KEYWORDS, RULE_SET_SCHEMA_ID, ruleSetJsonSchema } from './json-schema.js';
export { contentHash, loadRuleSetFile, loadRuleSetText } from './loader.js';
export type { LoadOptions } from './loader.js';
export { isMetoderFile, loadMetodeKatalogFile, loadMetodeKatalogText, METODER_DIR } from './metoder.js';
export type { KatalogStatus, Metode, MetodeKatalog } from './metoder.js';
export { metodeKatalogFileSchema, metoderJsonSchemaText } from './metoder-schema.js';
export { createRegistry, displayPath, loadRegistry, loadRuleFiles } from './registry.js';
export type { LoadedRuleFiles, RuleRegistry } from './registry.js';
export { defineRuleDomain } from './rule-domain.js';
export type { RuleDomain } from './rule-domain.js';
export { schemaDiagnostics } from './schema-issues.js';
/** The compiled rule set the loader returns (the engine's type). */
export type { CompiledRuleSet } from '../engine/types.js';
