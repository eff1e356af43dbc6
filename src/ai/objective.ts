/**
 * The objective player: weighs each possible move by what it does to its government's own objectives
 * (the scenario's weighted objectives, read through the engine's own effects on a believed state), by what the
 * others will read into it (trust it gains or loses, valued more by a dovish leader), and by reciprocity
 * (a broken promise is answered unless the leader is dovish enough to forgive it).
 */
import {
  fadeAfter,
  findAction,
  inSentence,
  indexOf,
  mayTake,
  pairIndex,
  recentKey,
  signingCost,
  talkingIn,
} from '../engine/index.ts';
import type {
  ActionChoice,
  ActionDef,
  ActorId,
  InputPhase,
  OfferDraft,
  PhaseInput,
  PlayerView,
  Term,
  World,
} from '../engine/index.ts';
import { beliefFrom, believedTrust } from './belief.ts';
import { Valuation, changedNumbers, sharedEntry } from './valuation.ts';
import type { Valued } from './valuation.ts';
import { creditworthy } from './forgiveness.ts';
import { bestPackage, lately } from './packages.ts';
import type { Tops } from './packages.ts';
import { alliesOf, breachesToward, hostile, remember, retaliation } from './memory.ts';
import { affordable, canPropose, legalActions, mayMediate, offerWithin, sharedPromisable } from './moves.ts';
import { counterparts, nameOf, vouchedTrust } from './policy.ts';
import { shapeFor, shapeWords } from './shapes.ts';
import type { DecisionContext, Strategy } from './types.ts';

export interface ObjectiveParams {
  /** Score points one point of others' trust is worth to a leader of stance 50 (doves value it more). */
  trustValue: number;
  /** Smallest value for which a move is worth making. */
  threshold: number;
  /**
   * Random spread added to each valuation of a deal (an offer, an answer, a package, a mediator's bridge), so that
   * equal options are not always broken the same way; at Easy, how rough its negotiators' estimates are.
   */
  noise: number;
  /**
   * Random spread added to the value of its own acts and of keeping its word: what its leader's disposition
   * decides, the same at every difficulty (a spread this small only breaks ties).
   */
  actNoise: number;
  /** Agreements it will carry at once: a government's diplomats can pursue only so many. */
  bandwidth: number;
  /** Chance, scaled by the leader's hawkishness, of withholding a costly step to test an untested partner. */
  probe: number;
  /** Score points an answered hostile act is expected to cost, times the chance it is answered. */
  answered: number;
  /** How much more its own economy weighs when it is heading low: the weight is multiplied by 1 + need × this. */
  need: number;
  /** Rounds over which a change of sanctions or lifelines is counted when valuing a move. */
  horizon: number;
  /**
   * How many of the governments free to deal it studies for a swap or a package in a round, drawn afresh each round
   * (its desk officers follow only so many relationships at once). `Infinity`: every one, and no draw is made.
   */
  attention: number;
  /**
   * The share of its own possible acts (each action toward each target) it weighs in a round, drawn afresh each
   * round; 1: every one, and no draw is made.
   */
  scope: number;
}

const DEFAULTS: ObjectiveParams = {
  trustValue: 0.05,
  threshold: 0.05,
  noise: 0.05,
  actNoise: 0.05,
  bandwidth: 2,
  probe: 0.3,
  answered: 0.6,
  need: 2,
  horizon: 4,
  attention: Infinity,
  scope: 1,
};

/** The Normal player's settings (the planner values where its lookahead ends with the same outlook and need). */
export const NORMAL_PARAMS: Readonly<ObjectiveParams> = DEFAULTS;

