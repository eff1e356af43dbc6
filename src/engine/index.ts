/**
 * Quid Pro Quo's engine: the rules as pure functions of (world, state, input) with the seeded generator
 * inside the state, and the xstate machine that runs a round's phases over them.
 *
 * @example
 *   const s0 = startGame(world, 'seed-1');
 *   const r = submit(world, s0, 'USA', { phase: 'proposing', offers: [] });
 *   if (!r.ok) console.log(r.rejection.code);
 */
export * from './types.ts';
export { DEFAULT_RULES } from './defaults.ts';
export { startGame, submit, runGame, waitingPhase, InvalidInputError } from './game.ts';
export type { Chooser, RecordedInject, RecordedInput } from './game.ts';
export {
  newGame,
  cloneState,
  copyAgreement,
  pickVars,
  indexOf,
  roundDate,
  trustOf,
  clamp,
  pairGrid,
  pairIndex,
  present,
  absence,
  refusalAmong,
  refusalBetween,
} from './state.ts';
export {
  checkInput,
  checkDraft,
  checkDraftInView,
  canTalk,
  speaking,
  talkingIn,
  talkingPairs,
  findAction,
  partiesOf,
  MEDIATE,
  mayBroker,
} from './validate.ts';
export {
  mayTake,
  applyAction,
  applyReadings,
  engagementRecord,
  fadeAfter,
  recentKey,
  whatIfCopy,
} from './effects.ts';
export {
  nameOf,
  unmet,
  unmetText,
  conditionWords,
  stateFacts,
  viewFacts,
  REQUIREMENT_TEXT,
} from './requirements.ts';
export type { Facts, Unmet } from './requirements.ts';
export {
  metricValue,
  conditionValue,
  score,
  scores,
  publicScores,
  outcomeOf,
  holds,
  allHold,
  objectiveValue,
  leaderPriority,
  pursuedScore,
} from './metrics.ts';
export { playerView, publicView } from './view.ts';
export type { PlayerView, PublicView, AgreementView, ActorPublic } from './view.ts';
export { dealings, dealingsFromScratch } from './dealings.ts';
export type { Dealings, StepSeen } from './dealings.ts';
export { replay, ENGINE_VERSION, ReplayError } from './record.ts';
export { signingCost } from './signing.ts';
export type { GameRecord } from './record.ts';
export { hashText, hashValue } from './hash.ts';
export { createGameMachine, inputOf, eventOf, runThroughMachine } from './machine.ts';
export type { GameEvent, SeatEvent, GameContext, GameMachine } from './machine.ts';
export {
  beginRound,
  closeProposals,
  closeResponses,
  resolve,
  react,
  closePhaseMut,
  collectMut,
  allIn,
  checkInject,
  injectMut,
  channelFactor,
  pairFactors,
  tensionBaseline,
  describeTerms,
  inSentence,
  twinInForce,
  termKey,
  termsKey,
  economicPressure,
  economyAtRest,
  economyChange,
} from './round.ts';
export { apportion, causesOf, quantityKey } from './ledger.ts';
export {
  amongRivals,
  dealReach,
  moveStage,
  programmeGrew,
  stageAtRoundStart,
  stageMayAdvance,
  stepOf,
} from './stage.ts';
export { rngFrom, seedState, chance, pick } from './rng.ts';
export type { Rng } from './rng.ts';
export {
  REASON_REJECTION,
  actionOption,
  awaitsAnswer,
  costReason,
  dealActions,
  mayAim,
  mayProposeInView,
  ownActions,
  owesStep,
  seatOptions,
  signingCostInView,
  targetOptions,
  targetReason,
} from './options.ts';
export type { ActionOption, OptionReason, OptionReasonCode, SeatOptions, TargetOption } from './options.ts';
