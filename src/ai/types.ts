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
}

export interface Strategy {
  readonly id: string;
  readonly name: string;
  decide(ctx: DecisionContext, phase: InputPhase): PhaseInput;
}
