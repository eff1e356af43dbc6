/**
 * What a seat may do now, answered from its own view: the legal actions of the current phase and their
 * targets, each one it cannot choose with a typed reason, what signing costs it, and what it can afford.
 * One rule for all: the phase controls offer what this says, the computer players choose among it, and
 * `checkInput` (validate.ts) refuses with the matching code what it refuses (`REASON_REJECTION`; a property test
 * holds the two together). The reasons are data; `src/text` puts them into words.
 *
 * @example
 *   const o = seatOptions(world, view);
 *   o.own.filter((a) => a.reason === null); // the actions it can take this commitment phase
 */
import { mayTake } from './effects.ts';
import { indexOf, present, refusalAmong } from './state.ts';
import { unmet, viewFacts } from './requirements.ts';
import type { Facts, Unmet } from './requirements.ts';
import { signingCost } from './signing.ts';
import { ACTOR_VARS } from './types.ts';
import type { ActionDef, ActorId, ActorVar, Agreement, Offer, Phase, RejectionCode, World } from './types.ts';
import type { AgreementView, PlayerView } from './view.ts';

/** Why an action (or one target of it) cannot be chosen now. */
export type OptionReason =
  /**
   * A requirement of the catalogue entry does not hold (no sanctions to lift, a hotline already open…), or the
   * conditions the scenario sets for `action` (`conditions`) do not.
   */
  | { code: 'requirement'; requirement: Unmet; action: string }
  /** It must be aimed at someone, and no government in this game may be its target. */
  | { code: 'no-target' }
  /** Its cost (with the actions already chosen) is more of `variable` than the seat has. */
  | { code: 'unaffordable'; variable: ActorVar; need: number; has: number }
  /** `actor` (who would act, or the target) is away from the table this round: no deal can bind it. */
  | { code: 'away'; actor: ActorId };

export type OptionReasonCode = OptionReason['code'];

/** The code `checkInput` refuses an input with when it takes an option refused for this reason. */
export const REASON_REJECTION: Record<OptionReasonCode, RejectionCode> = {
  requirement: 'UNAVAILABLE',
  'no-target': 'BAD_TARGET',
  unaffordable: 'UNAFFORDABLE',
  away: 'NOT_PERMITTED',
};

/** One government an action may be aimed at, and why it may not be now (null: it may). */
export interface TargetOption {
  id: ActorId;
  reason: OptionReason | null;
}

export interface ActionOption {
  action: string;
  /** Every government it could be aimed at, with why not now; null for an action aimed at no one. */
  targets: TargetOption[] | null;
  /** Why it cannot be chosen at all now; null when it can (toward at least one of its targets). */
  reason: OptionReason | null;
}

/** Whether `def` may ever be aimed by `by` at `target`: never at itself, and only at the targets it lists. */
export const mayAim = (def: ActionDef, by: ActorId, target: ActorId): boolean =>
  target !== by && (!def.targets || def.targets.includes(target));

/** The governments `def` could be aimed at by `by` (never itself), each with why it may not be now. */
export function targetOptions(world: World, facts: Facts, def: ActionDef, by: ActorId): TargetOption[] {
  const out: TargetOption[] = [];
  for (const a of world.actors) {
    if (!mayAim(def, by, a.id)) continue;
    const r = unmet(def, facts, by, a.id);
    out.push({ id: a.id, reason: r ? { code: 'requirement', requirement: r, action: def.id } : null });
  }
  return out;
}

/**
 * Why `by` may not take `def` toward `target` now (`target` undefined for an untargeted action), or null.
 * The shape of the target (one government, not itself, one the action may be aimed at) is the input check's
 * business; this is about the moment: the catalogue's requirements.
 */
export function targetReason(
  def: ActionDef,
  facts: Facts,
  by: ActorId,
  target: ActorId | undefined,
): OptionReason | null {
  const r = unmet(def, facts, by, target);
  return r ? { code: 'requirement', requirement: r, action: def.id } : null;
}

/**
 * Whether `budget` pays for every action in `defs` together: the first variable the summed costs exceed,
 * or null when it pays. (What no action costs is never checked.)
 */
export function costReason(
  defs: readonly ActionDef[],
  budget: Readonly<Record<ActorVar, number>>,
): OptionReason | null {
  for (const v of ACTOR_VARS) {
    let need = 0;
    for (const d of defs) need += d.cost[v] ?? 0;
    if (need > 0 && need > budget[v]) return { code: 'unaffordable', variable: v, need, has: budget[v] };
  }
  return null;
}

/**
 * `def` as an option for `by`: its targets, and why it cannot be chosen at all (no target may be chosen, or,
 * given a `budget`, it costs more than that). Availability comes before cost, as the input check has it.
 */
export function actionOption(
  world: World,
  facts: Facts,
  def: ActionDef,
  by: ActorId,
  budget?: Readonly<Record<ActorVar, number>>,
): ActionOption {
  let targets: TargetOption[] | null = null;
  let reason: OptionReason | null;
  if (!def.targeted) reason = targetReason(def, facts, by, undefined);
  else {
    targets = targetOptions(world, facts, def, by);
    reason =
      targets.length === 0
        ? { code: 'no-target' }
        : targets.some((t) => t.reason === null)
          ? null
          : targets[0]!.reason;
  }
  if (!reason && budget) reason = costReason([def], budget);
  return { action: def.id, targets, reason };
}