/**
 * The Easy difficulty: the same reasoning as Normal (its leader's priorities, the economy, mediation, swaps and
 * three-way packages, shaped as its government shapes deals), run by a less capable foreign ministry. Each handicap
 * is something a thinner, less experienced ministry does, chosen from that and not from any result it gives
 * (docs/computer-players.md, "Easy"):
 * - short-sighted: it counts a change of sanctions or lifelines over the next two quarters, not a year, so it
 *   undervalues lasting relief and sees a squeeze coming later;
 * - rough estimates: its valuation of a deal (an offer, an answer, a package, a bridge) may be off by up to 0.55
 *   points, as much as a typical single term is worth to its receiver in the shipped scenarios (the median), where
 *   Normal's is off by 0.05; so it often cannot tell a term that helps from one that does little, and now and then
 *   signs a loss for a gain. (First set at half that, 0.25: after the stage rule `dealReach` it played within a
 *   point of Normal, not significantly weaker in the Panmunjom thaw over 240 paired games; see
 *   docs/computer-players.md.) Its own acts and whether it keeps its word are valued as precisely as Normal's
 *   (`actNoise`): they follow its leader's disposition, and a difficulty must not change that (until session 14 the
 *   error applied to them too, and a dovish government took hostile acts on the error alone: the US in the Panmunjom
 *   thaw about five a game, Normal's none);
 * - fewer negotiators: it carries one agreement at a time, not two;
 * - narrow attention: each round it studies two of the governments free to deal, drawn afresh, for its swaps and
 *   packages, instead of every one; a deal with the others goes unseen that round;
 * - fewer options worked up: each round it weighs half of its own possible acts (each action toward each target),
 *   drawn afresh, so its best move is sometimes never put to its leader.
 */
export const EASY_PARAMS: Partial<ObjectiveParams> = {
  horizon: 2,
  noise: 0.55,
  bandwidth: 1,
  attention: 2,
  scope: 0.5,
};

/** `k` of `xs` drawn with `rng`, in their order in `xs`; all of them, with no draw, when `k` covers them. */
function attend<T>(xs: readonly T[], k: number, next: () => number): readonly T[] {
  if (xs.length <= k) return xs;
  const idx = xs.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((i) => xs[i]!);
}

/**
 * What the trust others would gain in me (or lose) from an action is worth, in points of trust: trust of
 * counterparts I am at odds with counts fully, an ally's little; goodwill fades when repeated. Each reading is
 * seen by the observers the engine gives it (`applyReadings`): a `rivals` reading by my rivals only.
 */
export function trustDelta(
  view: PlayerView,
  def: ActionDef,
  target: ActorId | undefined,
  fade: number,
  allies: Set<ActorId> = alliesOf(view),
  /** My rivals, if the caller has read them already (they are read here otherwise). */
  myRivals?: Set<ActorId>,
  /** Each target's allies read so far, to be read once per decision (filled here). */
  alliesByTarget?: Map<ActorId, Set<ActorId>>,
): number {
  if (def.readings.length === 0) return 0;
  let sum = 0;
  let rivals = myRivals;
  let targetAllies: Set<ActorId> | undefined;
  for (const r of def.readings) {
    if (r.observers === 'target-allies' && target !== undefined && !targetAllies) {
      targetAllies = alliesByTarget?.get(target);
      if (!targetAllies) {
        targetAllies = alliesOf(view, target);
        alliesByTarget?.set(target, targetAllies);
      }
    }
    if (r.observers === 'rivals')
      rivals ??= new Set(
        view.rivalries.flatMap(([a, b]) => (a === view.me ? [b] : b === view.me ? [a] : [])),
      );
    for (const a of view.actors) {
      if (a.id === view.me) continue;
      const hit =
        r.observers === 'target'
          ? a.id === target
          : r.observers === 'allies'
            ? allies.has(a.id)
            : r.observers === 'target-allies'
              ? targetAllies !== undefined && targetAllies.has(a.id)
              : r.observers === 'rivals'
                ? rivals!.has(a.id)
                : true;
      if (!hit) continue;
      const weight = (allies.has(a.id) ? 0.3 : 1) * (1 - (view.myTrust[a.id] ?? 50) / 200);
      sum += r.trust * weight * (r.trust > 0 ? fade : 1);
    }
  }
  return def.visibility === 'secret' ? sum * 0.4 : sum;
}

/** Per world, each `view.myRecent` key read so far and its act's number (see `recentByAct`), -1 for a key that is not one. */
const actCodes = new WeakMap<World, Map<string, number>>();

/**
 * The number of the act a `recentKey` names: its action's place in the catalogue times one more than the
 * governments, plus its target's place plus one (0 for none), and its author's place (`n + 1` per author) on top;
 * -1 when the key does not read back exactly as one act's `recentKey`.
 */
function actCode(world: World, key: string): number {
  const parts = key.split('>');
  if (parts.length !== 3) return -1;
  const [by, action, target] = parts as [string, string, string];
  const i = indexOf(world, by);
  const a = Object.hasOwn(world.actionIndex, action) ? world.actionIndex[action]! : -1;
  const t = target === '' ? -1 : indexOf(world, target);
  if (i < 0 || a < 0 || (target !== '' && t < 0) || recentKey(by, action, target || undefined) !== key)
    return -1;
  const n1 = world.actors.length + 1;
  return (i * world.actions.length + a) * n1 + t + 1;
}

