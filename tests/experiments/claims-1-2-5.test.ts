/**
 * The published verdicts of claims 1, 2 and 5 (trust deficit, verification, lifeline), through their witnesses
 * (published.ts); the others are in claims-3-4-6-10.test.ts. The two files are split by cost, not by number, so
 * that side by side they end together (see published.ts).
 */
import { describe } from 'vitest';
import { assertCoverage, assertVerdicts } from './published.ts';

describe('the published verdicts, claims 1, 2 and 5', () => {
  assertCoverage();
  assertVerdicts(['trust-deficit', 'verification', 'lifeline']);
});
