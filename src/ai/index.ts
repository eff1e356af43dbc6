/**
 * Computer-run governments. Each seat gets a strategy and its own seeded generator; a chooser built here
 * drives `runGame` (batch) or feeds the machine, and reads nothing but each seat's player view.
 */
import { playerView, present, rngFrom, seedState } from '../engine/index.ts';
import type { ActorId, Chooser, GameState, Rng, World } from '../engine/index.ts';
import { EASY_PARAMS, objectiveStrategy } from './objective.ts';
import { plannerStrategy } from './planner.ts';
import { randomStrategy } from './random.ts';
import {
  dove,
  generousTitForTat,
  grimTrigger,
  hawk,
  pavlov,
  reciprocalStrategy,
  titForTat,
  titForTatInKind,
} from './strategies.ts';
import type { Strategy } from './types.ts';

export type { Strategy, DecisionContext } from './types.ts';

/** Every strategy by its stable id. */
export const STRATEGIES: Record<string, Strategy> = Object.fromEntries(
  [
    titForTat,
    titForTatInKind,
    generousTitForTat(),
    grimTrigger,
    pavlov,
    hawk,
    dove,
    randomStrategy,
    objectiveStrategy(),
    objectiveStrategy(EASY_PARAMS, { id: 'objective-easy', name: 'Short-sighted' }),
    plannerStrategy(),
    reciprocalStrategy,
  ].map((s) => [s.id, s]),
);

/**
 * Difficulty, as a player chooses it: how well the governments play, never what the world does. Every difficulty
 * reads the world the same way (each government pursues its leader's priorities over the scenario's objectives);
 * easy governments do it with a short-sighted, thinly staffed ministry (`EASY_PARAMS`), normal ones as well as the
 * objective player can, and hard ones also check their choices against simulated futures.
 */
export const DIFFICULTIES = {
  easy: { strategy: 'objective-easy', label: 'Easy: short-sighted' },
  normal: { strategy: 'objective', label: 'Normal: pursue their aims' },
  hard: { strategy: 'planner', label: 'Hard: plan ahead' },
} as const;
export type Difficulty = keyof typeof DIFFICULTIES;

/** True when `id` names a strategy (its own entry: `constructor` or `toString` never do). */
export const isStrategy = (id: string): boolean => Object.hasOwn(STRATEGIES, id);

export function strategyById(id: string): Strategy {
  const s = isStrategy(id) ? STRATEGIES[id] : undefined;
  if (!s) throw new Error(`Unknown strategy "${id}". Known: ${Object.keys(STRATEGIES).join(', ')}.`);
  return s;
}

/** Each seat's strategy, from the seats' strategy ids. */
export function seatStrategies(seats: Readonly<Record<ActorId, string>>): Record<ActorId, Strategy> {
  return Object.fromEntries(Object.entries(seats).map(([a, id]) => [a, strategyById(id)]));
}

/** A seat's generator, derived from the game seed and the seat, independent of the game's own. */
export const seatRng = (seed: string | number, actor: ActorId): Rng => rngFrom(seedState(`${seed}/${actor}`));

/** A chooser in which every seat is computer-run by the given strategies. */
export function computerChooser(
  world: World,
  seed: string | number,
  seats: Record<ActorId, Strategy>,
): Chooser {
  const rngs: Record<ActorId, Rng> = {};
  for (const a of world.actors) rngs[a.id] = seatRng(seed, a.id);
  const index = Object.fromEntries(world.actors.map((a, i) => [a.id, i]));
  // One token per state and phase (`DecisionContext.table`): `runGame` changes the state only by closing a phase
  // (collecting an input fills the inbox, which no view shows of others); the round, the log's length and the
  // phase guard against any other caller that changes it in place.
  let table = { s: null as GameState | null, round: -1, logged: -1, phase: '', token: {} };
  const tableOf = (s: GameState, phase: string): object => {
    if (table.s !== s || table.round !== s.round || table.logged !== s.log.length || table.phase !== phase)
      table = { s, round: s.round, logged: s.log.length, phase, token: {} };
    return table.token;
  };
  return (s, actor, phase) => {
    // An organisation away from the table (before it joins, after it leaves) offers, answers and acts nothing.
    if (!present(world, s, index[actor]!)) {
      if (phase === 'proposing') return { phase, offers: [] };
      if (phase === 'responding') return { phase, answers: [] };
      const mine = s.agreements.some((g) => g.status === 'active' && g.parties.includes(actor));
      if (!mine) return { phase, decisions: [], actions: [] };
      const input = seats[actor]!.decide(
        { world, view: playerView(world, s, actor), rng: rngs[actor]!, table: tableOf(s, phase) },
        phase,
      );
      return input.phase === 'commitment' ? { ...input, actions: [] } : input;
    }
    return seats[actor]!.decide(
      { world, view: playerView(world, s, actor), rng: rngs[actor]!, table: tableOf(s, phase) },
      phase,
    );
  };
}
