/**
 * The game's front door for callers without a machine: start, submit one seat's input, and run whole games
 * in batch. `submit` is pure; `runGame` works in place on its own state for speed, through the same steps.
 */
import { allIn, beginRoundMut, checkInject, closePhaseMut, collectMut, injectMut } from './round.ts';
import { cloneState, newGame } from './state.ts';
import { checkInput } from './validate.ts';
import { INPUT_PHASES } from './types.ts';
import type { ActorId, GameState, InputPhase, PhaseInput, Result, World } from './types.ts';

/** A new game, its first round's events run, waiting for proposals. */
export function startGame(world: World, seed: string | number): GameState {
  const s = newGame(world, seed);
  beginRoundMut(world, s);
  return s;
}

/**
 * One seat's input. A valid input is collected, and when it is the last one the phase closes and the game runs
 * on to the next phase that waits for the seats. An invalid one is rejected with a code; the state is unchanged.
 */
export function submit(world: World, s: GameState, actor: ActorId, input: unknown): Result<GameState> {
  const rejection = checkInput(world, s, actor, input);
  if (rejection) return { ok: false, rejection };
  const c = cloneState(s);
  collectMut(world, c, actor, input as PhaseInput);
  if (allIn(c)) closePhaseMut(world, c);
  return { ok: true, value: c };
}

/** The phase the game waits in, or null when it is over. */
export const waitingPhase = (s: GameState): InputPhase | null =>
  (INPUT_PHASES as readonly string[]).includes(s.phase) ? (s.phase as InputPhase) : null;

/** Chooses a seat's input; called once per seat per waiting phase, in seat order. */
export type Chooser = (s: GameState, actor: ActorId, phase: InputPhase) => PhaseInput;

export interface RecordedInput {
  round: number;
  actor: ActorId;
  input: PhaseInput;
}

/** An instructor's inject: queued during `round`, it fires at the start of the next one. */
export interface RecordedInject {
  round: number;
  event: string;
}

export class InvalidInputError extends Error {
  constructor(
    readonly actor: ActorId,
    readonly round: number,
    readonly code: string,
    message: string,
  ) {
    super(`${actor}, round ${round}: ${code}: ${message}`);
  }
}

/**
 * Plays a game to its end in batch: validates and collects every seat's input and closes each phase,
 * in place on one state. Returns the final state; `onInput` sees each input (to keep a record).
 */
export function runGame(
  world: World,
  start: GameState,
  choose: Chooser,
  onInput?: (r: RecordedInput) => void,
  /** Injects to queue, each during its round (before that round's commitment closes). */
  injects: readonly RecordedInject[] = [],
): GameState {
  const s = cloneState(start);
  for (let phase = waitingPhase(s); phase; phase = waitingPhase(s)) {
    if (phase === 'commitment')
      for (const j of injects) {
        if (j.round !== s.round) continue;
        const bad = checkInject(world, s, j.event);
        if (bad) throw new InvalidInputError('instructor', s.round, bad.code, bad.message);
        injectMut(s, j.event);
      }
    for (const a of world.actors) {
      const input = choose(s, a.id, phase);
      const bad = checkInput(world, s, a.id, input);
      if (bad) throw new InvalidInputError(a.id, s.round, bad.code, bad.message);
      onInput?.({ round: s.round, actor: a.id, input });
      collectMut(world, s, a.id, input);
    }
    closePhaseMut(world, s);
  }
  return s;
}
