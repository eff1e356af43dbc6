/**
 * The random legal player: every choice drawn at random among the moves the rules allow.
 * A baseline for tournaments and a fuzzer for the engine (it must never produce an input the engine rejects).
 */
import { pick } from '../engine/index.ts';
import type { ActionChoice, InputPhase, OfferDraft, PhaseInput } from '../engine/index.ts';
import { affordable, canPropose, lately, legalActions, promisable } from './moves.ts';
import type { DecisionContext, Strategy } from './types.ts';
import { VERIFICATIONS } from '../engine/index.ts';

const any = () => true;

export const randomStrategy: Strategy = {
  id: 'random',
  name: 'Random',
  decide({ world, view, rng }: DecisionContext, phase: InputPhase): PhaseInput {
    const r = world.rules;
    switch (phase) {
      case 'proposing': {
        const offers: OfferDraft[] = [];
        if (r.offersPerRound > 0 && view.contacts.length && rng.next() < 0.35) {
          const to = view.contacts[pick(rng, view.contacts.length)]!;
          const gives = promisable(world, view, view.me, to, any);
          const wants = promisable(world, view, to, view.me, any);
          const terms =
            gives.length && wants.length
              ? [gives[pick(rng, gives.length)]!, wants[pick(rng, wants.length)]!]
              : [];
          // Even at random, what this partner turned down lately is not put to it again unchanged.
          if (terms.length && canPropose(world, view, [view.me, to]) && !lately(view)(terms))
            offers.push({
              terms,
              verification: VERIFICATIONS[pick(rng, VERIFICATIONS.length)]!,
              steps: 1 + pick(rng, r.maxSteps),
              expires: 1 + pick(rng, Math.min(2, r.maxExpiry)),
            });
        }
        return { phase, offers };
      }
      case 'responding': {
        const waiting = view.offers.filter(
          (o) => o.status === 'open' && o.from !== view.me && !o.accepted.includes(view.me),
        );
        return {
          phase,
          answers: waiting.map((o) => ({ offer: o.id, reply: rng.next() < 0.5 ? 'accept' : 'reject' })),
        };
      }
      case 'commitment': {
        const mine = view.agreements.filter((g) => g.status === 'active' && g.parties.includes(view.me));
        const actions: ActionChoice[] = [];
        const options = legalActions(world, view);
        const count = pick(rng, r.actionsPerRound + 1);
        for (let k = 0; k < count && options.length; k++) {
          const c = options.splice(pick(rng, options.length), 1)[0]!;
          if (affordable(view, world, [...actions, c])) actions.push(c);
        }
        return {
          phase,
          decisions: mine.map((g) => ({ agreement: g.id, honour: rng.next() < 0.5 })),
          actions,
        };
      }
    }
  },
};
