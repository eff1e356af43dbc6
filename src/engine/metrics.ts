/**
 * Reading the state as numbers on 0..100: metrics for conditions (events, outcomes) and objectives (scores).
 */
import { clamp, indexOf, pairIndex } from './state.ts';
import { ACTOR_VARS } from './types.ts';
import type {
  ActorId,
  Condition,
  FactCondition,
  GameState,
  MetricCondition,
  Objective,
  World,
} from './types.ts';

const isActorVar = (m: string): m is (typeof ACTOR_VARS)[number] =>
  (ACTOR_VARS as readonly string[]).includes(m);

function meanTrust(s: GameState, n: number, i: number, direction: 'in' | 'of'): number {
  let sum = 0;
  for (let j = 0; j < n; j++)
    if (j !== i) sum += direction === 'in' ? s.trust[pairIndex(n, j, i)]! : s.trust[pairIndex(n, i, j)]!;
  return n > 1 ? sum / (n - 1) : 0;
}

/** A metric's value on 0..100. Actor metrics take `of`; global ones ignore it. */
export function metricValue(world: World, s: GameState, metric: string, of?: ActorId): number {
  const n = world.actors.length;
  if (isActorVar(metric) || metric === 'trust-in' || metric === 'trust-of') {
    const i = of === undefined ? -1 : indexOf(world, of);
    if (i < 0) return 0;
    if (metric === 'trust-in') return meanTrust(s, n, i, 'in');
    if (metric === 'trust-of') return meanTrust(s, n, i, 'of');
    return s.actors[i]![metric as (typeof ACTOR_VARS)[number]];
  }
  switch (metric) {
    case 'tension':
      return s.tension;
    case 'stage':
      return world.stages.length > 1 ? (100 * s.stage) / (world.stages.length - 1) : 0;
    case 'mean-trust': {
      let sum = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) if (i !== j) sum += s.trust[pairIndex(n, i, j)]!;
      return n > 1 ? sum / (n * (n - 1)) : 0;
    }
    case 'agreements-kept':
      return clamp(25 * s.agreements.filter((g) => g.status === 'completed').length);
    case 'agreements-broken':
      return clamp(25 * s.agreements.filter((g) => g.status === 'broken' || g.status === 'abandoned').length);
  }
  return 0;
}

/** The value a condition compares with its bounds: a metric, or one pair's relation. */
export function conditionValue(world: World, s: GameState, c: MetricCondition | PairCondition): number {
  if ('fact' in c) {
    const k = pairIndex(world.actors.length, indexOf(world, c.from), indexOf(world, c.to));
    return (c.measure === 'trust' ? s.trust : c.measure === 'sanctions' ? s.sanctions : s.lifeline)[k] ?? 0;
  }
  return metricValue(world, s, c.metric, 'of' in c ? c.of : undefined);
}

type PairCondition = Extract<FactCondition, { fact: 'pair' }>;

/** Whether a fact holds, before `not` turns it around. */
function factHolds(world: World, s: GameState, c: FactCondition): boolean {
  switch (c.fact) {
    case 'leader':
      return s.actors[indexOf(world, c.of)]?.leader.name === c.is;
    case 'action': {
      const since = c.within !== undefined ? s.round - c.within + 1 : -Infinity;
      return s.log.some(
        (e) =>
          e.kind === 'action' &&
          e.ref === c.action &&
          e.round >= since &&
          (c.by === undefined || e.actor === c.by) &&
          (c.target === undefined || e.target === c.target),
      );
    }
    case 'deal':
      return s.agreements.some(
        (g) =>
          (c.status === 'signed' ||
            (c.status === 'completed' && g.status === 'completed') ||
            (c.status === 'broken' && (g.status === 'broken' || g.status === 'abandoned'))) &&
          g.terms.some((t) => t.action === c.action && (c.by === undefined || t.by === c.by)),
      );
    case 'event':
      return s.firedEvents.includes(c.event) || s.log.some((e) => e.kind === 'event' && e.ref === c.event);
    case 'channel': {
      const k = pairIndex(world.actors.length, indexOf(world, c.a), indexOf(world, c.b));
      return (c.channel === 'hotline' ? s.hotline : s.backchannel)[k] === 1;
    }
    case 'pair': {
      const v = conditionValue(world, s, c);
      return (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);
    }
  }
}

export function holds(world: World, s: GameState, c: Condition): boolean {
  if ('fact' in c) return factHolds(world, s, c) !== (c.not === true);
  const v = metricValue(world, s, c.metric, 'of' in c ? c.of : undefined);
  return (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);
}

export const allHold = (world: World, s: GameState, cs: readonly Condition[]): boolean =>
  cs.every((c) => holds(world, s, c));

/**
 * Whether an act sold once (`ActionDef.once`) has been sold: a deal with it as a term has been signed, by anyone,
 * or anyone has taken it on its own, at any time. The same facts as the conditions `{ deal: id }` and
 * `{ action: id }`, which scenarios wrote with `not: true` before the field.
 */
