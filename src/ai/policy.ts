/**
 * One policy for every reciprocity strategy: a strategy only says whether it cooperates with each other
 * government this round (and why); the policy turns that into offers, answers, honour-or-renege decisions
 * and unilateral acts, each with a sentence a student can read in the debrief.
 */
import { describeTerms, findAction, inSentence, nameOf, pick } from '../engine/index.ts';
import type { ActionChoice, ActorId, InputPhase, PhaseInput, PlayerView, World } from '../engine/index.ts';
import { alliesOf, friendly, hostile } from './memory.ts';
import {
  affordable,
  canPropose,
  concessionOrFriendly,
  lately,
  legalActions,
  offerWithin,
  promisable,
} from './moves.ts';
import {
  ALL_OR_NOTHING,
  cutsProgramme,
  drawSome,
  shapeFor,
  shapeWords,
  wantsProgrammeDown,
} from './shapes.ts';
import type { DecisionContext, Strategy } from './types.ts';
import { termWorth } from './worth.ts';

export interface Stance {
  cooperate: boolean;
  /** Completes "… because …": e.g. "it saw the United States keep its word last round". */
  because: string;
}

/** A strategy's disposition toward one other government this round. */
export type Disposition = (ctx: DecisionContext, other: ActorId) => Stance;

export interface PolicyParams {
  /** Chance of a goodwill gesture toward a counterpart in a round with no one to punish. */
  gesture: number;
  /** Trust needed to propose a deal to a counterpart, and to accept one. */
  proposeTrust: number;
  acceptTrust: number;
  /** Whether a defection is answered with a hostile act, not only by withholding cooperation. */
  punish: boolean;
  /**
   * How a defection is answered: `any` with any hostile act at hand; `in-kind` like for like, a broken promise
   * by withholding cooperation only and a hostile act by the least escalating hostile act at hand.
   */
  answer: 'any' | 'in-kind';
  /**
   * Whether it makes demands of those it will not cooperate with: all or nothing, two asks (a programme its aims
   * want cut first) for the least it can give, in one inspected step; and it keeps the deals it demanded.
   */
  demand: boolean;
}

export const DEFAULT_POLICY: PolicyParams = {
  gesture: 0.4,
  proposeTrust: 25,
  acceptTrust: 20,
  punish: true,
  answer: 'any',
  demand: false,
};

/** A government's name: the engine's. */
export { nameOf };

/**
 * My trust in the mediator that vouches for a brokered offer, where the world has mediators vouch
 * (`mediatorGuarantee`: a breach it sees costs the breaker its whole trust); 0 for a direct offer.
 */
export const vouchedTrust = (world: World, view: PlayerView, mediator: ActorId | null): number =>
  mediator !== null && world.rules.mediatorGuarantee ? (view.myTrust[mediator] ?? 0) : 0;

const actionName = (world: World, c: ActionChoice): string => {
  const d = findAction(world, c.action)!;
  return `${inSentence(d.name)}${c.target ? ` toward ${nameOf(world, c.target)}` : ''}`;
};

/** Governments this one has something to settle with: everyone but itself and its allies. */
export function counterparts(world: World, view: PlayerView): ActorId[] {
  const allies = alliesOf(view);
  return world.actors.map((a) => a.id).filter((x) => x !== view.me && !allies.has(x));
}

