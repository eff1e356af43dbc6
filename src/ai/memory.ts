/**
 * What a government remembers of another, read from its own player view only: the other's last move as it
 * was seen (a kept or broken step of a shared deal, a friendly or hostile act), whether it was ever seen to
 * defect, and what this government itself did last. Classic iterated-dilemma strategies are built on these.
 */
import { findAction } from '../engine/index.ts';
import type { ActionDef, ActorId, PlayerView, World } from '../engine/index.ts';

export type Move = 'C' | 'D';

/** An act the target reads as hostile: a provocation, or anything that lowers the target's trust. */
export const hostile = (d: ActionDef): boolean =>
  d.provocation || d.readings.some((r) => r.observers === 'target' && r.trust < 0);
/** An act the target reads as friendly. */
export const friendly = (d: ActionDef): boolean =>
  !hostile(d) &&
  (d.family === 'engagement' || d.readings.some((r) => r.observers === 'target' && r.trust > 0));

export const alliesOf = (view: PlayerView, me: ActorId = view.me): Set<ActorId> =>
  new Set(view.alliances.flatMap(([a, b]) => (a === me ? [b] : b === me ? [a] : [])));

interface Seen {
  round: number;
  move: Move;
}

/** Every move of `other` toward me that I saw, by round (a D in a round outweighs a C in it). */
function seenMoves(world: World, view: PlayerView, other: ActorId): Seen[] {
  const byRound = new Map<number, Move>();
  const note = (round: number, m: Move): void => {
    if (byRound.get(round) !== 'D') byRound.set(round, m);
  };
  for (const g of view.agreements) {
    if (!g.parties.includes(other) || !g.parties.includes(view.me)) continue;
    for (const r of g.record) if (other in r.saw) note(r.round, r.saw[other] ? 'C' : 'D');
  }
  for (const e of view.log) {
    if (e.kind !== 'action' || e.actor !== other) continue;
    const d = findAction(world, e.ref);
    if (!d) continue;
    if (e.target === view.me)
      note(e.round, hostile(d) ? 'D' : friendly(d) ? 'C' : (byRound.get(e.round) ?? 'C'));
    else if (d.provocation && !d.targeted) note(e.round, 'D'); // a test is aimed at everyone
  }
  return [...byRound.entries()].map(([round, move]) => ({ round, move })).sort((a, b) => a.round - b.round);
}

export interface Memory {
  /** The other's last move as I saw it, and when; null if it never did anything toward me. */
  last: Seen | null;
  /** The move before that. */
  previous: Seen | null;
  everDefected: boolean;
  /** How many of its moves I saw as defections, and in all. */
  defections: number;
  moves: number;
}

export function remember(world: World, view: PlayerView, other: ActorId): Memory {
  const seen = seenMoves(world, view, other);
  const defections = seen.filter((s) => s.move === 'D').length;
  return {
    last: seen[seen.length - 1] ?? null,
    previous: seen[seen.length - 2] ?? null,
    everDefected: defections > 0,
    defections,
    moves: seen.length,
  };
}

/** My own last move toward `other`: my choice on the last step of a shared deal, or my last act toward it. */
export function myLastMove(world: World, view: PlayerView, other: ActorId): Seen | null {
  let best: Seen | null = null;
  const take = (round: number, move: Move): void => {
    if (!best || round > best.round || (round === best.round && move === 'D')) best = { round, move };
  };
  for (const g of view.agreements) {
    if (!g.parties.includes(other) || !g.parties.includes(view.me)) continue;
    for (const r of g.record) if (r.mine !== null) take(r.round, r.mine ? 'C' : 'D');
  }
  for (const e of view.log) {
    if (e.kind !== 'action' || e.actor !== view.me || e.target !== other) continue;
    const d = findAction(world, e.ref);
    if (d && (hostile(d) || friendly(d))) take(e.round, hostile(d) ? 'D' : 'C');
  }
  return best;
}

/**
 * How likely `other` is to answer a defection of mine, learned from what I saw: of the rounds after I defected
 * toward it, the share in which I saw it defect (with a prior of one in two, so a stranger is given 0.5).
 */
export function retaliation(world: World, view: PlayerView, other: ActorId): number {
  const theirs = new Map(seenMoves(world, view, other).map((s) => [s.round, s.move]));
  const mine = new Set<number>();
  for (const g of view.agreements) {
    if (!g.parties.includes(other) || !g.parties.includes(view.me)) continue;
    for (const r of g.record) if (r.mine === false) mine.add(r.round);
  }
  for (const e of view.log) {
    if (e.kind !== 'action' || e.actor !== view.me || e.target !== other) continue;
    const d = findAction(world, e.ref);
    if (d && hostile(d)) mine.add(e.round);
  }
  let hits = 0;
  for (const r of mine) if (theirs.get(r + 1) === 'D') hits++;
  return (hits + 1) / (mine.size + 2);
}
