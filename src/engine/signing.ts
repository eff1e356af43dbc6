/**
 * What signing a deal costs a party at home: the one rule the resolution applies, and that previews and
 * computer players read, so that all of them agree.
 */
import { indexOf } from './state.ts';
import type { ActorId, World } from './types.ts';

/**
 * The support `party` pays to sign: the rules' accept cost, scaled by its public's hawkishness (over 50) and by
 * how little it trusts the other parties on average (`trustIn`, 0..100 each), and by the mediated share when a
 * mediator brokers the deal.
 */
export function signingCost(
  world: World,
  party: ActorId,
  trustIn: readonly number[],
  brokered: boolean,
): number {
  const r = world.rules;
  let trust = 0;
  for (const t of trustIn) trust += t;
  trust /= Math.max(1, trustIn.length);
  return (
    r.acceptCost *
    (world.actors[indexOf(world, party)]!.hawkishness / 50) *
    (1 - trust / 100) *
    (brokered ? r.mediatedCostShare : 1)
  );
}