/**
 * When `view.me` last took each of its own acts (`view.myRecent`), by the act's number without its author (see
 * `actCode`). Read once per decision, so that weighing an act makes no string key; each key is read apart once per
 * world. Null when a key is not one of its acts' `recentKey` (then each act is looked up by that key, as before).
 */
function recentByAct(world: World, view: PlayerView): Map<number, number> | null {
  let codes = actCodes.get(world);
  if (!codes) actCodes.set(world, (codes = new Map()));
  const out = new Map<number, number>();
  const mine = view.myRecent;
  const acts = world.actions.length * (world.actors.length + 1);
  const author = indexOf(world, view.me) * acts;
  for (const k in mine) {
    let c = codes.get(k);
    if (c === undefined) codes.set(k, (c = actCode(world, k)));
    if (c < 0 || c - author < 0 || c - author >= acts) return null;
    out.set(c - author, mine[k]!);
  }
  return out;
}

/** How many recent beliefs' values a player keeps: one phase's six seats share one. */
const KEPT = 3;

const stanceOf = (view: PlayerView): number => view.actors.find((a) => a.id === view.me)!.leader.stance;

/** What one decision has read before its phase's reasoning starts (see `decide`). */
interface Turn {
  world: World;
  view: PlayerView;
  rng: DecisionContext['rng'];
  table: DecisionContext['table'];
  me: ActorId;
  /** The offers it has to answer (responding only). */
  waiting: PlayerView['offers'];
  valuation: Valuation;
  value: (
    who: ActorId,
    terms: readonly (Term | (ActionChoice & { by: ActorId }))[],
    scale?: number,
    fade?: number,
  ) => Valued;
  meName: string;
  stance: number;
  answerRate: (x: ActorId) => number;
  needy: number;
  trustWorth: number;
  jitter: () => number;
  /** The spread on its own acts and on keeping its word (`actNoise`). */
  actJitter: () => number;
}

