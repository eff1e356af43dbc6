/**
 * Three-way packages, the kind of deal only convened talks make possible (the Six-Party Talks' "action for
 * action" joint statements): I do something for one government, it does something for a third, and the third
 * does something for me. Each side gets what it wants from someone other than the one it pays, so a package can
 * close where no bilateral swap would.
 */
import { findAction, indexOf } from '../engine/index.ts';
import type { ActorId, OfferDraft, PlayerView, Term, World } from '../engine/index.ts';
import { canPropose, concessionOrFriendly, offerWithin, promisable } from './moves.ts';
import { nameOf } from './policy.ts';

/**
 * A party's gain from one term, on my believed state (the objective player's own valuation). A package is valued
 * as the sum of its terms: their effects barely interact, and scoring every combination on a fresh copy of the
 * state would cost a copy per combination.
 */
export type TermValuer = (who: ActorId, term: Term) => number;

export interface Package {
  offer: OfferDraft;
  value: number;
  why: string;
}

/**
 * Each side's best terms for its receiver and their values to each judge, per (giver, receiver, whether the
 * searcher is one of the two): what a search reads, to be shared by searches on the same valuation and state.
 */
export type Tops = Map<number, { ts: Term[]; by: Map<number, number[]> }>;

/** How many of each side's best terms a search considers: packages grow as the cube of this. */
const WIDTH = 4;

/**
 * The best cycle me → a → b → me among counterparts I can talk to, when multilateral talks are convened:
 * every party must gain (each discounted by how far I trust the one who pays it), and my gain must beat
 * `floor`. Null when talks are not convened or nothing closes.
 */
export function bestPackage(
  world: World,
  view: PlayerView,
  partners: readonly ActorId[],
  value: TermValuer,
  floor: number,
  jitter: () => number,
  /** Term lists not to put again (a package the others turned down lately). */
  refused: (terms: readonly Term[]) => boolean = () => false,
  /** The terms `by` could promise `to` (`promisable` with `concessionOrFriendly`, or a shared copy of it). */
  promise: (by: ActorId, to: ActorId) => readonly Term[] = (by, to) =>
    promisable(world, view, by, to, concessionOrFriendly),
  /**
   * Where each side's best terms are kept: a search on the same valuation, state and phase (another seat's) may
   * pass the same map, when `value` and `promise` answer alike for it.
   */
  tops: Tops = new Map(),
): Package | null {
  if (view.forum <= 0) return null;
  const me = view.me;
  const n = world.actors.length;
  // Each judge's value of each term, read once (the search asks for the same ones many times over), and each
  // side's best terms for its receiver, per (giver, receiver): numbers as keys, no strings.
  const ix = (x: ActorId): number => indexOf(world, x);
  const top = (by: ActorId, to: ActorId): { ts: Term[]; by: Map<number, number[]> } => {
    // Whether I am one of the two: only a backchannel's ends see it, so the terms may differ (see sharedPromisable).
    const key = (ix(by) * n + ix(to)) * 2 + (by === me || to === me ? 1 : 0);
    let r = tops.get(key);
    if (!r) {
      // The WIDTH best by value, kept in order as they come (what a stable sort by value, highest first, keeps):
      // a term goes after every kept one worth as much or more.
      const ts: Term[] = [];
      const vs: number[] = [];
      for (const t of promise(by, to)) {
        const v = value(to, t);
        if (!(v > 0)) continue;
        let i = vs.length;
        while (i > 0 && vs[i - 1]! < v) i--;
        if (i >= WIDTH) continue;
        // Shifted by hand: a splice makes an array of what it removes.
        let j = Math.min(ts.length, WIDTH - 1);
        for (; j > i; j--) {
          ts[j] = ts[j - 1]!;
          vs[j] = vs[j - 1]!;
        }
        ts[i] = t;
        vs[i] = v;
      }
      tops.set(key, (r = { ts, by: new Map([[ix(to), vs]]) }));
    }
    return r;
  };
  // The values of a side's best terms to one judge, read once per judge.
  const row = (r: { ts: Term[]; by: Map<number, number[]> }, who: ActorId): number[] => {
    const w = ix(who);
    let vs = r.by.get(w);
    if (!vs) r.by.set(w, (vs = r.ts.map((t) => value(who, t))));
    return vs;
  };
  const trust = (x: ActorId): number => (view.myTrust[x] ?? 0) / 100;
  let best: Package | null = null;
  for (const a of partners)
    for (const b of partners) {
      if (a === b || !canPropose(world, view, [me, a, b])) continue;
      // What I give a (valued by a), what a gives b (valued by b), what b gives me (valued by me).
      const x = top(me, a);
      const y = top(a, b);
      const z = top(b, me);
      const xs = x.ts;
      const ys = y.ts;
      const zs = z.ts;
      if (!xs.length || !ys.length || !zs.length) continue;
      const tb = trust(b);
      const xMe = row(x, me);
      const xA = row(x, a);
      const xB = row(x, b);
      const yA = row(y, a);
      const yB = row(y, b);
      const zMe = row(z, me);
      const zA = row(z, a);
      const zB = row(z, b);
      for (let i = 0; i < xs.length; i++)
        for (let j = 0; j < ys.length; j++)
          for (let k = 0; k < zs.length; k++) {
            const mine = xMe[i]! + zMe[k]! * tb;
            if (mine <= floor) continue;
            const theirs = Math.min(xA[i]! + yA[j]! + zA[k]!, xB[i]! + yB[j]! + zB[k]!);
            if (theirs <= 0) continue;
            const terms = [xs[i]!, ys[j]!, zs[k]!];
            if (refused(terms)) continue;
            const v = mine + jitter();
            if (best && v <= best.value) continue;
            const programme = terms.some((t) => findAction(world, t.action)!.family === 'programme');
            best = {
              offer: offerWithin(world, terms, programme ? 'inspections' : 'partial', 2, 2),
              value: v,
              why: `${nameOf(world, me)} puts a three-way package to ${nameOf(world, a)} and ${nameOf(world, b)} at the convened talks: each side gets what it wants from someone other than the one it pays, and all three gain.`,
            };
          }
    }
  return best;
}

export { lately, termsKey } from './moves.ts';
