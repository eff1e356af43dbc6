/** What a computer-run government is: a strategy that turns a player view into one phase's input. */
import type { InputPhase, PhaseInput, PlayerView, Rng, World } from '../engine/index.ts';

export interface DecisionContext {
  world: World;
  view: PlayerView;
  /**
   * The strategy's own generator (never the game's), and its only source of chance. There is no clock: a decision
   * depends on the view and this generator alone, so a saved game continues as the unsaved one would.
   */
  rng: Rng;
  /**
   * A token for the state the decision is taken on: the same object for every seat's decision on one state in
   * one phase, another once the state moves on (see `computerChooser`). It says nothing about the state; a
   * strategy may use it only as a cache key, for what every seat would otherwise read from its view alike (the
   * public numbers). Absent, nothing is shared by it.
   */
  table?: object;
}

export interface Strategy {
  readonly id: string;
  readonly name: string;
  decide(ctx: DecisionContext, phase: InputPhase): PhaseInput;
}
