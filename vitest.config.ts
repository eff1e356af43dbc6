import { defineConfig } from 'vitest/config';

// Four projects: fast rule and scenario tests; statistical tests over many seeded games (calibration); the
// claims' experiments (`npx vitest run --project experiments`, minutes); and browser tests that build the game
// and drive Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/experiments/**', 'tests/statistical/**'],
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
        // Its two files are long, deterministic and CPU-bound, with nothing timed: they run in a group of their own
        // (group 1: in CI after the unit and statistical files, before the browser's, which run one at a time),
        // side by side on the machine's two cores, where the default runs one file at a time.
        test: {
          name: 'experiments',
          include: ['tests/experiments/**/*.test.ts'],
          testTimeout: 900_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
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
