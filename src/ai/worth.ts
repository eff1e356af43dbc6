/**
 * What a term is worth to a government, as the objective player values it (the engine's own effects on a light
 * belief, sanctions and lifelines counted over a year, the government's own economy weighed by need), for the
 * players that do not value moves themselves: a reciprocity strategy still offers only what its receiver could
 * value and asks only for what it values itself. A valuation reads only public numbers, so every government
 * values a term for a given receiver the same way.
 */
import { applyAction, findAction, indexOf, whatIfCopy } from '../engine/index.ts';
import type { ActorId, GameState, PlayerView, Term, World } from '../engine/index.ts';
import { beliefFrom } from './belief.ts';
import { addFlows, decisionValue, outlook } from './need.ts';
import type { Outlook } from './need.ts';

/** The objective player's defaults: need doubles an economy's weight at most, over a four-round horizon. */
const NEED_GAIN = 2;
const HORIZON = 4;

export type Worth = (who: ActorId, terms: readonly Term[]) => number;

/** A valuer for one decision: the belief is built on first use, and each (receiver, terms) is valued once. */
export function termWorth(world: World, view: PlayerView): Worth {
  let belief: GameState | null = null;
  let look: Outlook | null = null;
  const memo = new Map<string, number>();
  return (who, terms) => {
    let key = who;
    for (const t of terms) key += `|${t.by}>${t.action}>${t.target ?? ''}`;
    let v = memo.get(key);
    if (v !== undefined) return v;
    if (!belief) {
      // The draw fills in only hidden trust, which a valuation does not read.
      belief = beliefFrom(world, view, 0.5, true);
      look = outlook(world, belief, HORIZON);
    }
    const c = whatIfCopy(belief);
    for (const t of terms)
      applyAction(
        world,
        c,
        findAction(world, t.action)!,
        indexOf(world, t.by),
        t.target === undefined ? -1 : indexOf(world, t.target),
        1,
        true,
      );
    addFlows(world, c, look!);
    memo.set(key, (v = decisionValue(world, belief, c, who, look!, NEED_GAIN).value));
    return v;
  };
}
