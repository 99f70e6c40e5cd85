import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests of pure rules, integration tests on real SQLite files and real
// workbooks in temp folders, and end-to-end tests that drive the built UI in Debian's Chromium
// through `npm run web`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Wait for conditions, generously: the machine has two cores and may be busy.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          // One browser at a time: the machine has two cores.
          maxWorkers: 1,
        },
      },
    ],
  },
});
