/**
 * One-way layers of src/, checked by `npm run depcruise` (and by .ci/run before the tests).
 *
 * Data flows one way (DESIGN.md): rule files → src/rules (loader, registry) → src/engine
 * (compiled conditions) → a domain → its result → src/format or the CLI. As imports, that
 * is the other way round: each layer imports only the layers beneath it.
 *
 *   src/cli/**                 the `boligsocial` command: the top; nothing imports it but src/index.ts
 *   src/serve/**               the decision service (`boligsocial serve`, `replay`): a composition root like
 *                              the CLI, over the same public modules; only the CLI imports it
 *   src/answers/**             the JSON answers of the commands, shared by the CLI and the service
 *   src/index.ts               the package's public API (re-exports; exports `main` for embedding)
 *   src/shipped.ts             the composition root of the shipped rules: the one module that
 *                              knows every domain's declaration and reads the bundled rules/
 *   src/<domain>/default-rules.ts
 *                              the public functions of a domain with the shipped rules as the
 *                              default registry: thin wrappers over the domain core
 *   src/compare, src/scenarios domains that ask the four questions below them
 *   src/classification, src/screening, src/lifecycle, src/financing
 *                              the four questions; each core takes a registry
 *   src/rules                  rule-file schema, loader, registry, derived registries, the file system
 *   src/engine                 the condition grammar, compiler, evaluator, explanations
 *   src/format                 domain-free presentation toolkit (Danish numbers and dates,
 *                              tables, CSV, explanation trees): a domain's own format.ts builds
 *                              its prose on it, so it sits beneath the domains, not above them
 *   src/domain, src/errors.ts, src/version.ts
 *                              the shared vocabulary every layer uses: fact types, decimals,
 *                              dates, freezing, guards, zod-with-Danish-messages, the error model
 *
 * Paths are relative to the repository root; `$1` in a `to` refers to the `from` path's group.
 */

/** The four questions, and the two domains built on them. */
const QUESTIONS = '(classification|screening|lifecycle|financing)';
const DOMAINS = '(classification|screening|lifecycle|financing|compare|scenarios)';