export function objectiveStrategy(
  params: Partial<ObjectiveParams> = {},
  as: { id: string; name: string } = { id: 'objective', name: 'Objective-driven' },
): Strategy {
  const p = { ...DEFAULTS, ...params };
  // Valuations shared by every seat this player sits in, per world and per belief they were read from (see
  // valuationKey): the most recent few beliefs only.
  const shared = new WeakMap<World, { key: Float64Array; valuation: Valuation }[]>();
  // The key read for each state and phase, by its token: the other seats read only their own part of it.
  const keys = new WeakMap<object, Float64Array>();
  // The package searches' best terms per state and phase and per valuation: searches on both value alike.
  const packed = new WeakMap<object, Map<Valuation, Tops>>();
  const topsFor = (table: object | undefined, valuation: Valuation): Tops | undefined => {
    if (!table) return undefined;
    let byValuation = packed.get(table);
    if (!byValuation) packed.set(table, (byValuation = new Map()));
    let tops = byValuation.get(valuation);
    if (!tops) byValuation.set(valuation, (tops = new Map()));
    return tops;
  };
  const sharedValuation = (world: World, view: PlayerView, draw: number, table?: object): Valuation => {
    let list = shared.get(world);
    if (!list) shared.set(world, (list = []));
    const found = sharedEntry(world, view, list, keys, table);
    let hit = found.hit;
    const key = found.key;
    if (!hit) {
      // A light belief: valuing a move reads neither the log nor the history.
      const belief = beliefFrom(world, view, draw, true);
      hit = { key, valuation: new Valuation(world, belief, p.horizon, p.need) };
      // A belief that differs from a recent one only in a few governments' numbers (the support a round's
      // signings cost) takes over that valuation's acts that cannot move those numbers (see `inherit`).
      for (const x of list) {
        const changed = changedNumbers(x.key, key, world.actors.length);
        if (changed) {
          hit.valuation.inherit(x.valuation, changed);
          break;
        }
      }
      list.unshift(hit);
      if (list.length > KEPT) list.pop();
    }
    return hit.valuation;
  };

  function proposing(t: Turn): PhaseInput {
    const phase = 'proposing' as const;
    const { world, view, rng, table, me, valuation, value, meName, answerRate, trustWorth, jitter } = t;
    if (world.rules.offersPerRound < 1) return { phase, offers: [] };
    const refused = lately(view);
    // The terms each pair could promise, read once for every seat deciding on this state (moves.ts).
    const promise = sharedPromisable(world, view, table);
    const busy = new Set<ActorId>();
    let active = 0;
    for (const g of view.agreements)
      if (g.status === 'active' && g.parties.includes(me)) {
        active++;
        g.parties.forEach((x) => busy.add(x));
      }
    if (active >= p.bandwidth)
      return {
        phase,
        offers: [],
        why: `${meName} has ${active} agreements under way and takes on no more for now.`,
      };
    // The governments it studies this round for a swap or a package (all of them, unless its attention is short).
    const studied = attend(
      counterparts(world, view).filter((x) => !busy.has(x)),
      p.attention,
      () => rng.next(),
    );
    let best: { offer: OfferDraft; value: number; why: string } | null = null;
    type Weighed = { t: Term; mine: Valued; theirs: Valued };
    let swap: { to: ActorId; g: Weighed; w: Weighed; gives: Weighed[]; wants: Weighed[] } | null = null;
    for (const to of studied) {
      if (!canPropose(world, view, [me, to])) continue;
      const honest = (view.myTrust[to] ?? 0) / 100;
      // A partner that has let my breaches and provocations pass unanswered is pressed for more.
      const pushover = answerRate(to) <= 1 / 3;
      // No government offers what its receiver would not want, or asks for what it would not value itself:
      // every term must be worth something to the one it is for, whatever the deal's balance.
      const gives: Weighed[] = [];
      for (const t of promise(me, to)) {
        const theirs = valuation.valued(to, t);
        if (theirs.value > 0) gives.push({ t, mine: valuation.valued(me, t), theirs });
      }
      const wants: Weighed[] = [];
      for (const t of promise(to, me)) {
        const mine = valuation.valued(me, t);
        if (mine.value > 0) wants.push({ t, mine, theirs: valuation.valued(to, t) });
      }
      for (const g of gives)
        for (const w of wants) {
          const mine = g.mine.value + w.mine.value * honest + trustWorth * 2;
          const theirs = g.theirs.value + w.theirs.value;
          if ((theirs <= 0 && !pushover) || mine <= p.threshold * 6 || refused([g.t, w.t])) continue;
          const v = mine + jitter();
          if (!best || v > best.value) {
            swap = { to, g, w, gives, wants };
            best = {
              offer: offerWithin(world, [g.t, w.t], 'partial', 2, 2),
              value: v,
              why:
                theirs <= 0
                  ? `${meName} presses ${nameOf(world, to)} for a one-sided swap because it serves its aim of ${w.mine.reason || g.mine.reason} and ${nameOf(world, to)} has let its breaches pass unanswered`
                  : `${meName} offers ${nameOf(world, to)} a swap because it serves its aim of ${w.mine.reason || g.mine.reason} and both sides gain from it`,
            };
          }
        }
    }
    // The best swap takes the form this government gives its deals: its leader's stance, its trust in the
    // partner and its aims decide the steps, the verification and how much goes in (src/ai/shapes.ts).
    if (best && swap) {
      const { to, g, w } = swap;
      const shape = shapeFor(world, view, to, w.t, rng.next());
      const pushover = answerRate(to) <= 1 / 3;
      const terms = [g.t, w.t];
      let theirs = g.theirs.value + w.theirs.value;
      let mine = g.mine.value + w.mine.value;
      // More of its own terms (a dove's package): the ones the partner values most, while it still gains.
      for (const x of [...swap.gives].sort((a, b) => b.theirs.value - a.theirs.value)) {
        if (terms.length - 1 >= shape.gives || x === g) continue;
        if (mine + x.mine.value <= p.threshold * 6 || refused([...terms, x.t])) continue;
        terms.splice(terms.indexOf(w.t), 0, x.t);
        mine += x.mine.value;
        theirs += x.theirs.value;
      }
      // More asked for (a hawk's all-or-nothing demand): what it values most, while the partner could still gain.
      let asked = 1;
      for (const x of [...swap.wants].sort((a, b) => b.mine.value - a.mine.value)) {
        if (asked >= shape.wants || x === w) continue;
        if ((theirs + x.theirs.value <= 0 && !pushover) || refused([...terms, x.t])) continue;
        terms.push(x.t);
        asked++;
        theirs += x.theirs.value;
      }
      const offer = offerWithin(world, terms, shape.verification, shape.steps, 2);
      best = {
        offer,
        value: best.value,
        why: `${best.why}, ${shapeWords(shape, offer.steps, offer.verification)}.`,
      };
    }
    const brokered = mayMediate(world, me)
      ? mediation(
          world,
          view,
          value,
          (who, t) => valuation.valueOf(who, t),
          valuation.worthOfVar(me, me, 'influence', world.rules.mediatorInfluence),
          jitter,
          refused,
          promise,
        )
      : null;
    if (brokered && (!best || brokered.value > best.value)) best = brokered;
    const pkg = bestPackage(
      world,
      view,
      studied,
      (who, t) => valuation.valueOf(who, t),
      p.threshold * 6 + trustWorth * 2,
      jitter,
      refused,
      promise,
      topsFor(table, valuation),
    );
    if (pkg && (!best || pkg.value > best.value)) best = pkg;
    return best
      ? { phase, offers: [best.offer], why: best.why }
      : { phase, offers: [], why: `${meName} sees no deal worth proposing this round.` };
  }

  function responding(t: Turn): PhaseInput {
    const phase = 'responding' as const;
    const { world, view, me, waiting, value, meName, trustWorth, jitter } = t;
    const reasons: string[] = [];
    const valued = waiting.map((o) => {
      const others = o.parties.filter((x) => x !== me);
      // The other side's promise is read with my trust in whoever stands behind it: the least trusted party,
      // or the mediator that vouches for the deal where the world has mediators vouch (`mediatorGuarantee`:
      // a breach it sees costs the breaker its whole trust) and I trust it more.
      const direct = Math.min(...others.map((x) => view.myTrust[x] ?? 0));
      const trust = Math.max(direct, vouchedTrust(world, view, o.mediator)) / 100;
      const mineT = o.terms.filter((t) => t.by === me);
      const theirT = o.terms.filter((t) => t.by !== me);
      const gain = value(me, mineT).value + value(me, theirT).value * trust;
      // The engine's signing-cost rule, in the units of the gain above, fed what the resolution will charge:
      // its trust in each other party (the rule takes the mean). The gain is still discounted by the least
      // trusted party, whose step is the one most in doubt.
      const homeCost =
        signingCost(
          world,
          me,
          others.map((x) => view.myTrust[x] ?? 0),
          o.mediator !== null,
        ) / 20;
      return { o, others, trust, value: gain - homeCost + trustWorth * 5 + jitter() };
    });
    // Diplomats can carry only so many agreements at once: the best offers first, while there is room.
    // A brokered deal is carried by its mediator's diplomats and takes no room.
    let room =
      p.bandwidth - view.agreements.filter((g) => g.status === 'active' && g.parties.includes(me)).length;
    const chosen = new Set(
      [...valued]
        .filter((x) => x.value > 0)
        .sort((a, b) => b.value - a.value)
        .filter((x) => x.o.mediator !== null || room-- > 0)
        .map((x) => x.o.id),
    );
    const answers = valued.map(({ o, others, trust, value }) => {
      const yes = chosen.has(o.id);
      reasons.push(
        `${meName} ${yes ? 'accepts' : 'rejects'} offer #${o.id} because ${yes ? 'what it gains outweighs the cost at home' : value > 0 ? 'it already has as many agreements under way as it can carry' : trust < 0.3 ? `it does not trust ${nameOf(world, others[0]!)} to deliver` : 'it gives too little for what it costs'}.`,
      );
      return { offer: o.id, reply: yes ? ('accept' as const) : ('reject' as const) };
    });
    return { phase, answers, why: reasons.join(' ') || `${meName} has no offers to answer.` };
  }

  function commitment(t: Turn): PhaseInput {
    const phase = 'commitment' as const;
    const {
      world,
      view,
      rng,
      me,
      valuation,
      value,
      meName,
      stance,
      answerRate,
      needy,
      trustWorth,
      actJitter,
    } = t;
    const reasons: string[] = [];
    // A phased deal goes on under protest after one disputed step, and the next dispute ends it: answering
    // a seen breach then costs the whole rest of the deal, so the benefit of the doubt comes more readily.
    const forgiveness = (g: (typeof view.agreements)[number]): number =>
      g.steps > 1 && g.strikes === world.rules.phasedStrikes - 1 ? 1 - (1 - stance / 100) / 2 : stance / 100;
    const decisions = view.agreements
      .filter((g) => g.status === 'active' && g.parties.includes(me))
      .map((g) => {
        const last = g.record[g.record.length - 1];
        const cheater = last ? Object.entries(last.saw).find(([, kept]) => !kept)?.[0] : undefined;
        const credit = cheater ? creditworthy(world, view, cheater, g.verification) : true;
        if (cheater && (!credit || rng.next() > forgiveness(g))) {
          reasons.push(
            credit
              ? `${meName} reneges on agreement #${g.id} because it saw ${nameOf(world, cheater)} break its last step.`
              : `${meName} reneges on agreement #${g.id} because ${nameOf(world, cheater)} has been seen to break its word too often to be misread.`,
          );
          return { agreement: g.id, honour: false };
        }
        const cost = value(
          me,
          g.terms.filter((t) => t.by === me),
          1 / g.steps,
        ).value;
        // Reputation is worth what the others would make me pay for a breach: nothing against a partner
        // who never answers one, much against one who always does.
        const others = g.parties.filter((x) => x !== me);
        // A mediator that vouches for the deal counts a breach it sees as a broken promise to itself.
        const judges = g.mediator && world.rules.mediatorGuarantee ? [...others, g.mediator] : others;
        // A breach costs that reputation only as far as it is seen for what it is: the partners read the step at
        // the deal's accuracy, so a breach shows as one with that chance and a kept step with the rest, and what
        // breaking rather than keeping changes in what they see is 2 × accuracy − 1 of a breach seen for certain
        // (half as much with no inspections, 0.75, as with them, 0.98).
        const seen = 2 * world.rules.accuracy[g.verification] - 1;
        const reputation =
          seen *
          judges.reduce(
            (acc, x) => acc + trustWorth * world.rules.trustKept * Math.max(0, 3 * answerRate(x) - 0.5),
            0,
          );
        // A hawkish leader tests an untested partner once in a while: a step withheld shows whether it answers.
        const untested = others.every((x) => breachesToward(view, x) === 0);
        const probe = cost < 0 && !cheater && untested && rng.next() < (p.probe * (100 - stance)) / 100;
        // The habit of keeping one's word is worth less toward a partner who has shown it lets breaches pass.
        const habit = p.threshold * 4 * Math.min(1, 2 * Math.min(...others.map((x) => answerRate(x))));
        const jitter = probe ? 0 : actJitter();
        const keep = !probe && cost + reputation + jitter > -habit;
        // Broken only because a breach may pass unseen: kept, had it been sure to be seen.
        const unseen = !keep && !probe && seen > 0 && seen < 1 && cost + reputation / seen + jitter > -habit;
        reasons.push(
          keep
            ? `${meName} keeps its word on agreement #${g.id}${cheater ? `, forgiving what looked like a breach by ${nameOf(world, cheater)},` : ''} because its reputation is worth more than the step costs.`
            : probe
              ? `${meName} withholds its step on agreement #${g.id} to test whether ${nameOf(world, others[0]!)} answers a breach.`
              : unseen
                ? `${meName} reneges on agreement #${g.id} because ${g.verification === 'none' ? 'no inspector checks the deal' : 'the deal is only partly verified'}, so a breach may well pass unseen, and the step costs it more than the reputation it would then risk.`
                : `${meName} reneges on agreement #${g.id} because the step costs it more than ${nameOf(world, others[0]!)} has shown it would make it pay.`,
        );
        return { agreement: g.id, honour: keep };
      });
    // Unilateral actions: the best few by value, answering hostility where the leader is hawkish enough.
    const provoked = new Set(
      counterparts(world, view).filter((x) => {
        const last = remember(world, view, x).last;
        return last?.move === 'D' && last.round >= view.round - 1;
      }),
    );
    const allies = alliesOf(view);
    const rivals = new Set(view.rivalries.flatMap(([a, b]) => (a === me ? [b] : b === me ? [a] : [])));
    const legal = legalActions(world, view);
    const weighed = p.scope >= 1 ? legal : attend(legal, Math.ceil(legal.length * p.scope), () => rng.next());
    // When each act was last taken, by the act's number: no string key made per act weighed.
    const recent = recentByAct(world, view);
    const acts1 = world.actors.length + 1;
    // Each target's allies, read once for every action's readings (trustDelta).
    const theirAllies = new Map<ActorId, Set<ActorId>>();
    const scored: {
      c: ActionChoice;
      v: number;
      reason: string;
      costly: boolean;
      def: ActionDef;
    }[] = [];
    for (const c of weighed) {
      const def = findAction(world, c.action)!;
      const bad = hostile(def);
      // Concessions go to counterparts, not allies; hostility only to rivals, or to whoever provoked.
      if (
        c.target &&
        (bad ? !(rivals.has(c.target) || provoked.has(c.target)) : def.concession && allies.has(c.target))
      )
        continue;
      const last =
        recent === null
          ? view.myRecent[recentKey(me, c.action, c.target)]
          : recent.size === 0
            ? undefined
            : recent.get(
                world.actionIndex[c.action]! * acts1 +
                  (c.target === undefined ? 0 : indexOf(world, c.target) + 1),
              );
      const fade = fadeAfter(world, last, view.round);
      const own = valuation.valuedBy(me, c.action, c.target, fade);
      let v = own.value + trustWorth * trustDelta(view, def, c.target, fade, allies, rivals, theirAllies);
      if (bad && c.target && provoked.has(c.target)) v += ((100 - stance) / 100) * 0.4; // answering a provocation
      if (bad && c.target && allies.has(c.target)) v -= 1;
      // Deterrence: a hostile act costs what those it hits are expected to answer with, learned from
      // how they answered before. A government that never answers invites more.
      if (bad) {
        let answer = 0;
        if (c.target) answer += answerRate(c.target);
        else for (const x of rivals) answer += answerRate(x);
        answer *= p.answered;
        v -= def.visibility === 'secret' ? answer * 0.4 : answer;
      }
      scored.push({ c, v: v + actJitter(), reason: own.reason, costly: own.value < 0 && !bad, def });
    }
    scored.sort((a, b) => b.v - a.v);
    const actions: ActionChoice[] = [];
    for (const x of scored) {
      if (actions.length >= world.rules.actionsPerRound || x.v <= p.threshold) break;
      if (actions.some((a) => a.action === x.c.action) || !affordable(view, world, [...actions, x.c]))
        continue;
      if (x.def.targeted && x.c.target && !view.actors.some((a) => a.id === x.c.target)) continue;
      actions.push(x.c);
      const toward = x.c.target ? ` toward ${nameOf(world, x.c.target)}` : '';
      // A step that costs it something is taken for the goodwill it earns, not for the aim it sets back.
      const because = x.costly
        ? `the goodwill it earns is worth more than what it costs in ${x.reason}${needy >= 0.3 ? ', and with its economy under pressure it needs the deals goodwill opens' : ''}`
        : `it serves its aim of ${x.reason || 'its standing with the others'}${x.c.target && provoked.has(x.c.target) && hostile(x.def) ? `, and ${nameOf(world, x.c.target)} provoked it` : ''}`;
      reasons.push(`${meName} chooses ${inSentence(x.def.name)}${toward} because ${because}.`);
    }
    return {
      phase,
      decisions,
      actions,
      why: reasons.join(' ') || `${meName} holds its course this round.`,
    };
  }

  return {
    id: as.id,
    name: as.name,
    decide(ctx: DecisionContext, phase: InputPhase): PhaseInput {
      const { world, view, rng, table } = ctx;
      const me = view.me;
      const draw = rng.next(); // the belief's sample of the unknown, drawn whether or not it is needed
      const waiting =
        phase === 'responding'
          ? view.offers.filter((o) => o.status === 'open' && o.from !== me && !o.accepted.includes(me))
          : [];
      // With no offer to answer there is nothing to weigh, and no belief to build.
      if (phase === 'responding' && waiting.length === 0)
        return { phase, answers: [], why: `${nameOf(world, me)} has no offers to answer.` };
      // Every list of terms is valued once for every government, and shared by every seat whose belief agrees
      // on what a valuation reads (see valuation.ts).
      const valuation = sharedValuation(world, view, draw, table);
      const look = valuation.look;
      const value = (
        who: ActorId,
        terms: readonly (Term | (ActionChoice & { by: ActorId }))[],
        scale = 1,
        fade = 1,
      ): Valued => valuation.value(who, terms, scale, fade);
      const meName = nameOf(world, me);
      const stance = stanceOf(view);
      // How each partner answers breaches, read once per decision (it is asked for every candidate act).
      const answers = new Map<ActorId, number>();
      const answerRate = (x: ActorId): number => {
        let r = answers.get(x);
        if (r === undefined) answers.set(x, (r = retaliation(world, view, x)));
        return r;
      };
      // Goodwill is worth more to a government that needs relief: trust is what opens the deals it needs.
      const needy = look.need[indexOf(world, me)]!;
      const trustWorth = p.trustValue * (stance / 50) * (1 + p.need * needy);
      const jitter = (): number => (rng.next() - 0.5) * 2 * p.noise;
      const actJitter = (): number => (rng.next() - 0.5) * 2 * p.actNoise;

      const turn: Turn = {
        world,
        view,
        rng,
        table,
        me,
        waiting,
        valuation,
        value,
        meName,
        stance,
        answerRate,
        needy,
        trustWorth,
        jitter,
        actJitter,
      };
      // Each phase's reasoning is a function of its own, so V8 compiles (and, when a guess fails, recompiles) one
      // phase's code at a time rather than one function the size of all three.
      return phase === 'proposing'
        ? proposing(turn)
        : phase === 'responding'
          ? responding(turn)
          : commitment(turn);
    },
  };
}

