import { defineConfig, type Options } from 'tsup';

// `npm run build` prints errors and warnings only: tsup's progress and size lines are
// silenced (`silent`), which also drops the esbuild warnings tsup would print, so esbuild
// is asked to print its warnings itself.
const quiet: Pick<Options, 'silent' | 'esbuildOptions'> = {
  silent: true,
  esbuildOptions(options) {
    options.logLevel = 'warning';
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    shims: true,
    ...quiet,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    ...quiet,
  },
]);