/** Whether offer `o` waits for `actor`'s answer: open, `actor` a party to it that neither made nor accepted it. */
export const awaitsAnswer = (o: Offer, actor: ActorId): boolean =>
  o.status === 'open' && o.from !== actor && o.parties.includes(actor) && !o.accepted.includes(actor);

/** Whether agreement `g` has a step `actor` decides this commitment phase: active, and `actor` a party. */
export const owesStep = (g: Agreement | AgreementView, actor: ActorId): boolean =>
  g.status === 'active' && g.parties.includes(actor);

/** What the actions a seat may take on its own are: every one it may take that does not take two. */
export const ownActions = (world: World, by: ActorId): ActionDef[] =>
  world.actions.filter((d) => !d.joint && mayTake(d, by));

/** What a government may promise in a deal. */
export const dealActions = (world: World, by: ActorId): ActionDef[] =>
  world.actions.filter((d) => d.dealable && mayTake(d, by));

/**
 * What signing a deal with `parties` costs `view.me` at home, by the one rule (signing.ts) fed its own trust
 * in the other parties; `brokered` when a mediator carries the deal.
 */
export function signingCostInView(
  world: World,
  view: PlayerView,
  parties: readonly ActorId[],
  brokered: boolean,
): number {
  const trustIn: number[] = [];
  for (const p of parties) if (p !== view.me) trustIn.push(view.myTrust[p] ?? 0);
  return signingCost(world, view.me, trustIn, brokered);
}

/**
 * Whether `view.me` may propose a deal among `parties` as far as its view shows: it talks directly to each
 * (enough trust or a channel), a deal among more than two needs multilateral talks convened, and no two of the
 * parties are kept apart by a refusal (`World.refusals`).
 */
export function mayProposeInView(world: World, view: PlayerView, parties: readonly ActorId[]): boolean {
  if (parties.length > 2 && view.forum <= 0) return false;
  if (refusalAmong(world, parties)) return false;
  return parties.every((p) => p === view.me || view.contacts.includes(p));
}

/** What a seat may do in the phase its view shows. Only the current phase's lists are filled. */
export interface SeatOptions {
  me: ActorId;
  phase: Phase;
  /** Whether the phase waits for this seat's input (not once it has submitted, nor in a phase that takes none). */
  waiting: boolean;
  /** Away from the table this round: it may send nothing but the steps of agreements it is in. */
  away: boolean;
  /** What it has to spend on its own actions (its public numbers). */
  budget: Record<ActorVar, number>;
  /** How many offers a round (proposing) and own actions (commitment) it may send. */
  limits: { offers: number; actions: number };
  /** Proposing: the governments it may propose to directly (the others need a channel or a mediator). */
  contacts: ActorId[];
  /** Proposing: whether a deal among more than two governments may be made (multilateral talks convened). */
  multilateral: boolean;
  /** Proposing: what each government could promise in a deal, as far as this seat can tell. */
  deal: Record<ActorId, ActionOption[]>;
  /** Responding: the offers that wait for its answer, with what signing each would cost it at home. */
  answers: { offer: number; signingCost: number }[];
  /** Commitment: the agreements whose step it decides. */
  steps: number[];
  /** Commitment: the actions it may take on its own, with their targets and whether it can pay for each. */
  own: ActionOption[];
}

/** What `view.me` may do now: the one answer the controls, the computer players and the input check share. */
export function seatOptions(world: World, view: PlayerView): SeatOptions {
  const me = view.me;
  const phase = view.phase;
  const facts = viewFacts(view);
  const budget = { ...view.actors.find((a) => a.id === me)!.vars };
  const takesInput = phase === 'proposing' || phase === 'responding' || phase === 'commitment';
  const out: SeatOptions = {
    me,
    phase,
    waiting: takesInput && !view.submitted[me] && view.end === null,
    away: false,
    budget,
    limits: { offers: world.rules.offersPerRound, actions: world.rules.actionsPerRound },
    contacts: [],
    multilateral: view.forum > 0,
    deal: {},
    answers: [],
    steps: [],
    own: [],
  };
  const here = (id: ActorId): boolean => present(world, view, indexOf(world, id));
  // Away from the table: no offers, answers or actions; only the steps of agreements it is already in.
  if (!here(me)) {
    out.away = true;
    if (phase === 'commitment') for (const g of view.agreements) if (owesStep(g, me)) out.steps.push(g.id);
    return out;
  }
  if (phase === 'proposing') {
    out.contacts = view.contacts.slice();
    for (const a of world.actors)
      out.deal[a.id] = dealActions(world, a.id).map((d) => {
        if (!here(a.id)) return { action: d.id, targets: null, reason: { code: 'away', actor: a.id } };
        const o = actionOption(world, facts, d, a.id);
        // A deal cannot bind a government away from the table, as the one it is aimed at either.
        if (!o.targets) return o;
        for (const t of o.targets) if (!t.reason && !here(t.id)) t.reason = { code: 'away', actor: t.id };
        if (!o.reason && o.targets.every((t) => t.reason)) o.reason = o.targets[0]!.reason;
        return o;
      });
  } else if (phase === 'responding') {
    for (const o of view.offers)
      if (awaitsAnswer(o, me))
        out.answers.push({
          offer: o.id,
          signingCost: signingCostInView(world, view, o.parties, o.mediator !== null),
        });
  } else if (phase === 'commitment') {
    for (const g of view.agreements) if (owesStep(g, me)) out.steps.push(g.id);
    out.own = ownActions(world, me).map((d) => actionOption(world, facts, d, me, budget));
  }
  return out;
}
