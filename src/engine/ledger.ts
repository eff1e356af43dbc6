/**
 * The cause ledger: each change of a government's variables, of trust, tension and the peace-process stage is
 * made through these functions, which record what moved it and by how much (`GameState.causes`). The amounts
 * recorded for a quantity over a round add up to its change exactly; `apportion` rounds them for display so
 * that they add up to the change as displayed.
 */
import { clamp, pairIndex } from './state.ts';
import type { ActorId, ActorVar, Cause, CauseEntry, GameState, Quantity, World } from './types.ts';

/** Records one cause (nothing for a zero amount, or in a state that keeps no ledger). */
export function note(
  s: GameState,
  of: Quantity,
  cause: Cause,
  amount: number,
  to?: readonly ActorId[],
): void {
  if (amount === 0 || !s.causes) return;
  const e: CauseEntry = { round: s.round, of, cause, amount };
  if (to) e.to = to.slice();
  s.causes.push(e);
}

/** Adds `delta` to a government's variable (kept in 0..100) and records the change under `cause`. */
export function changeVar(
  world: World,
  s: GameState,
  i: number,
  v: ActorVar,
  delta: number,
  cause: Cause,
  to?: readonly ActorId[],
): void {
  if (v === 'economy' && world.actors[i]!.noEconomy) return; // an organisation without an economy
  const a = s.actors[i]!;
  const was = a[v];
  a[v] = clamp(was + delta);
  if (s.causes) note(s, { kind: 'var', actor: world.actors[i]!.id, var: v }, cause, a[v] - was, to);
}

/**
 * Adds `total`, the sum of several causes' amounts, to a variable at once (one bound for them all, as one
 * change), and records each; what a bound held back is recorded as a `limit`.
 */
export function changeVarBy(
  world: World,
  s: GameState,
  i: number,
  v: ActorVar,
  total: number,
  parts: readonly (readonly [Cause, number])[],
): void {
  if (v === 'economy' && world.actors[i]!.noEconomy) return; // an organisation without an economy
  const a = s.actors[i]!;
  const was = a[v];
  a[v] = clamp(was + total);
  let sum = 0;
  for (const [, x] of parts) sum += x;
  if (!s.causes) return;
  const of: Quantity = { kind: 'var', actor: world.actors[i]!.id, var: v };
  for (const [c, x] of parts) note(s, of, c, x);
  const held = a[v] - was - sum;
  if (Math.abs(held) > 1e-9) note(s, of, { kind: 'limit' }, held);
}

/** Adds `delta` to `from`'s trust in `to` (kept in 0..100) and records it; only `from` ever sees it. */
export function changeTrust(
  world: World,
  s: GameState,
  from: number,
  to: number,
  delta: number,
  cause: Cause,
): void {
  const n = world.actors.length;
  const k = pairIndex(n, from, to);
  const was = s.trust[k]!;
  s.trust[k] = clamp(was + delta);
  if (s.causes)
    note(
      s,
      { kind: 'trust', from: world.actors[from]!.id, to: world.actors[to]!.id },
      cause,
      s.trust[k]! - was,
    );
}

/** Adds `delta` to tension (kept in 0..100) and records it. */
export function changeTension(s: GameState, delta: number, cause: Cause, to?: readonly ActorId[]): void {
  const was = s.tension;
  s.tension = clamp(was + delta);
  if (s.causes) note(s, { kind: 'tension' }, cause, s.tension - was, to);
}

/**
 * Rounds the exact `amounts` of a change to whole numbers that add up to `total`, the change as displayed
 * (rounded end minus rounded start): each amount rounded down, then one more for as many of the largest
 * remainders as it takes. Since the two ends' rounding moves the total by less than one, that is never more
 * than one per amount. Every caller that shows causes beside a change rounds through here, once.
 */
export function apportion(total: number, amounts: readonly number[]): number[] {
  const out = amounts.map((x) => Math.floor(x + 1e-9));
  let left = total - out.reduce((x, y) => x + y, 0);
  const order = amounts.map((x, k) => [x - out[k]!, k] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let j = 0; j < order.length && left > 0; j++, left--) out[order[j]![1]]!++;
  for (let j = order.length - 1; j >= 0 && left < 0; j--, left++) out[order[j]![1]]!--;
  return out;
}

/** The causes of one quantity's change over entries (by kind of cause and its details), in order. */
export function causesOf(entries: readonly CauseEntry[], of: Quantity): CauseEntry[] {
  const key = quantityKey(of);
  return entries.filter((e) => quantityKey(e.of) === key);
}

export function quantityKey(q: Quantity): string {
  switch (q.kind) {
    case 'var':
      return `var/${q.actor}/${q.var}`;
    case 'trust':
      return `trust/${q.from}/${q.to}`;
    default:
      return q.kind;
  }
}
