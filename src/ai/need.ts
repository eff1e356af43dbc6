/**
 * Economic outlook: what a government expects sanctions and lifelines to do to economies over the next few
 * rounds, and how badly it needs relief.
 *
 * The engine moves an economy every round by the change in pressure since the start (sanctions drain, lifelines
 * feed), so a lifted sanction is worth little on the day and much over a year: a move is valued with the change of
 * pressure it brings counted over a short horizon. And a government whose economy is heading low weighs every
 * economic gain more: the seeds' point that China's lifeline lets Pyongyang wait out pressure, and that without it
 * the need to deal grows (The DMZ Quid Pro Quo).
 *
 * @example
 *   const look = outlook(world, belief, 4);
 *   const after = cloneState(belief); // … apply a deal's terms to `after` …
 *   addFlows(world, after, look);
 *   const v = decisionValue(world, belief, after, 'DPRK', look, 2);
 */
import {
  clamp,
  economicPressure,
  economyChange,
  inSentence,
  indexOf,
  objectiveValue,
} from '../engine/index.ts';
import type { ActorId, GameState, World } from '../engine/index.ts';

/** An economy projected below this level (0..100) is in need; at 0 the need is full. */
const NEED_BELOW = 50;

export interface Outlook {
  /** Rounds over which a change of pressure is counted: a year, or what is left of the game. */
  horizon: number;
  /** Pressure on each government now, in the world's actor order. */
  pressure: readonly number[];
  /** Each government's need for economic relief, 0..1, in the world's actor order. */
  need: readonly number[];
}

/** The outlook from a (believed) state: pressure now, and each economy projected `horizon` rounds on without a deal. */
export function outlook(world: World, s: GameState, horizon: number): Outlook {
  const h = Math.max(1, Math.min(horizon, world.rounds - s.round + 1));
  const pressure = world.actors.map((_, t) => economicPressure(world, s.sanctions, s.lifeline, t));
  const need = world.actors.map((a, t) => {
    if (a.noEconomy) return 0; // an organisation without an economy needs no relief
    const e = s.actors[t]!.economy;
    // Straight on at this round's rate: the pull back toward the start weakens as it works, so this overstates
    // the move a little.
    const projected = e + h * economyChange(world, t, e, pressure[t]!);
    return Math.min(1, Math.max(0, (NEED_BELOW - projected) / NEED_BELOW));
  });
  return { horizon: h, pressure, need };
}

/** Counts into each economy of `after` (a scratch copy) the change of pressure it brings, over the horizon. */
export function addFlows(world: World, after: GameState, look: Outlook): void {
  for (let t = 0; t < world.actors.length; t++) {
    const d = look.pressure[t]! - economicPressure(world, after.sanctions, after.lifeline, t);
    if (d !== 0) after.actors[t]!.economy = clamp(after.actors[t]!.economy + d * look.horizon);
  }
}

/** The multiplier on one objective: a government's own economy weighs more the more it needs relief. */
export function needWeight(
  world: World,
  who: ActorId,
  o: { metric: string; of?: ActorId; want: 'high' | 'low' },
  look: Outlook,
  gain: number,
): number {
  return o.metric === 'economy' && o.want === 'high' && (o.of ?? who) === who
    ? 1 + gain * look.need[indexOf(world, who)]!
    : 1;
}

/** Each objective's value in a state, per government, read once per state (a decision values many moves from one). */
const baselines = new WeakMap<GameState, Map<ActorId, number[]>>();

function baseline(world: World, s: GameState, who: ActorId): number[] {
  let byActor = baselines.get(s);
  if (!byActor) baselines.set(s, (byActor = new Map()));
  let values = byActor.get(who);
  if (!values)
    byActor.set(
      who,
      (values = world.actors[indexOf(world, who)]!.objectives.map((o) => objectiveValue(world, s, who, o))),
    );
  return values;
}

/**
 * The change in `who`'s score from `before` to `after`, with its own economy weighed by need, and the objective
 * that moved most (its label in lower case, '' when nothing moved).
 */
export function decisionValue(
  world: World,
  before: GameState,
  after: GameState,
  who: ActorId,
  look: Outlook,
  gain: number,
): { value: number; reason: string } {
  const def = world.actors[indexOf(world, who)]!;
  const base = baseline(world, before, who);
  let sum = 0;
  let weights = 0;
  let best = { d: 0, label: '' };
  for (const [k, o] of def.objectives.entries()) {
    const d =
      o.weight * needWeight(world, who, o, look, gain) * (objectiveValue(world, after, who, o) - base[k]!);
    sum += d;
    weights += o.weight;
    if (Math.abs(d) > best.d) best = { d: Math.abs(d), label: inSentence(o.label) };
  }
  return { value: weights > 0 ? sum / weights : 0, reason: best.label };
}
