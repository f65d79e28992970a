/**
 * The test configuration Stryker runs each mutant against (`npm run mutate`): the tests
 * of the mutated directories (src/engine, src/financing, src/classification), the rule
 * loader and screening tests that compile and evaluate rule files in process, the policy
 * scenarios that run them, and the envelope every answer carries. The CLI, package and
 * other domains' tests are left out: they reach these modules only through the ones
 * tested here, and each mutant reruns the tests that cover it. Property tests run at
 * most 25 cases each (MUTATE=1, see test/support/runs.ts).
 */
import { defineConfig } from 'vitest/config';

process.env.MUTATE = '1';

export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/screening/**/*.test.ts', 'test/financing/**/*.test.ts', 'test/classification/**/*.test.ts', 'test/envelope/**/*.test.ts', 'test/scenarios.test.ts'],
    testTimeout: 60_000,
  },
});
