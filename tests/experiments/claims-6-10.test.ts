/**
 * The published verdicts of claims 6 to 10 (phasing, mediation, hotline, engagement, multilateral talks), through
 * their witnesses (published.ts); claims 1 to 5 are in claims-1-5.test.ts.
 */
import { describe } from 'vitest';
import { assertVerdicts } from './published.ts';

describe('the published verdicts, claims 6 to 10', () => {
  assertVerdicts(['phasing', 'mediation', 'hotline', 'engagement', 'multilateral']);
});