function propose(ctx: DecisionContext, stance: (x: ActorId) => Stance, p: PolicyParams): PhaseInput {
  const { world, view, rng } = ctx;
  const me = nameOf(world, view.me);
  if (world.rules.offersPerRound < 1) return { phase: 'proposing', offers: [] };
  const busy = new Set<ActorId>();
  for (const g of view.agreements)
    if (g.status === 'active' && g.parties.includes(view.me)) g.parties.forEach((x) => busy.add(x));
  for (const o of view.offers)
    if (o.status === 'open' && o.from === view.me) o.parties.forEach((x) => busy.add(x));
  const partners = counterparts(world, view)
    .filter((x) => view.contacts.includes(x) && !busy.has(x) && (view.myTrust[x] ?? 0) >= p.proposeTrust)
    .sort((a, b) => view.myTrust[b]! - view.myTrust[a]!);
  const refused = lately(view);
  const worth = termWorth(world, view, ctx.table);
  for (const to of partners) {
    const st = stance(to);
    if (!st.cooperate || !canPropose(world, view, [view.me, to])) continue;
    // Only what the receiver could value, asking only for what it values itself (issue 16).
    const gives = promisable(world, view, view.me, to, friendly).filter((t) => worth(to, [t]) > 0);
    const wants = promisable(world, view, to, view.me, concessionOrFriendly).filter(
      (t) => worth(view.me, [t]) > 0,
    );
    if (!gives.length || !wants.length) continue;
    // What its aims put first: a cut in a programme its objectives want low, when one is on offer.
    const aims = wants.filter((t) => cutsProgramme(world, t) && wantsProgrammeDown(world, view.me, t));
    const pool = aims.length ? aims : wants;
    const want = pool[pick(rng, pool.length)]!;
    // The form follows the government (its leader's stance, its trust, its aims), not the strategy.
    const shape = shapeFor(world, view, to, want, rng.next());
    const draw = (): number => rng.next();
    const terms = [
      ...drawSome(gives, shape.gives, draw),
      want,
      ...drawSome(
        wants.filter((w) => w !== want),
        shape.wants - 1,
        draw,
      ),
    ];
    // A diplomat does not put again, unchanged, what this partner turned down in the last two rounds.
    if (refused(terms)) continue;
    const offer = offerWithin(world, terms, shape.verification, shape.steps, 2);
    return {
      phase: 'proposing',
      offers: [offer],
      why: `${me} proposes to ${nameOf(world, to)}: ${describeTerms(world, offer.terms)}, ${shapeWords(shape, offer.steps, offer.verification)}, because ${st.because}.`,
    };
  }
  if (p.demand) {
    const free = counterparts(world, view).filter(
      (x) => view.contacts.includes(x) && !busy.has(x) && !stance(x).cooperate,
    );
    for (const to of free) {
      const offer = demandOf(world, view, to, worth);
      if (!offer || refused(offer.terms)) continue;
      return {
        phase: 'proposing',
        offers: [offer],
        why: `${me} demands of ${nameOf(world, to)}: ${describeTerms(world, offer.terms)}, all or nothing, under inspection, because ${stance(to).because}.`,
      };
    }
  }
  return {
    phase: 'proposing',
    offers: [],
    why: `${me} makes no offer: no counterpart it is ready to trust is free to deal.`,
  };
}

/**
 * A demand of `to`: the least `to` could value of what this government can give, for two of `to`'s
 * concessions it values (a cut in a programme its aims want low first), all at once and inspected. None when
 * there is nothing the receiver would value or nothing to ask.
 */
