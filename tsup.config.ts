import { defineConfig, type Options } from 'tsup';

// `npm run build` prints errors and warnings only: tsup's progress and size lines are
// silenced (`silent`), which also drops the esbuild warnings tsup would print, so esbuild
// is asked to print its warnings itself.
const quiet: Pick<Options, 'silent'> = { silent: true };
const warningsOnly = (options: { logLevel?: string }): void => {
  options.logLevel = 'warning';
};

// The two builds share dist/ and run at the same time: each cleans only its own files.
const CLI_FILES = ['cli.js', 'cli.js.map', 'cli/**'];

export default defineConfig([
  {
    // the library, ESM and CJS: one file each. The CLI it exports (`main`) imports each
    // command's implementation lazily; without splitting, those imports stay in the one file.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    splitting: false,
    dts: true,
    sourcemap: true,
    clean: CLI_FILES.map((f) => `!${f}`),
    target: 'node20',
    shims: true,
    esbuildOptions: warningsOnly,
    ...quiet,
  },
  {
    // the executable: split, so `boligsocial validate` loads the code of validate only;
    // each command's implementation and what only it needs are chunks under dist/cli/.
    // The pure-ESM dependencies it loads on every run are bundled in (tree-shaken, one file
    // each instead of ~150 modules to resolve and read: about 0.08 s of start-up); commander
    // (CommonJS) stays external. The maps carry positions, not the sources' text.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    splitting: true,
    sourcemap: true,
    noExternal: ['zod', 'date-fns', 'decimal.js', 'jsonc-parser'],
    clean: ['!index.*'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions(options) {
      warningsOnly(options);
      options.chunkNames = 'cli/[name]-[hash]';
      options.sourcesContent = false;
    },
    ...quiet,
  },
]);
