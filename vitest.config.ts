import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous bounds: on a loaded machine (many agents on 2 cores) tests and hooks run many times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { SEQSIM_LOG_LEVEL: 'silent' },
    // The JSON report lets .ci/run print a plain "N passed, M failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
