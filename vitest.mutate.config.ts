/**
 * The test configuration Stryker runs each mutant against (`npm run mutate`): the whole
 * suite except the tests of the built package (dist/ is not mutated, so they cannot
 * see a mutant and only cost time).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/package/**'],
    testTimeout: 60_000,
  },
});
