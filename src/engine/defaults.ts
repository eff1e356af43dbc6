/**
 * The model's tunable numbers, with the reasoning for each. A scenario may override any of them
 * under `rules:`; nothing here is read from code branches elsewhere.
 */
import type { Rules } from './types.ts';

export const DEFAULT_RULES: Rules = {
  actionsPerRound: 2, // a government can push two initiatives a quarter
  offersPerRound: 3,
  maxSteps: 4, // a phased deal runs for at most a year
  maxExpiry: 4,
  // Without inspectors, compliance is read from satellite images, defectors and rhetoric: one read in four is wrong.
  accuracy: { none: 0.75, partial: 0.88, inspections: 0.98 },
  trustKept: 6,
  trustBroken: 14, // broken promises weigh about twice kept ones
  trustCompleted: 8,
  phasedStrikes: 2, // one disputed step suspends a phased deal; two in a row end it
  contactTrust: 20,
  acceptCost: 4,
  mediatedCostShare: 0.5,
  mediatorInfluence: 4,
  mediatedDeals: true,
  mediatorGuarantee: true, // the mediator lends its standing to the deal (The DMZ quid pro quo: legitimacy and motivation)
  tensionRelax: 0.12, // an eighth of the way back to the baseline each quarter: crises cool over about a year
  tensionFloor: 5,
  programmeTension: 35, // a programme at 75 keeps tension near 31 even in quiet years
  crisisAt: 60,
  clashChance: 0.25,
  hotlineFactor: 0.5,
  backchannelFactor: 0.75,
  sanctionBite: 1.0, // one level of sanctions by a weight-1 economy costs the target 10 points at equilibrium
  lifelineGain: 1.0,
  economyDrift: 0.1,
  supportDrift: 0.08,
  supportFromEconomy: 0.4,
  supportFromSecurity: 0.4,
  supportFloor: 20,
  hardlineShift: 25,
  walkAwayPerStance: 0.012,
  electionSpread: 12,
  stageOnComplete: 1,
  stageOnBreak: -1,
  stageTrustFloor: 10, // the parties most concerned trusting each other less than this have no process to advance
  stageProgrammeGrowth: 5, // a new test's worth of growth in a programme sets the process back a stage
  tensionOnBreak: 8,
  nonRivalTension: 0.25, // a summit between friends does little to calm a conflict between adversaries
  habituationRounds: 4, // a gesture repeated every quarter soon reads as routine
  honeymoonSupport: 55,
  secretDetection: 0.4, // attribution of cyber operations is slow and uncertain
};
