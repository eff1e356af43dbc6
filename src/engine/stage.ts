/**
 * The peace-process stage: what moves it, in one place. A round moves it at most one stage from where the
 * round began; it does not advance while the parties most concerned (the scenario's flashpoint pairs) neither
 * deal with each other nor trust each other at all; and it falls back when a weapons programme grows.
 */
import { note } from './ledger.ts';
import { clamp, indexOf, pairIndex } from './state.ts';
import type { ActorId, Cause, GameState, Term, World } from './types.ts';

/** The stage at the start of the current round (the end of the last one, or the scenario's start). */
export function stageAtRoundStart(world: World, s: GameState): number {
  const last = s.history[s.history.length - 1];
  return last ? last.stage : world.initial.stage;
}

/**
 * Whether the stage may advance now: some flashpoint pair has a deal between them in force or carried out this
 * round, or trusts each other (both ways) at least `stageTrustFloor`. A scenario without flashpoints has no
 * parties most concerned, so any advance is allowed.
 */
export function stageMayAdvance(world: World, s: Pick<GameState, 'trust' | 'agreements' | 'round'>): boolean {
  if (world.flashpoints.length === 0) return true;
  const n = world.actors.length;
  const floor = world.rules.stageTrustFloor;
  for (const [a, b] of world.flashpoints) {
    const i = indexOf(world, a);
    const j = indexOf(world, b);
    if (Math.min(s.trust[pairIndex(n, i, j)]!, s.trust[pairIndex(n, j, i)]!) >= floor) return true;
    for (const g of s.agreements)
      if (
        g.parties.includes(a) &&
        g.parties.includes(b) &&
        (g.status === 'active' || (g.status === 'completed' && g.ended === s.round))
      )
        return true;
  }
  return false;
}

/**
 * Moves the stage by `delta`, within one stage of where the round began. An advance happens only when
 * `stageMayAdvance`, and `atMost` caps how far it raises the stage (never pulling a higher stage down).
 * Returns the change actually made.
 */
export function moveStage(
  world: World,
  s: GameState,
  delta: number,
  cause: Cause,
  atMost?: number,
  to?: readonly ActorId[],
): number {
  if (delta === 0) return 0;
  const top = world.stages.length - 1;
  const base = stageAtRoundStart(world, s);
  let want = s.stage + delta;
  if (delta > 0) {
    if (!stageMayAdvance(world, s)) return 0;
    want = Math.min(want, Math.max(s.stage, Math.min(atMost ?? top, top)));
  }
  const was = s.stage;
  s.stage = clamp(want, Math.max(0, base - 1), Math.min(top, base + 1));
  if (s.causes) note(s, { kind: 'stage' }, cause, s.stage - was, to);
  return s.stage - was;
}

/**
 * An action's own reach: whether it is a step past declarations (a concession on a weapons programme or on
 * security, or neither), and the highest stage its effects may lift to.
 */
function reachOf(
  world: World,
  id: string,
): { step: 'programme' | 'security' | undefined; cap: number | undefined } {
  const a = world.actions[world.actionIndex[id] ?? -1];
  if (!a) return { step: undefined, cap: undefined };
  let cap: number | undefined;
  for (const e of a.effects)
    if (e.kind === 'stage' && e.delta > 0) cap = Math.max(cap ?? 0, e.atMost ?? Infinity);
  const step = a.concession && (a.family === 'programme' || a.family === 'security') ? a.family : undefined;
  return { step, cap };
}

/**
 * The strongest step past declarations among a deal's terms: a concession on a weapons programme, else one on
 * security, else none.
 */
export function stepOf(world: World, terms: readonly Term[]): 'programme' | 'security' | undefined {
  let best: 'security' | undefined;
  for (const t of terms) {
    const { step } = reachOf(world, t.action);
    if (step === 'programme') return step;
    if (step === 'security') best = step;
  }
  return best;
}

/** Whether some two of `parties` are rivals: only their deals are steps of the peace process. */
export function amongRivals(
  world: World,
  s: Pick<GameState, 'rivalry'>,
  parties: readonly ActorId[],
): boolean {
  const n = world.actors.length;
  return parties.some((p) =>
    parties.some((q) => s.rivalry[pairIndex(n, indexOf(world, p), indexOf(world, q))] === 1),
  );
}

/** The least `at-most` of the world's stage-raising actions (undefined if none has one), once per world. */
const leastCaps = new WeakMap<World, number | undefined>();
function leastCap(world: World): number | undefined {
  if (leastCaps.has(world)) return leastCaps.get(world);
  let least: number | undefined;
  for (const a of world.actions) {
    const { cap } = reachOf(world, a.id);
    if (cap !== undefined && cap !== Infinity) least = Math.min(least ?? Infinity, cap);
  }
  leastCaps.set(world, least);
  return least;
}

/**
 * How high a deal between rivals carried out in full may lift the process (undefined: no cap). A deal with a
 * concession on a weapons programme or on security (a freeze, a dismantling, inspections, exercises suspended,
 * a guarantee) may lift it to the top; security cooperation (shared intelligence, patrols) is not such a step.
 * A deal of declarations, aid and relief alone lifts it no higher than its most far-reaching declaration could
 * on its own (a summit "opens talks but cannot by itself go beyond them"), and one with no declaration at all no
 * higher than the least of them. A world whose stage effects have no `at-most` puts no cap on any deal.
 *
 * Where the scenario sets `securityReach`, a deal whose only steps are security concessions lifts the process
 * no higher than that stage (or its declarations' cap, if higher): after the 2018 summits, exercises called off
 * and a military agreement made a working agreement, and nothing verified followed without the programme.
 */
export function dealReach(world: World, g: { readonly terms: readonly Term[] }): number | undefined {
  let own: number | undefined;
  let security = false;
  for (const t of g.terms) {
    const { step, cap } = reachOf(world, t.action);
    if (step === 'programme' || cap === Infinity) return undefined;
    if (step === 'security') {
      if (world.securityReach === undefined) return undefined;
      security = true;
    }
    if (cap !== undefined) own = Math.max(own ?? 0, cap);
  }
  const declared = own ?? leastCap(world);
  return security ? Math.max(declared ?? 0, world.securityReach!) : declared;
}

/** Whether some government's nuclear or missile programme grew by `stageProgrammeGrowth` or more this round. */
export function programmeGrew(world: World, s: GameState): boolean {
  const last = s.history[s.history.length - 1];
  const grow = world.rules.stageProgrammeGrowth;
  return world.actors.some((a, i) => {
    const was = last ? last.vars[a.id]! : world.initial.actors[a.id]!.vars;
    const now = s.actors[i]!;
    return now.nuclear - was.nuclear >= grow || now.missile - was.missile >= grow;
  });
}
