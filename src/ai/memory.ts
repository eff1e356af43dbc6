/**
 * What a government remembers of another, read from its own player view only: the other's last move as it
 * was seen (a kept or broken step of a shared deal, a friendly or hostile act), whether it was ever seen to
 * defect, and what this government itself did last. Classic iterated-dilemma strategies are built on these.
 */
import { findAction } from '../engine/index.ts';
import type { ActionDef, ActionEntry, ActorId, Dealings, PlayerView, World } from '../engine/index.ts';

export type Move = 'C' | 'D';

/** An act the target reads as hostile: a provocation, or anything that lowers the target's trust. */
export const hostile = (d: ActionDef): boolean =>
  d.provocation || d.readings.some((r) => r.observers === 'target' && r.trust < 0);
/** An act the target reads as friendly. */
export const friendly = (d: ActionDef): boolean =>
  !hostile(d) &&
  (d.family === 'engagement' || d.readings.some((r) => r.observers === 'target' && r.trust > 0));

export function alliesOf(view: PlayerView, me: ActorId = view.me): Set<ActorId> {
  const out = new Set<ActorId>();
  for (const [a, b] of view.alliances) {
    if (a === me) out.add(b);
    else if (b === me) out.add(a);
  }
  return out;
}

interface Seen {
  round: number;
  move: Move;
}

/** How the target reads an act: 'D' hostile, 'C' friendly, null neither (kept per catalogue entry). */
const readings = new WeakMap<ActionDef, Move | null>();
function reading(d: ActionDef): Move | null {
  let m = readings.get(d);
  if (m === undefined) {
    m = hostile(d) ? 'D' : friendly(d) ? 'C' : null;
    readings.set(d, m);
  }
  return m;
}

/** Notes a move in a round: a D in a round outweighs a C in it. */
function note(byRound: Map<number, Move>, round: number, m: Move): void {
  if (byRound.get(round) !== 'D') byRound.set(round, m);
}

/** Notes what an act by `other` that I saw says of it toward me. */
function noteAct(world: World, byRound: Map<number, Move>, me: ActorId, e: ActionEntry): void {
  const d = findAction(world, e.ref);
  if (!d) return;
  if (e.target === me) note(byRound, e.round, reading(d) ?? byRound.get(e.round) ?? 'C');
  else if (d.provocation && !d.targeted) note(byRound, e.round, 'D'); // a test is aimed at everyone
}

/** Every move of `other` toward me that I saw, by round (a D in a round outweighs a C in it). */
function seenMoves(world: World, view: PlayerView, other: ActorId): Seen[] {
  const known = view.dealings?.(other);
  if (known) {
    const f = fold(world, view.me, known);
    return (f.seen ??= sorted(f.byRound));
  }
  return sorted(seenBy(world, view, other));
}

/** `seenMoves` by round, read from the view's lists (no running index). */
function seenBy(world: World, view: PlayerView, other: ActorId): Map<number, Move> {
  const byRound = new Map<number, Move>();
  for (const g of view.agreements) {
    if (!g.parties.includes(other) || !g.parties.includes(view.me)) continue;
    for (const r of g.record) if (other in r.saw) note(byRound, r.round, r.saw[other] ? 'C' : 'D');
  }
  for (const e of view.log) if (e.kind === 'action' && e.actor === other) noteAct(world, byRound, view.me, e);
  return byRound;
}

function sorted(byRound: Map<number, Move>): Seen[] {
  const out: Seen[] = [];
  for (const [round, move] of byRound) out.push({ round, move });
  return out.sort(byRoundOrder);
}

/**
 * The moves folded from a row of the view's running index, kept with the row and brought up to date with what
 * was added to it since (the rows only grow, and a D or C in a round does not depend on the order seen).
 */
interface Fold {
  steps: number;
  acts: number;
  byRound: Map<number, Move>;
  /** `byRound` in order, made when first read after the row grew. */
  seen: Seen[] | null;
}
const folds = new WeakMap<Dealings, Fold>();

function fold(world: World, me: ActorId, known: Dealings): Fold {
  let f = folds.get(known);
  if (!f) folds.set(known, (f = { steps: 0, acts: 0, byRound: new Map(), seen: null }));
  const { steps, acts } = known;
  if (f.steps < steps.length || f.acts < acts.length) {
    for (let k = f.steps; k < steps.length; k++) note(f.byRound, steps[k]!.round, steps[k]!.saw ? 'C' : 'D');
    for (let k = f.acts; k < acts.length; k++) noteAct(world, f.byRound, me, acts[k]!);
    f.steps = steps.length;
    f.acts = acts.length;
    f.seen = null;
  }
  return f;
}

