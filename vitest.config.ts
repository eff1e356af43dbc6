import { defineConfig } from 'vitest/config';

// Three projects: fast rule and scenario tests; statistical runs of the claims' experiments (minutes, run on their
// own: `npx vitest run --project experiments`); and browser tests that build the game and drive Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/experiments/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'experiments',
          include: ['tests/experiments/**/*.test.ts'],
          testTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
