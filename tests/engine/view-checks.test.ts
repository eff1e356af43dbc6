/**
 * A screen or a remote player checks a draft offer from its seat's view alone (`checkDraftInView`). It must
 * agree with the engine's check on the state, for every government and every draft, except where the state
 * holds a fact that government cannot see (another pair's backchannel); and a plain JSON view must check the
 * same as the live one. The signing cost has one rule, used by the resolution and the previews alike.
 */
import { describe, expect, test } from 'vitest';
import { checkDraft, checkDraftInView, playerView, signingCost } from '../../src/engine/index.ts';
import type { OfferDraft, PlayerView } from '../../src/engine/index.ts';
import { IDS, WORLD, copy, offer, play, statesAlong, term } from './helpers.ts';

const game = play(WORLD, 'view-checks', 'objective');
const states = statesAlong(WORLD, 'view-checks', game.inputs).filter((_, k) => k % 37 === 0);

/** Drafts of one term each way between `me` and every other government, over the dealable actions. */
function drafts(me: string): OfferDraft[] {
  const out: OfferDraft[] = [];
  const dealable = WORLD.actions.filter((a) => a.dealable);
  for (const other of IDS) {
    if (other === me) continue;
    for (const [k, a] of dealable.entries()) {
      const b = dealable[(k * 7 + 3) % dealable.length]!;
      out.push(
        offer([
          term(me, a.id, a.targeted ? other : undefined),
          term(other, b.id, b.targeted ? me : undefined),
        ]),
      );
    }
  }
  return out;
}

describe('checking a draft from the view', () => {
  test('agrees with the engine’s check on the state, but for facts the seat cannot see', () => {
    let compared = 0;
    for (const s of states)
      for (const me of IDS) {
        const live = playerView(WORLD, s, me);
        const plain = copy(live) as PlayerView;
        for (const d of drafts(me)) {
          const truth = checkDraft(WORLD, s, me, d, 'This offer');
          const seen = checkDraftInView(WORLD, live, d, 'This offer');
          expect(checkDraftInView(WORLD, plain, d, 'This offer')).toEqual(seen);
          compared++;
          if (truth?.code === seen?.code) continue;
          // The only allowed difference: the state knows of a backchannel the seat does not.
          expect(truth?.code).toBe('UNAVAILABLE');
          expect(truth?.message).toMatch(/backchannel/);
          expect(seen).toBeNull();
        }
      }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('the signing cost', () => {
  test.each([
    { trust: [0], brokered: false, want: 1 },
    { trust: [50], brokered: false, want: 0.5 },
    { trust: [20, 80], brokered: false, want: 0.5 },
    { trust: [100, 0], brokered: true, want: 0.5 * WORLD.rules.mediatedCostShare },
  ])('is the accept cost × hawkishness/50 × (1 − mean trust) × the mediated share: $trust', (c) => {
    const hawk = WORLD.actors.find((a) => a.id === 'ROK')!.hawkishness / 50;
    expect(signingCost(WORLD, 'ROK', c.trust, c.brokered)).toBeCloseTo(
      WORLD.rules.acceptCost * hawk * c.want,
      12,
    );
  });
});
