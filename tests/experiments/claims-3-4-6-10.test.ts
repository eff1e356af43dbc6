/**
 * The published verdicts of claims 3, 4 and 6 to 10 (leadership change, domestic politics, phasing, mediation,
 * hotline, engagement, multilateral talks), through their witnesses (published.ts); claims 1, 2 and 5 are in
 * claims-1-2-5.test.ts.
 */
import { describe } from 'vitest';
import { assertVerdicts } from './published.ts';

describe('the published verdicts, claims 3, 4 and 6 to 10', () => {
  assertVerdicts([
    'leadership-change',
    'domestic-politics',
    'phasing',
    'mediation',
    'hotline',
    'engagement',
    'multilateral',
  ]);
});