/** What a composition root (the CLI, the decision service) may reach: the public modules, the shared answers, the base and src/format. */
const PUBLIC_MODULES = [
  '^src/answers/index\\.ts$',
  `^src/${DOMAINS}/index\\.ts$`,
  '^src/rules/index\\.ts$',
  '^src/shipped\\.ts$',
  '^src/format/',
  '^src/(domain/|errors\\.ts$|version\\.ts$)',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module reaches itself through its imports (type-only imports included): layers are a partial order.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (a rule about a path cannot check an import that leads nowhere).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      comment: 'Production code never imports tests, their support (the engine\'s test domain lives in test/support), fixtures, bench or scripts.',
      from: { path: '^src/' },
      to: { path: '^(test|fixtures|bench|scripts)/' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      severity: 'error',
      comment: 'Production code imports runtime dependencies only: a devDependency is not installed for a consumer.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'base-is-the-bottom',
      severity: 'error',
      comment:
        'src/domain, src/errors.ts and src/version.ts are the shared vocabulary: they import no layer above them. ' +
        'One exception: JSON pointers belong to the engine (src/engine/pointer.ts, a leaf that imports nothing), ' +
        'and zod issues are located by them in src/domain/parse.ts.',
      from: { path: '^src/(domain/|errors\\.ts$|version\\.ts$)' },
      to: {
        path: '^src/',
        pathNot: ['^src/(domain/|errors\\.ts$|version\\.ts$)', '^src/engine/pointer\\.ts$'],
      },
    },
    {
      name: 'engine-imports-only-the-base',
      severity: 'error',
      comment: 'The engine is told its domains (fact catalogues are injected): it imports nothing from src/rules, a domain, src/format, src/cli or src/shipped.ts.',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: ['^src/engine/', '^src/(domain/|errors\\.ts$|version\\.ts$)'] },
    },
    {
      name: 'rules-import-engine-and-base',
      severity: 'error',
      comment: 'The loader checks files against the domains it is given: src/rules imports no domain, no src/format, no src/cli, not src/shipped.ts.',
      from: { path: '^src/rules/' },
      to: { path: '^src/', pathNot: ['^src/(rules|engine)/', '^src/(domain/|errors\\.ts$|version\\.ts$)'] },
    },
    {
      name: 'format-is-domain-free',
      severity: 'error',
      comment: 'src/format renders what the engine and the base define; a domain\'s own prose is in that domain\'s format.ts.',
      from: { path: '^src/format/' },
      to: { path: '^src/', pathNot: ['^src/(format|engine)/', '^src/(domain/|errors\\.ts$|version\\.ts$)'] },
    },
    {
      name: 'questions-do-not-import-compare-or-scenarios',
      severity: 'error',
      comment: 'compare/ and scenarios/ ask the four questions; the questions know neither.',
      from: { path: `^src/${QUESTIONS}/` },
      to: { path: '^src/(compare|scenarios)/' },
    },
    {
      name: 'domains-do-not-import-the-cli-or-the-api',
      severity: 'error',
      comment: 'A domain never imports src/cli, src/serve or src/answers, nor src/index.ts (which re-exports the CLI).',
      from: { path: `^src/${DOMAINS}/` },
      to: { path: '^src/(cli/|serve/|answers/|index\\.ts$)' },
    },
    {
      name: 'only-the-rules-and-the-cli-touch-the-file-system',
      severity: 'error',
      comment: 'Domain folders never read files (DESIGN.md): the loader in src/rules, the CLI and the service (its decision log, the rule files it serves) do.',
      from: { path: '^src/', pathNot: '^src/(rules|cli|serve)/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'shipped-rules-only-through-the-wrappers',
      severity: 'error',
      comment:
        'Domain cores take a registry; only the thin public wrappers (src/<domain>/default-rules.ts) supply bundledRegistry() ' +
        'when none is given. src/index.ts re-exports it, and the CLI is a composition root of its own (it uses --rules or the shipped rules, ' +
        'and emits the rule-set JSON Schema of the shipped domains).',
      from: {
        path: '^src/',
        pathNot: ['^src/[^/]+/default-rules\\.ts$', '^src/index\\.ts$', '^src/cli/', '^src/serve/'],
      },
      to: { path: '^src/shipped\\.ts$' },
    },
    {
      name: 'cli-uses-public-modules',
      severity: 'error',
      comment:
        'The CLI is thin: it reaches a domain, the rules layer, the shipped rules, the shared JSON answers and the service through their public modules only — ' +
        'src/<domain>/index.ts, src/rules/index.ts, src/shipped.ts, src/answers/index.ts, src/serve/index.ts — and may use the shared base (src/domain, src/errors.ts, ' +
        'src/version.ts) and the domain-free src/format. Never src/index.ts (it re-exports the CLI: a cycle, and it would load ' +
        'every domain at start-up, where each command loads only its own) and never src/engine (what the CLI needs of it, ' +
        'src/rules/index.ts re-exports).',
      from: { path: '^src/cli/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/cli/',
          '^src/serve/index\\.ts$',
          ...PUBLIC_MODULES,
        ],
      },
    },
    {
      name: 'only-the-cli-imports-the-service',
      severity: 'error',
      comment: 'src/serve is started by `boligsocial serve` and `replay`: nothing but src/cli imports it (not the library, not a domain).',
      from: { path: '^src/', pathNot: ['^src/(cli|serve)/'] },
      to: { path: '^src/serve/' },
    },
    {
      name: 'service-uses-public-modules',
      severity: 'error',
      comment:
        'The decision service is a thin adapter like the CLI: no rule logic in it. It reaches a domain, the rules layer and the shipped ' +
        'rules through their public modules only, the shared answers (src/answers), the shared base and src/format; never src/cli, ' +
        'never src/index.ts (it re-exports the CLI), never src/engine.',
      from: { path: '^src/serve/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/serve/',
          ...PUBLIC_MODULES,
        ],
      },
    },
    {
      name: 'answers-use-public-modules',
      severity: 'error',
      comment: 'src/answers builds JSON from what the domains return: it reaches them through their public modules; only src/cli and src/serve import it.',
      from: { path: '^src/answers/' },
      to: {
        path: '^src/',
        pathNot: ['^src/answers/', `^src/${DOMAINS}/index\\.ts$`, '^src/rules/index\\.ts$', '^src/format/', '^src/(domain/|errors\\.ts$|version\\.ts$)'],
      },
    },
    {
      name: 'only-the-cli-and-the-service-import-the-answers',
      severity: 'error',
      comment: 'The JSON answers are the commands\' contract, shared by the CLI and the service.',
      from: { path: '^src/', pathNot: ['^src/(cli|serve|answers)/'] },
      to: { path: '^src/answers/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports are dependencies of a layer too
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
