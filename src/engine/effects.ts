/**
 * Applying the catalogue's data: an action's cost, effects and readings, and an event's effects.
 * These functions mutate the state they are given; the step functions call them on their own copy.
 */
import { chance } from './rng.ts';
import { changeTension, changeTrust, changeVar } from './ledger.ts';
import { moveStage } from './stage.ts';
import type { Rng } from './rng.ts';
import { LIFELINE_MAX, SANCTIONS_MAX, addPair, clamp, indexOf, pairIndex, setSymmetric } from './state.ts';
import { ACTOR_VARS } from './types.ts';
import type {
  ActionDef,
  ActorId,
  Cause,
  EffectSubject,
  EventEffect,
  GameState,
  ObserverGroup,
  World,
} from './types.ts';

const allied = (s: GameState, n: number, a: number, b: number): boolean =>
  a !== b && s.alliance[pairIndex(n, a, b)] === 1;

/** Whether actor `i` belongs to the subject group of an action by `self` at `target` (-1 for none). */
function inSubject(
  s: GameState,
  n: number,
  who: EffectSubject,
  i: number,
  self: number,
  target: number,
): boolean {
  switch (who) {
    case 'self':
      return i === self;
    case 'target':
      return i === target;
    case 'allies':
      return allied(s, n, self, i);
    case 'target-allies':
      return target >= 0 && i !== self && allied(s, n, target, i);
    case 'others':
      return i !== self;
  }
}

function inObservers(
  s: GameState,
  n: number,
  group: ObserverGroup,
  i: number,
  self: number,
  target: number,
): boolean {
  if (i === self) return false;
  switch (group) {
    case 'target':
      return i === target;
    case 'allies':
      return allied(s, n, self, i);
    case 'target-allies':
      return target >= 0 && allied(s, n, target, i);
    case 'rivals':
      return s.rivalry[pairIndex(n, self, i)] === 1;
    case 'all':
      return true;
  }
}

/**
 * Who sees an action: everyone for public ones, the target for targeted ones,
 * and for secret ones the target only if it detects it.
 */
export function witnesses(world: World, def: ActionDef, self: number, target: number, rng: Rng): boolean[] {
  const n = world.actors.length;
  const seen = new Array<boolean>(n).fill(false);
  seen[self] = true;
  if (def.visibility === 'public') seen.fill(true);
  else if (target >= 0 && (def.visibility === 'target' || chance(rng, world.rules.secretDetection)))
    seen[target] = true;
  return seen;
}

/**
 * Applies an action's cost and effects at `scale` (1 for a whole action, 1/steps for a step of a phased deal).
 * Discrete effects (sanctions, lifeline, channels, forum, stage) happen only when `discrete` is set:
 * on a unilateral action, and on the last step of a deal.
 */
export function applyAction(
  world: World,
  s: GameState,
  def: ActionDef,
  self: number,
  target: number,
  scale: number,
  discrete: boolean,
  fade = 1,
  cause: Cause = actionCause(world, def, self, target),
  to?: readonly ActorId[],
): void {
  const n = world.actors.length;
  // Steps between governments that are not rivals do little for the region's tension or its peace process.
  const between = target < 0 || s.rivalry[pairIndex(n, self, target)] === 1 ? 1 : world.rules.nonRivalTension;
  for (const v of ACTOR_VARS) {
    const c = def.cost[v];
    if (c) changeVar(world, s, self, v, -c * scale, cause, to);
  }
  for (const e of def.effects) {
    switch (e.kind) {
      case 'var':
        if (e.rivalsOnly && (target < 0 || s.rivalry[pairIndex(n, self, target)] !== 1)) break;
        for (let i = 0; i < n; i++) {
          if (!inSubject(s, n, e.who, i, self, target)) continue;
          const k = e.scaleByHawkishness ? world.actors[i]!.hawkishness / 50 : 1;
          const f = i === self && e.delta > 0 ? fade : 1; // the payoff at home of a repeated gesture fades
          changeVar(world, s, i, e.var, e.delta * k * scale * f, cause, to);
        }
        break;
      case 'tension':
        changeTension(s, e.delta * scale * between * (e.delta < 0 ? fade : 1), cause, to);
        break;
      case 'sanctions':
        if (discrete && target >= 0) addPair(s.sanctions, n, self, target, e.delta, 0, SANCTIONS_MAX);
        break;
      case 'lifeline':
        if (discrete && target >= 0) addPair(s.lifeline, n, self, target, e.delta, 0, LIFELINE_MAX);
        break;
      case 'channel':
        if (discrete && target >= 0)
          setSymmetric(e.channel === 'hotline' ? s.hotline : s.backchannel, n, self, target, e.open ? 1 : 0);
        break;
      case 'forum':
        if (discrete) s.forum = Math.max(s.forum, e.rounds);
        break;
      case 'stage':
        if (discrete) moveStage(world, s, e.delta, cause, e.atMost, to);
        break;
    }
  }
}

