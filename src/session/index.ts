/**
 * The session layer: one game with its seats, on the engine's xstate machine. Between ai and the screens
 * (ui, cli, server); it imports engine, scenario and ai only.
 */
export { GameSession, SessionRestoreError, SESSION_FORMAT, SESSION_VERSION } from './session.ts';
export type { SavedSession, SessionEvent, SeatChange, StartOptions } from './session.ts';
export {
  HUMAN,
  defaultStrategy,
  emptyInput,
  fillSeats,
  myActiveAgreements,
  offersToAnswer,
  seatFromName,
  seatName,
} from './seats.ts';
export type { Seat } from './seats.ts';
export { believed, previewOffer } from './preview.ts';
export type { Change, OfferPreview, TermPreview } from './preview.ts';
export { finishedFromState, finishedGame, recordFinished, recordFrames } from './finished.ts';
export type { ConditionCheck, FinishedGame, Frame, RoundPoint } from './finished.ts';
