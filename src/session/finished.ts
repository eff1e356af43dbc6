/**
 * A finished game, rebuilt from its public record (once a game is over its record hides nothing): the views of
 * every government at the start of each round and at the end, for the replay; and what the end report and the
 * debrief show, as plain numbers (the world round by round, each outcome's conditions checked at the end, each
 * government's aims). The screens read these and never the engine's state.
 *
 * @example
 *   const frames = recordFrames(world, record);
 *   frames?.at(-1)!.views['ROK']; // the end as South Korea sees it: everything revealed
 */
import {
  ACTOR_VARS,
  conditionValue,
  holds,
  newGame,
  objectiveValue,
  playerView,
  replay,
  roundDate,
  startGame,
  submit,
  waitingPhase,
} from '../engine/index.ts';
import type {
  ActorId,
  ActorVar,
  Condition,
  GameRecord,
  GameState,
  PlayerView,
  World,
} from '../engine/index.ts';

/** The world at the start (round 0) and at the end of each round. */
export interface RoundPoint {
  round: number;
  /** "Start" or the round's date. */
  label: string;
  tension: number;
  stage: number;
  vars: Record<ActorId, Record<ActorVar, number>>;
  /** Flat n×n, read through `pairIndex` (row: who trusts, column: whom). */
  trust: number[];
}

/** One condition of an outcome at the end: whether it held and, for a measured one, the value it had. */
export interface ConditionCheck {
  condition: Condition;
  holds: boolean;
  /** The measured value (a metric or a pair's number); null for a fact (a leader, an action, an event…). */
  value: number | null;
}

/** What the end report and the debrief show of a finished game, beside the end-of-game views. */
export interface FinishedGame {
  /** The record it was rebuilt from, when it came from one (the debrief's explanations and exports). */
  record?: GameRecord;
  points: RoundPoint[];
  /** Every outcome of the world, in its order, with its conditions checked on the final state. */
  outcomes: { id: string; conditions: ConditionCheck[] }[];
  /** Each government's aims at the end (0–100, higher is better for it), the heaviest first. */
  aims: Record<ActorId, { label: string; weight: number; value: number }[]>;
}

/** A step of the replay: the start of a round, or the end; every government's view of it. */
export interface Frame {
  /** The round whose start this is, or the last round when the game is over. */
  round: number;
  over: boolean;
  views: Record<ActorId, PlayerView>;
  /** On the end's frame: the finished game's numbers, for the end report shown there. */
  finished?: FinishedGame;
}

function roundPoints(world: World, state: GameState): RoundPoint[] {
  const start = newGame(world, 'debrief');
  const vars = (s: GameState): RoundPoint['vars'] =>
    Object.fromEntries(
      world.actors.map((a, i) => [a.id, Object.fromEntries(ACTOR_VARS.map((v) => [v, s.actors[i]![v]]))]),
    ) as RoundPoint['vars'];
  return [
    {
      round: 0,
      label: 'Start',
      tension: start.tension,
      stage: start.stage,
      vars: vars(start),
      trust: start.trust,
    },
    ...state.history.map((h) => ({
      round: h.round,
      label: roundDate(world, h.round),
      tension: h.tension,
      stage: h.stage,
      vars: h.vars,
      trust: h.trust,
    })),
  ];
}

/** The finished game's numbers from its final state (the state stays here). */
export function finishedFromState(world: World, s: GameState, record?: GameRecord): FinishedGame {
  return {
    ...(record ? { record } : {}),
    points: roundPoints(world, s),
    outcomes: world.outcomes.map((o) => ({
      id: o.id,
      conditions: o.when.map((c) => ({
        condition: c,
        holds: holds(world, s, c),
        value: 'fact' in c && c.fact !== 'pair' ? null : conditionValue(world, s, c),
      })),
    })),
    aims: Object.fromEntries(
      world.actors.map((a) => [
        a.id,
        [...a.objectives]
          .sort((x, y) => y.weight - x.weight)
          .map((o) => ({ label: o.label, weight: o.weight, value: objectiveValue(world, s, a.id, o) })),
      ]),
    ),
  };
}

/** A finished game rebuilt from its record, with every government's view of the end. */
export function finishedGame(
  world: World,
  record: GameRecord,
): { finished: FinishedGame; views: Record<ActorId, PlayerView> } {
  const s = replay(world, record);
  return { finished: finishedFromState(world, s, record), views: viewsOf(world, s) };
}

const viewsOf = (world: World, s: GameState): Record<ActorId, PlayerView> =>
  Object.fromEntries(world.actors.map((a) => [a.id, playerView(world, s, a.id)]));

/** Whether the record plays to the end of its game (the only kind of game that may be replayed). */
export function recordFinished(world: World, record: GameRecord): boolean {
  try {
    return Boolean(replay(world, record).end);
  } catch {
    return false;
  }
}

/**
 * The record played through, input by input: a frame at the start of each round and one at the end (with the
 * finished game's numbers). Throws a sentence when an input does not fit; returns null when the record stops
 * before its game ends (a game under way is never replayed: its frames would show every secret).
 */
export function recordFrames(world: World, record: GameRecord): Frame[] | null {
  let s = startGame(world, record.seed);
  const states: GameState[] = [s];
  record.inputs.forEach((r, k) => {
    if (!waitingPhase(s)) throw new Error(`the game ended before input ${k + 1}.`);
    if (r.round !== s.round)
      throw new Error(`input ${k + 1} is for round ${r.round}, but the game is in round ${s.round}.`);
    const res = submit(world, s, r.actor, r.input);
    if (!res.ok)
      throw new Error(`input ${k + 1} (${r.actor}, round ${r.round}) is rejected: ${res.rejection.message}`);
    const before = s;
    s = res.value;
    if (s.round !== before.round || (s.end && !before.end)) states.push(s);
  });
  if (!s.end) return null;
  const frames: Frame[] = states.map((x) => ({
    round: x.round,
    over: x.end !== null,
    views: viewsOf(world, x),
  }));
  frames[frames.length - 1]!.finished = finishedFromState(world, s, record);
  return frames;
}
