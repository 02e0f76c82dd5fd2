import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Tests spawn Go and Chromium; two cores on CI, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.cache/vitest-results.json' }]],
  },
});
