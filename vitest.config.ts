import { defineConfig } from 'vitest/config';

// Three projects: fast rule and scenario tests, statistical tests over many seeded games, and browser tests that
// build the game and drive Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/statistical/**'],
          testTimeout: 60_000,
        },
      },
      {
        // Claims about many seeded games (calibration): slower, and read as samples, not as rules.
        test: {
          name: 'statistical',
          include: ['tests/statistical/**/*.test.ts'],
          testTimeout: 1_200_000,
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