/**
 * A copy of `s` for valuing a move: `applyAction` may run on it without touching `s`. The parts an action can
 * change are copied (the governments' numbers, sanctions, lifelines and channels; tension, stage and forum are
 * plain numbers); everything else (trust, log, history, agreements …) is shared and must not be changed. Far
 * cheaper than `cloneState` late in a game, when the log and history are long.
 */
export function whatIfCopy(s: GameState): GameState {
  return {
    ...s,
    actors: s.actors.map((a) => ({ ...a })),
    sanctions: s.sanctions.slice(),
    lifeline: s.lifeline.slice(),
    hotline: s.hotline.slice(),
    backchannel: s.backchannel.slice(),
    causes: undefined, // a what-if keeps no ledger
  };
}

/** Trust changes in everyone who saw the action, by the catalogue's readings. Goodwill fades when repeated; hostility does not. */
export function applyReadings(
  world: World,
  s: GameState,
  def: ActionDef,
  self: number,
  target: number,
  seen: boolean[],
  scale: number,
  fade = 1,
  cause: Cause = actionCause(world, def, self, target),
): void {
  const n = world.actors.length;
  for (const r of def.readings)
    for (let i = 0; i < n; i++)
      if (seen[i] && inObservers(s, n, r.observers, i, self, target))
        changeTrust(world, s, i, self, r.trust * scale * (r.trust > 0 ? fade : 1), cause);
}

/** The cause an action by `self` (at `target`, -1 for none) records. */
export function actionCause(world: World, def: ActionDef, self: number, target: number): Cause {
  const c: Cause = { kind: 'action', actor: world.actors[self]!.id, action: def.id };
  if (target >= 0) c.target = world.actors[target]!.id;
  return c;
}

/** The key under which the last use of an action by an actor (at a target) is remembered. */
export const recentKey = (actor: string, action: string, target: string | undefined): string =>
  `${actor}>${action}>${target ?? ''}`;

/**
 * How much of a gesture's goodwill and domestic payoff is left when it repeats one made recently:
 * a quarter the round after, rising to all of it after `habituationRounds`.
 */
export function fadeAfter(world: World, lastRound: number | undefined, round: number): number {
  if (lastRound === undefined) return 1;
  return Math.max(0.25, Math.min(1, (round - lastRound) / world.rules.habituationRounds));
}

/** Whether an actor may take an action at all (the catalogue's `by`). */
export function mayTake(def: ActionDef, actor: string): boolean {
  return def.by === 'any' || def.by.includes(actor);
}

/** Applies one event effect. Leader changes are returned to the caller, which handles inherited deals. */
export function applyEventEffect(world: World, s: GameState, e: EventEffect, event = ''): void {
  const n = world.actors.length;
  const ix = (id: string): number => indexOf(world, id);
  const cause: Cause = { kind: 'event', event };
  switch (e.kind) {
    case 'var':
      changeVar(world, s, ix(e.actor), e.var, e.delta, cause);
      break;
    case 'tension':
      changeTension(s, e.delta, cause);
      break;
    case 'trust':
      changeTrust(world, s, ix(e.from), ix(e.to), e.delta, cause);
      break;
    case 'sanctions':
      addPair(s.sanctions, n, ix(e.from), ix(e.to), e.delta, 0, SANCTIONS_MAX);
      break;
    case 'lifeline':
      addPair(s.lifeline, n, ix(e.from), ix(e.to), e.delta, 0, LIFELINE_MAX);
      break;
    case 'channel':
      setSymmetric(e.channel === 'hotline' ? s.hotline : s.backchannel, n, ix(e.a), ix(e.b), e.open ? 1 : 0);
      break;
    case 'stance': {
      const l = s.actors[ix(e.actor)]!.leader;
      l.stance = clamp(l.stance + e.delta);
      break;
    }
    case 'stage':
      moveStage(world, s, e.delta, cause);
      break;
    case 'forum':
      s.forum = Math.max(s.forum, e.rounds);
      break;
    case 'leader':
      break; // handled by politics.changeLeader, which also reviews inherited deals
  }
}