/**
 * A mediator's package between two rivals who cannot talk directly, if both would gain. Which pairs talk is
 * public (`view.talking`): a mediator bridges only a pair that is not on speaking terms, as the rules require.
 * The mediator weighs a bridge as it weighs its own deals, by what it gains: what the package's terms do for its
 * own aims, and the influence the rules give a mediator whose package is signed (`standing`, its worth to it).
 */
function mediation(
  world: World,
  view: PlayerView,
  value: (who: ActorId, terms: readonly Term[]) => Valued,
  one: (who: ActorId, t: Term) => number,
  standing: number,
  jitter: () => number,
  refused: (terms: readonly Term[]) => boolean,
  promise: (by: ActorId, to: ActorId) => readonly Term[],
): { offer: OfferDraft; value: number; why: string } | null {
  const me = view.me;
  let best: { offer: OfferDraft; value: number; why: string } | null = null;
  const n = world.actors.length;
  const trust = believedTrust(world, view);
  const mine = indexOf(world, me);
  const reads = (p: ActorId, q: ActorId): number => {
    const i = indexOf(world, p);
    const direct = trust[pairIndex(n, i, indexOf(world, q))]!;
    return Math.max(direct, world.rules.mediatorGuarantee ? trust[pairIndex(n, i, mine)]! : 0) / 100;
  };
  for (const [a, b] of world.flashpoints) {
    if (a === me || b === me || talkingIn(view, a, b) || !canPropose(world, view, [a, b])) continue;
    // Each side must want what it is given, as in a swap it would make itself.
    const ab = promise(a, b).filter((t) => mayTake(findAction(world, t.action)!, a) && one(b, t) > 0);
    const ba = promise(b, a).filter((t) => mayTake(findAction(world, t.action)!, b) && one(a, t) > 0);
    // One term from a side and one or two from the other, as a government's own swap takes more of its terms
    // (`shapeFor`): a bridge may need more from one side than a single term.
    const sets = (list: readonly Term[]): Term[][] => {
      const out: Term[][] = list.map((t) => [t]);
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) out.push([list[i]!, list[j]!]);
      return out;
    };
    const sum = (who: ActorId, ts: readonly Term[]): number => {
      let acc = 0;
      for (const t of ts) acc += one(who, t);
      return acc;
    };
    const fromA = sets(ab);
    const fromB = sets(ba);
    const rA = reads(a, b);
    const rB = reads(b, a);
    for (const xs of fromA)
      for (const ys of fromB) {
        if (xs.length + ys.length > 3) continue;
        // Each side reads the other's promise as it would on the table: discounted by the trust it reads it with
        // (its own in the other, or in me where I vouch for the deal), which I can only guess (`believedTrust`).
        if (sum(a, xs) + sum(a, ys) * rA <= 0 || sum(b, ys) + sum(b, xs) * rB <= 0) continue;
        const terms = [...xs, ...ys];
        if (refused(terms)) continue;
        if (value(a, terms).value <= 0 || value(b, terms).value <= 0) continue;
        const own = value(me, terms).value + standing;
        if (own <= 0) continue;
        const v = own + jitter();
        if (!best || v > best.value)
          best = {
            offer: offerWithin(world, terms, 'partial', 2, 2),
            value: v,
            why: `${nameOf(world, me)} brokers a package between ${nameOf(world, a)} and ${nameOf(world, b)}, who cannot talk directly, because each side gains from it and a signed package raises its standing.`,
          };
      }
  }
  return best;
}
