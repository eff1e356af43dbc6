/** What a computer-run government is: a strategy that turns a player view into one phase's input. */
import type { InputPhase, PhaseInput, PlayerView, Rng, World } from '../engine/index.ts';

export interface DecisionContext {
  world: World;
  view: PlayerView;
  /** The strategy's own generator (never the game's). */
  rng: Rng;
  /** A clock in milliseconds, given only in interactive play: strategies with a time budget use it. */
  now?: () => number;
}

export interface Strategy {
  readonly id: string;
  readonly name: string;
  decide(ctx: DecisionContext, phase: InputPhase): PhaseInput;
}
