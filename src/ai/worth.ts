/**
 * What a term is worth to a government, as the objective player values it (the engine's own effects on a light
 * belief, sanctions and lifelines counted over a year, the government's own economy weighed by need), for the
 * players that do not value moves themselves: a reciprocity strategy still offers only what its receiver could
 * value and asks only for what it values itself. A valuation reads only public numbers, so every government
 * values a term for a given receiver the same way.
 *
 * The values come from the objective player's `Valuation`, shared by every seat whose view agrees on what a
 * valuation reads (`valuationKey`): the six seats of a phase value the same terms on one belief instead of six.
 */
import type { ActorId, PlayerView, Term, World } from '../engine/index.ts';
import { beliefFrom } from './belief.ts';
import { Valuation, sharedEntry } from './valuation.ts';

/** The objective player's defaults: need doubles an economy's weight at most, over a four-round horizon. */
const NEED_GAIN = 2;
const HORIZON = 4;
/** How many recent beliefs' valuations are kept per world: one phase's seats share one. */
const KEPT = 3;

export type Worth = (who: ActorId, terms: readonly Term[]) => number;

const shared = new WeakMap<World, { key: Float64Array; valuation: Valuation }[]>();
/** The key read on each state and phase, by its token (`DecisionContext.table`): the other seats read only their own part. */
const keys = new WeakMap<object, Float64Array>();

/**
 * The valuation for `view`'s belief, shared with every view that agrees on what a valuation reads. With the
 * decision's `table`, the public part of the key is read once for every seat deciding on that state (as the
 * objective player reads it, `sharedValuation`).
 */
function valuationFor(world: World, view: PlayerView, table?: object): Valuation {
  let list = shared.get(world);
  if (!list) shared.set(world, (list = []));
  const found = sharedEntry(world, view, list, keys, table);
  let hit = found.hit;
  const key = found.key;
  if (!hit) {
    // The draw fills in only hidden trust, which a valuation does not read.
    hit = { key, valuation: new Valuation(world, beliefFrom(world, view, 0.5, true), HORIZON, NEED_GAIN) };
    list.unshift(hit);
    if (list.length > KEPT) list.pop();
  }
  return hit.valuation;
}

/** A valuer for one decision: the valuation is found (or built) on first use. */
export function termWorth(world: World, view: PlayerView, table?: object): Worth {
  let valuation: Valuation | null = null;
  return (who, terms) => {
    valuation ??= valuationFor(world, view, table);
    return terms.length === 1 ? valuation.valueOf(who, terms[0]!) : valuation.value(who, terms).value;
  };
}