const byRoundOrder = (a: Seen, b: Seen): number => a.round - b.round;

/** My own steps in deals with `other` (whether I kept each) and my own acts aimed at it, as my view has them. */
function myDealings(
  view: PlayerView,
  other: ActorId,
): { steps: readonly { round: number; mine: boolean }[]; acts: readonly ActionEntry[] } {
  const theirs = view.dealings?.(other);
  const mine = view.dealings?.(view.me);
  if (theirs && mine) {
    const acts: ActionEntry[] = [];
    for (const e of mine.acts) if (e.target === other) acts.push(e);
    return { steps: theirs.steps, acts };
  }
  const steps: { round: number; mine: boolean }[] = [];
  for (const g of view.agreements) {
    if (!g.parties.includes(other) || !g.parties.includes(view.me)) continue;
    for (const r of g.record) if (r.mine !== null) steps.push({ round: r.round, mine: r.mine });
  }
  const acts = view.log.filter(
    (e): e is ActionEntry => e.kind === 'action' && e.actor === view.me && e.target === other,
  );
  return { steps, acts };
}

/** How many steps I have myself withheld from deals with `other`: how often I have tested it. */
export function breachesToward(view: PlayerView, other: ActorId): number {
  // With the view's index, the steps are read without gathering my acts toward it (only steps are counted).
  const theirs = view.dealings?.(other);
  const steps = theirs && view.dealings?.(view.me) ? theirs.steps : myDealings(view, other).steps;
  let n = 0;
  for (const r of steps) if (!r.mine) n++;
  return n;
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
  const { steps, acts } = myDealings(view, other);
  for (const r of steps) best = later(best, r.round, r.mine ? 'C' : 'D');
  for (const e of acts) {
    const d = findAction(world, e.ref);
    const m = d ? reading(d) : null;
    if (m) best = later(best, e.round, m);
  }
  return best;
}

/** The later of two moves; in the same round a D outweighs a C. */
function later(best: Seen | null, round: number, move: Move): Seen | null {
  return !best || round > best.round || (round === best.round && move === 'D') ? { round, move } : best;
}

/**
 * How likely `other` is to answer a defection of mine, learned from what I saw: of the rounds after I defected
 * toward it, the share in which I saw it defect (with a prior of one in two, so a stranger is given 0.5).
 */
export function retaliation(world: World, view: PlayerView, other: ActorId): number {
  const theirs = view.dealings?.(other);
  const mine = view.dealings?.(view.me);
  if (!theirs || !mine) return answered(world, view, other, seenBy(world, view, other));
  // Read from the view's running index: kept with its row, and read again only when a row has grown.
  let byOther = rates.get(theirs);
  if (!byOther) rates.set(theirs, (byOther = new Map()));
  const kept = byOther.get(other);
  if (
    kept &&
    kept.mine === mine &&
    kept.steps === theirs.steps.length &&
    kept.acts === theirs.acts.length &&
    kept.myActs === mine.acts.length
  )
    return kept.rate;
  const rate = answered(world, view, other, fold(world, view.me, theirs).byRound);
  byOther.set(other, {
    mine,
    steps: theirs.steps.length,
    acts: theirs.acts.length,
    myActs: mine.acts.length,
    rate,
  });
  return rate;
}

/**
 * `retaliation`'s answers, per row of the index (what I saw of the other) and other government (a row nothing
 * was seen in is one shared empty row), with the lengths of the rows it was read from.
 */
const rates = new WeakMap<
  Dealings,
  Map<ActorId, { mine: Dealings; steps: number; acts: number; myActs: number; rate: number }>
>();

/** `retaliation` from the other's moves toward me as I saw them, by round. */
function answered(
  world: World,
  view: PlayerView,
  other: ActorId,
  byRound: ReadonlyMap<number, Move>,
): number {
  const mine = new Set<number>();
  const { steps, acts } = myDealings(view, other);
  for (const r of steps) if (!r.mine) mine.add(r.round);
  for (const e of acts) {
    const d = findAction(world, e.ref);
    if (d && hostile(d)) mine.add(e.round);
  }
  let hits = 0;
  for (const r of mine) if (byRound.get(r + 1) === 'D') hits++;
  return (hits + 1) / (mine.size + 2);
}
