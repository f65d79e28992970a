import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // a browser test's beforeAll launches chromium and writes its report through the CLI: on two
    // loaded cores that can take longer than vitest's default of 10 s
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: on a 2-core machine one worker,
    // so every file ran after the other. Two workers let the heavy files (the README's
    // commands, the 10,000-plan allocation property) run beside the rest. Vitest starts
    // the files that took longest last time first.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
