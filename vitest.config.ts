import { defineConfig } from 'vitest/config';

// Test tiers, found by glob (never by a hand-kept list):
//   unit         pure code, beside it: src/**/*.test.ts, the web UI's pure modules (web/src/**/*.test.ts) and the bench's readers (bench/**/*.test.ts)
//   integration  real SQLite files and PostgreSQL (DOCKET_TEST_PG_URL), the real gazetteer, CLI, HTTP server and workers: src/**/*.int.test.ts, test/integration
//   e2e          the real server driven by Debian's Chromium: test/e2e
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
      },
    ],
  },
});