export const isSpent = (world: World, s: GameState, action: string): boolean =>
  factHolds(world, s, { fact: 'deal', action, status: 'signed' }) ||
  factHolds(world, s, { fact: 'action', action });

/** One objective's contribution on 0..100 for its owner. */
export function objectiveValue(world: World, s: GameState, owner: ActorId, o: Objective): number {
  const v = metricValue(world, s, o.metric, o.of ?? owner);
  return o.want === 'high' ? v : 100 - v;
}

/**
 * How much more (or less) the leader in office weighs an objective than the scenario's weights say. The
 * scenario's weights are the government's priorities under the leader it starts with; a successor of a different
 * stance brings different priorities (The DMZ Quid Pro Quo: Why It's Not Working and What Lies Ahead: a new
 * administration comes into office with different priorities on engagement or confrontation, and shifts between
 * administrations unsettle what was agreed). A leader more hawkish than the first weighs hard security more (its
 * own security and arms, others' arms) and calm and the peace process less; a more dovish one the reverse. Every
 * 50 points of stance (0 hawk .. 100 dove) away from the first leader's doubles or halves the difference, within
 * a quarter and twice the scenario's weight. Scores (the debrief's measure of how a government did) keep the
 * scenario's weights; this is what the leader in office pursues.
 */
export function leaderPriority(world: World, s: GameState, owner: ActorId, o: Objective): number {
  const i = indexOf(world, owner);
  const now = s.actors[i]!.leader.stance;
  const first = world.initial.actors[owner]?.leader.stance ?? now;
  if (now === first) return 1;
  const security = o.metric === 'security' || o.metric === 'nuclear' || o.metric === 'missile';
  const calm = (o.metric === 'tension' && o.want === 'low') || (o.metric === 'stage' && o.want === 'high');
  const hawkish = (first - now) / 50; // > 0: the new leader is more hawkish
  if (security) return Math.min(2, Math.max(0.25, 1 + hawkish));
  if (calm) return Math.min(2, Math.max(0.25, 1 - hawkish));
  return 1;
}

/** An actor's score, 0..100: the weighted mean of its objectives. */
export function score(world: World, s: GameState, actor: ActorId): number {
  const def = world.actors[indexOf(world, actor)]!;
  let sum = 0;
  let weights = 0;
  for (const o of def.objectives) {
    sum += o.weight * objectiveValue(world, s, actor, o);
    weights += o.weight;
  }
  return weights > 0 ? sum / weights : 0;
}

/**
 * What the leader in office of `actor` at `by` pursues, 0..100: its score with each objective weighed by that
 * leader's priorities (`leaderPriority`). Equal to `score` while the first leader holds office. Players choosing
 * a course value its outcome this way; the debrief scores with the scenario's weights.
 */
export function pursuedScore(world: World, s: GameState, actor: ActorId, by: GameState = s): number {
  const def = world.actors[indexOf(world, actor)]!;
  let sum = 0;
  let weights = 0;
  for (const o of def.objectives) {
    const w = o.weight * leaderPriority(world, by, actor, o);
    sum += w * objectiveValue(world, s, actor, o);
    weights += w;
  }
  return weights > 0 ? sum / weights : 0;
}

/**
 * Every government's score as it stands, read from what everyone can see (each government's public numbers,
 * tension and the stage); null when some objective reads something private (trust). The same numbers as
 * `scores` on the state, so a player may see its standing during the game without learning a secret.
 */
export function publicScores(
  world: World,
  seen: { actors: readonly { id: ActorId; vars: Record<string, number> }[]; tension: number; stage: number },
): Record<ActorId, number> | null {
  const value = (metric: string, of: ActorId): number | null => {
    if (isActorVar(metric)) return seen.actors.find((a) => a.id === of)?.vars[metric] ?? null;
    if (metric === 'tension') return seen.tension;
    if (metric === 'stage')
      return world.stages.length > 1 ? (100 * seen.stage) / (world.stages.length - 1) : 0;
    return null;
  };
  const out: Record<ActorId, number> = {};
  for (const a of world.actors) {
    let sum = 0;
    let weights = 0;
    for (const o of a.objectives) {
      const v = value(o.metric, o.of ?? a.id);
      if (v === null) return null;
      sum += o.weight * (o.want === 'high' ? v : 100 - v);
      weights += o.weight;
    }
    out[a.id] = weights > 0 ? sum / weights : 0;
  }
  return out;
}

export function scores(world: World, s: GameState): Record<ActorId, number> {
  const out: Record<ActorId, number> = {};
  for (const a of world.actors) out[a.id] = score(world, s, a.id);
  return out;
}

/** The named world outcome: the clash outcome after a clash, else the first whose conditions all hold. */
export function outcomeOf(world: World, s: GameState, clash: boolean): string {
  if (clash) {
    const c = world.outcomes.find((o) => o.onClash);
    if (c) return c.id;
  }
  for (const o of world.outcomes) if (!o.onClash && allHold(world, s, o.when)) return o.id;
  return world.outcomes[world.outcomes.length - 1]!.id;
}
