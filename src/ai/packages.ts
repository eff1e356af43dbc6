/**
 * Three-way packages, the kind of deal only convened talks make possible (the Six-Party Talks' "action for
 * action" joint statements): I do something for one government, it does something for a third, and the third
 * does something for me. Each side gets what it wants from someone other than the one it pays, so a package can
 * close where no bilateral swap would.
 */
import { findAction } from '../engine/index.ts';
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
): Package | null {
  if (view.forum <= 0) return null;
  const me = view.me;
  // Each party's value of each single term, read once: the search asks for the same ones many times over.
  const singles = new Map<Term, Map<ActorId, number>>();
  const one = (who: ActorId, t: Term): number => {
    let row = singles.get(t);
    if (!row) singles.set(t, (row = new Map()));
    let v = row.get(who);
    if (v === undefined) row.set(who, (v = value(who, t)));
    return v;
  };
  const tops = new Map<string, Term[]>();
  const top = (by: ActorId, to: ActorId, judge: ActorId): Term[] => {
    const key = `${by}>${to}>${judge}`;
    let r = tops.get(key);
    if (!r)
      tops.set(
        key,
        (r = promisable(world, view, by, to, concessionOrFriendly)
          .map((t) => ({ t, v: one(judge, t) }))
          .filter((x) => x.v > 0)
          .sort((x, y) => y.v - x.v)
          .slice(0, WIDTH)
          .map((x) => x.t)),
      );
    return r;
  };
  const trust = (x: ActorId): number => (view.myTrust[x] ?? 0) / 100;
  let best: Package | null = null;
  for (const a of partners)
    for (const b of partners) {
      if (a === b || !canPropose(view, [me, a, b])) continue;
      // What I give a (valued by a), what a gives b (valued by b), what b gives me (valued by me), with each
      // party's value of each term read once into numbers before the search.
      const xs = top(me, a, a);
      const ys = top(a, b, b);
      const zs = top(b, me, me);
      if (!xs.length || !ys.length || !zs.length) continue;
      const tb = trust(b);
      const row = (ts: Term[], who: ActorId): number[] => ts.map((t) => one(who, t));
      const [xMe, xA, xB] = [row(xs, me), row(xs, a), row(xs, b)];
      const [yA, yB] = [row(ys, a), row(ys, b)];
      const [zMe, zA, zB] = [row(zs, me), row(zs, a), row(zs, b)];
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