function demandOf(
  world: World,
  view: PlayerView,
  to: ActorId,
  worth: ReturnType<typeof termWorth>,
): ReturnType<typeof offerWithin> | null {
  const gives = promisable(world, view, view.me, to, friendly)
    .map((t) => ({ t, w: worth(to, [t]) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => a.w - b.w);
  const wants = promisable(world, view, to, view.me, concessionOrFriendly)
    .map((t) => ({
      t,
      w: worth(view.me, [t]),
      aim: cutsProgramme(world, t) && wantsProgrammeDown(world, view.me, t),
    }))
    .filter((x) => x.w > 0)
    .sort((a, b) => Number(b.aim) - Number(a.aim) || b.w - a.w);
  if (!gives.length || !wants.length) return null;
  const shape = ALL_OR_NOTHING;
  return offerWithin(
    world,
    [...gives.slice(0, shape.gives).map((x) => x.t), ...wants.slice(0, shape.wants).map((x) => x.t)],
    shape.verification,
    shape.steps,
    2,
  );
}

/** Whether agreement `g` came from an offer this government proposed (it saw itself propose it). */
const proposedBy = (view: PlayerView, g: { offer: number }): boolean =>
  view.log.some((e) => e.kind === 'offer' && e.ref === g.offer && e.actor === view.me);

function respond(ctx: DecisionContext, stance: (x: ActorId) => Stance, p: PolicyParams): PhaseInput {
  const { world, view } = ctx;
  const me = nameOf(world, view.me);
  const waiting = view.offers.filter(
    (o) => o.status === 'open' && o.from !== view.me && !o.accepted.includes(view.me),
  );
  const reasons: string[] = [];
  const answers = waiting.map((o) => {
    const others = o.parties.filter((x) => x !== view.me);
    const doubts = others
      .map((x) => ({ x, st: stance(x) }))
      .filter(({ x, st }) => !st.cooperate || (view.myTrust[x] ?? 0) < p.acceptTrust);
    const broker = vouchedTrust(world, view, o.mediator);
    const brokered =
      doubts.length > 0 &&
      o.mediator !== null &&
      broker >= p.acceptTrust + 30 &&
      doubts.every(({ st }) => st.cooperate);
    if (doubts.length === 0 || brokered) {
      reasons.push(
        `${me} accepts offer #${o.id} because ${brokered ? `it trusts the mediator, ${nameOf(world, o.mediator!)}` : stance(others[0]!).because}.`,
      );
      return { offer: o.id, reply: 'accept' as const };
    }
    const d = doubts[0]!;
    reasons.push(
      `${me} rejects offer #${o.id} because ${d.st.cooperate ? `it trusts ${nameOf(world, d.x)} too little (${Math.round(view.myTrust[d.x] ?? 0)})` : d.st.because}.`,
    );
    return { offer: o.id, reply: 'reject' as const };
  });
  return {
    phase: 'responding',
    answers,
    why: reasons.length ? reasons.join(' ') : `${me} has no offers to answer.`,
  };
}

function commit(ctx: DecisionContext, stance: (x: ActorId) => Stance, p: PolicyParams): PhaseInput {
  const { world, view, rng } = ctx;
  const me = nameOf(world, view.me);
  const reasons: string[] = [];
  const decisions = view.agreements
    .filter((g) => g.status === 'active' && g.parties.includes(view.me))
    .map((g) => {
      // A government that demanded a deal keeps it: the terms were its own.
      const own = p.demand && proposedBy(view, g);
      const against = own
        ? undefined
        : g.parties
            .filter((x) => x !== view.me)
            .map((x) => ({ x, st: stance(x) }))
            .find(({ st }) => !st.cooperate);
      reasons.push(
        against
          ? `${me} reneges on agreement #${g.id} because ${against.st.because}.`
          : own
            ? `${me} keeps its side of agreement #${g.id} because the terms were the ones it demanded.`
            : `${me} keeps its side of agreement #${g.id} because ${stance(g.parties.find((x) => x !== view.me)!).because}.`,
      );
      return { agreement: g.id, honour: !against };
    });
  const actions: ActionChoice[] = [];
  if (world.rules.actionsPerRound > 0) {
    const rivals = counterparts(world, view).map((x) => ({ x, st: stance(x) }));
    const target = rivals.find(({ st }) => !st.cooperate);
    if (target && p.punish) {
      let options = legalActions(world, view, hostile).filter(
        (c) => c.target === target.x || (c.target === undefined && findAction(world, c.action)!.provocation),
      );
      if (p.answer === 'in-kind') options = inKind(world, view, target.x, options);
      if (options.length) {
        const c = options[pick(rng, options.length)]!;
        actions.push(c);
        reasons.push(`${me} chooses ${actionName(world, c)} because ${target.st.because}.`);
      }
    } else if (!target && rng.next() < p.gesture) {
      const friends = rivals.filter(({ st }) => st.cooperate).map(({ x }) => x);
      const options = legalActions(world, view, friendly).filter(
        (c) => c.target !== undefined && friends.includes(c.target),
      );
      if (options.length) {
        const c = options[pick(rng, options.length)]!;
        actions.push(c);
        reasons.push(
          `${me} makes a goodwill gesture, ${actionName(world, c)}, because ${stance(c.target!).because}.`,
        );
      }
    }
  }
  const ok = affordable(view, world, actions);
  return {
    phase: 'commitment',
    decisions,
    actions: ok ? actions : [],
    why: reasons.length ? reasons.join(' ') : `${me} has no agreements due and takes no action.`,
  };
}

/** How much an act raises tension: the measure of escalation. */
const escalation = (world: World, c: ActionChoice): number =>
  findAction(world, c.action)!.effects.reduce((acc, e) => acc + (e.kind === 'tension' ? e.delta : 0), 0);

/**
 * Like-for-like answers: nothing hostile for a promise seen broken (withholding cooperation answers it), and
 * for a hostile act seen, only the least escalating of the hostile acts at hand.
 */
function inKind(world: World, view: PlayerView, other: ActorId, options: ActionChoice[]): ActionChoice[] {
  const last = view.round - 1;
  const provoked = view.log.some((e) => {
    if (e.kind !== 'action' || e.actor !== other || e.round < last) return false;
    const d = findAction(world, e.ref);
    return d !== undefined && hostile(d) && (e.target === view.me || (!d.targeted && d.provocation));
  });
  if (!provoked || !options.length) return [];
  const least = Math.min(...options.map((c) => escalation(world, c)));
  return options.filter((c) => escalation(world, c) === least);
}

/** A strategy from a disposition: the same offers, answers and acts for every reciprocity rule. */
export function policyStrategy(
  id: string,
  name: string,
  disposition: Disposition,
  params: Partial<PolicyParams> = {},
): Strategy {
  const p = { ...DEFAULT_POLICY, ...params };
  return {
    id,
    name,
    decide(ctx: DecisionContext, phase: InputPhase): PhaseInput {
      const cache = new Map<ActorId, Stance>();
      const stance = (x: ActorId): Stance => {
        let s = cache.get(x);
        if (!s) cache.set(x, (s = disposition(ctx, x)));
        return s;
      };
      switch (phase) {
        case 'proposing':
          return propose(ctx, stance, p);
        case 'responding':
          return respond(ctx, stance, p);
        case 'commitment':
          return commit(ctx, stance, p);
      }
    },
  };
}
