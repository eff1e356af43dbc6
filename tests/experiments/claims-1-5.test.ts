/**
 * The published verdicts of claims 1 to 5 (trust deficit, verification, leadership change, domestic politics,
 * lifeline), through their witnesses (published.ts); claims 6 to 10 are in claims-6-10.test.ts.
 */
import { describe } from 'vitest';
import { assertCoverage, assertVerdicts } from './published.ts';

describe('the published verdicts, claims 1 to 5', () => {
  assertCoverage();
  assertVerdicts(['trust-deficit', 'verification', 'leadership-change', 'domestic-politics', 'lifeline']);
});
