/**
 * The classic reciprocity strategies of Axelrod's tournaments, as dispositions toward each other government.
 * "Cooperate" means keep one's word, offer and accept deals, and make goodwill gestures; "defect" means renege
 * and answer with a hostile act. Each sees the others only through its own, noisy, player view.
 */
import type { ActorId } from '../engine/index.ts';
import { creditworthy } from './forgiveness.ts';
import { alliesOf, myLastMove, remember } from './memory.ts';
import { nameOf, policyStrategy } from './policy.ts';
import type { Stance } from './policy.ts';
import type { DecisionContext, Strategy } from './types.ts';

const saw = (ctx: DecisionContext, other: ActorId, what: string, round: number): string =>
  `it saw ${nameOf(ctx.world, other)} ${what}${round === ctx.view.round - 1 ? ' last round' : ` in round ${round}`}`;

/** Cooperate first, then do what the other was last seen doing. */
function titForTatRule(ctx: DecisionContext, other: ActorId): Stance {
  const m = remember(ctx.world, ctx.view, other).last;
  if (!m) return { cooperate: true, because: `it opens with good faith toward ${nameOf(ctx.world, other)}` };
  return m.move === 'C'
    ? { cooperate: true, because: saw(ctx, other, 'keep faith', m.round) }
    : { cooperate: false, because: saw(ctx, other, 'defect', m.round) };
}

/** Tit-for-tat: cooperate first, then do what the other did last. */
export const titForTat: Strategy = policyStrategy('tit-for-tat', 'Tit for tat', titForTatRule);

/**
 * The planner's stand-in for every government in its lookahead (planner.ts): tit-for-tat without the fixed trust
 * lines (propose from 25, accept from 20), which no Normal or hard government has; they price a promise by their
 * trust in it instead. Below the lines a stand-in never dealt with a government, so in a lookahead a partner the
 * others distrust looked like one no one else would deal with, and a deal with it now crowded no other out: with a
 * record of provocations behind the North, the hard players offered the North more and held back less
 * (docs/experiments.md, claim 1).
 */
export const standIn: Strategy = policyStrategy(
  'stand-in',
  'Tit for tat without trust lines (the planner’s stand-in)',
  titForTatRule,
  {
    proposeTrust: 0,
    acceptTrust: 0,
  },
);

/**
 * Tit-for-tat in kind: the same rule, but like answers like. A promise seen broken is answered by withholding
 * its own step, a hostile act by the least escalating hostile act at hand, instead of any hostile act: the
 * measured reciprocity that scores best against the normal governments (docs/computer-players.md).
 */
export const titForTatInKind: Strategy = policyStrategy(
  'tit-for-tat-in-kind',
  'Tit for tat, in kind',
  titForTatRule,
  { answer: 'in-kind' },
);

/** The reciprocal player is tit-for-tat under the name the first games used. */
export const reciprocalStrategy: Strategy = {
  ...titForTat,
  id: 'reciprocal',
  name: 'Reciprocal (tit for tat)',
};

/**
 * Generous tit-for-tat: like tit-for-tat, but a lone defection after cooperation, which may be a misreading,
 * is forgiven with probability `generosity`; a defection that follows another is answered.
 */
export function generousTitForTat(generosity = 0.5): Strategy {
  return policyStrategy('generous-tit-for-tat', 'Generous tit for tat', (ctx, other) => {
    const mem = remember(ctx.world, ctx.view, other);
    const m = mem.last;
    if (!m)
      return { cooperate: true, because: `it opens with good faith toward ${nameOf(ctx.world, other)}` };
    if (m.move === 'C') return { cooperate: true, because: saw(ctx, other, 'keep faith', m.round) };
    if (mem.previous?.move !== 'D' && creditworthy(ctx.world, ctx.view, other) && ctx.rng.next() < generosity)
      return {
        cooperate: true,
        because: `${saw(ctx, other, 'defect', m.round)} but gives it the benefit of the doubt, since signals are noisy`,
      };
    return {
      cooperate: false,
      because: saw(ctx, other, mem.previous?.move === 'D' ? 'defect twice running' : 'defect', m.round),
    };
  });
}

/** Grim trigger: cooperate until the other is once seen to defect, then never again. */
export const grimTrigger: Strategy = policyStrategy('grim-trigger', 'Grim trigger', (ctx, other) => {
  const mem = remember(ctx.world, ctx.view, other);
  return mem.everDefected
    ? {
        cooperate: false,
        because: `${nameOf(ctx.world, other)} was once seen to defect and it never forgives`,
      }
    : { cooperate: true, because: `${nameOf(ctx.world, other)} has never been seen to defect` };
});

/** Pavlov (win-stay, lose-shift): repeat my last move if the other matched it, switch if not. */
export const pavlov: Strategy = policyStrategy('pavlov', 'Pavlov (win-stay, lose-shift)', (ctx, other) => {
  const theirs = remember(ctx.world, ctx.view, other).last;
  const mine = myLastMove(ctx.world, ctx.view, other);
  const name = nameOf(ctx.world, other);
  if (!theirs || !mine) return { cooperate: true, because: `it opens with good faith toward ${name}` };
  // Win-stay, lose-shift: after (C,C) or (D,D) cooperate; after (C,D) or (D,C) defect.
  const cooperate = theirs.move === mine.move;
  const because =
    mine.move === 'C'
      ? cooperate
        ? `both it and ${name} kept faith last time, so it stays`
        : `it kept faith but ${name} did not, so it shifts`
      : cooperate
        ? `both it and ${name} defected last time, which paid neither, so it shifts`
        : `defecting against ${name}'s cooperation paid, so it stays`;
  return { cooperate, because };
});

/**
 * The hawk: cooperates with allies only. Everyone else meets demands (all or nothing, two asks for the least it
 * can give, inspected), punishment for what it sees as defection, and broken promises, except the deals it
 * demanded itself, which it keeps.
 */
export const hawk: Strategy = policyStrategy(
  'hawk',
  'Hawk',
  (ctx, other) =>
    alliesOf(ctx.view).has(other)
      ? { cooperate: true, because: `${nameOf(ctx.world, other)} is an ally` }
      : { cooperate: false, because: `it believes only pressure moves ${nameOf(ctx.world, other)}` },
  { gesture: 0, demand: true },
);

/** The dove: always cooperates, and never punishes. */
export const dove: Strategy = policyStrategy(
  'dove',
  'Dove',
  (ctx, other) => ({
    cooperate: true,
    because: `it believes engagement will win ${nameOf(ctx.world, other)} over`,
  }),
  {
    gesture: 0.8,
    proposeTrust: 10,
    acceptTrust: 0,
    punish: false,
  },
);
