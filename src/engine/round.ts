/**
 * A round as pure step functions: events, proposals, responses, commitment and resolution, reaction.
 * Each exported step takes a state and returns a new one; the `...Mut` forms work in place on a copy
 * the caller owns, which is what the batch path uses. The xstate machine calls the same steps.
 */
import { applyAction, applyEventEffect, applyReadings, fadeAfter, recentKey, witnesses } from './effects.ts';
import { allHold, isSpent, outcomeOf } from './metrics.ts';
import { changeLeader, checkSupport, holdElection, leaderEventFits, log } from './politics.ts';
import { chance, rngFrom } from './rng.ts';
import { changeTension, changeTrust, changeVar, changeVarBy } from './ledger.ts';
import { amongRivals, dealReach, moveStage, programmeGrew } from './stage.ts';
import type { Rng } from './rng.ts';
import { clamp, cloneState, indexOf, newGame, pairGrid, pairIndex, pickVars } from './state.ts';
import { signingCost } from './signing.ts';
import { findAction, partiesOf } from './validate.ts';
import type {
  ActorId,
  ActionDef,
  ActorVar,
  Agreement,
  Answer,
  Cause,
  Decision,
  EventDef,
  GameState,
  Offer,
  OfferDraft,
  Phase,
  PhaseInput,
  Rejection,
  RoundSnapshot,
  Term,
  World,
} from './types.ts';

function withRng(s: GameState, fn: (rng: Rng) => void): void {
  const rng = rngFrom(s.rng);
  fn(rng);
  s.rng = rng.save();
}

const resetInbox = (s: GameState): void => {
  s.inbox = s.inbox.map(() => null);
};

// ---------------------------------------------------------------------------------------------
// 1. Events

function fireEvent(world: World, s: GameState, ev: EventDef, rng: Rng, injected = false): void {
  log(s, injected ? { kind: 'event', ref: ev.id, injected: true } : { kind: 'event', ref: ev.id });
  for (const e of ev.effects) {
    if (e.kind === 'leader')
      changeLeader(
        world,
        s,
        indexOf(world, e.actor),
        e.name,
        e.stance,
        { cause: 'event', event: ev.id },
        rng,
        e.termRounds,
      );
    else applyEventEffect(world, s, e, ev.id);
  }
  if (ev.once) s.firedEvents.push(ev.id);
}

/**
 * Why an instructor's inject of a scenario event cannot be queued now, or null. It fires at the start of the
 * next round, so the last round and a finished game take none.
 */
export function checkInject(world: World, s: GameState, eventId: unknown): Rejection | null {
  if (s.end) return { code: 'GAME_OVER', message: 'The game is over.' };
  const ev = typeof eventId === 'string' ? world.events.find((e) => e.id === eventId) : undefined;
  if (!ev)
    return {
      code: 'UNKNOWN_EVENT',
      message: `No event "${String(eventId)}" in ${world.id}. Known: ${world.events.map((e) => e.id).join(', ')}.`,
    };
  if (s.round >= world.rounds)
    return {
      code: 'UNAVAILABLE',
      message: `Round ${s.round} is the last: there is no next round to fire it in.`,
    };
  if (ev.once && (s.firedEvents.includes(ev.id) || s.injected?.includes(ev.id)))
    return {
      code: 'UNAVAILABLE',
      message: `"${ev.id}" happens once and has already fired or been injected.`,
    };
  return null;
}

/** Queues a checked inject, in place: `beginRound` fires it at the start of the next round. */
export function injectMut(s: GameState, eventId: string): void {
  (s.injected ??= []).push(eventId);
}

/** Start of a round: offers expire, elections fall due, scheduled and random events fire. */
export function beginRoundMut(world: World, s: GameState): void {
  withRng(s, (rng) => {
    for (const o of s.offers) if (o.status === 'open' && o.until < s.round) o.status = 'expired';
    world.actors.forEach((_, i) => {
      if (s.actors[i]!.leader.termEnds === s.round) holdElection(world, s, i, rng);
    });
    for (const ev of world.events) {
      if (ev.once && s.firedEvents.includes(ev.id)) continue;
      const due =
        ev.round !== undefined
          ? ev.round === s.round
          : s.round >= (ev.from ?? 1) && s.round <= (ev.until ?? Infinity) && chance(rng, ev.chance ?? 0);
      if (!due || !allHold(world, s, ev.when) || !leaderEventFits(world, s, ev.effects)) continue;
      fireEvent(world, s, ev, rng);
    }
    // An instructor's injects fire after the scenario's own events, whatever their conditions say.
    if (s.injected) {
      for (const id of s.injected) {
        const ev = world.events.find((e) => e.id === id);
        if (ev && !(ev.once && s.firedEvents.includes(ev.id))) fireEvent(world, s, ev, rng, true);
      }
      delete s.injected;
    }
  });
  s.phase = 'proposing';
  resetInbox(s);
}

// ---------------------------------------------------------------------------------------------
// 2. Negotiation

function addOffer(s: GameState, from: string, d: OfferDraft, counters: number | null, until: number): Offer {
  const parties = partiesOf(d);
  const offer: Offer = {
    id: s.nextId++,
    from,
    parties,
    mediator: parties.includes(from) ? null : from,
    terms: d.terms.map((t) =>
      t.target === undefined
        ? { by: t.by, action: t.action }
        : { by: t.by, action: t.action, target: t.target },
    ),
    verification: d.verification,
    steps: d.steps,
    expires: d.expires,
    round: s.round,
    until,
    counters,
    accepted: parties.includes(from) ? [from] : [],
    status: 'open',
  };
  s.offers.push(offer);
  const to = offer.mediator ? [from, ...parties] : parties;
  log(
    s,
    {
      kind: 'offer',
      actor: from,
      ref: offer.id,
      ...(counters ? { counters } : {}),
      terms: offer.terms.map((t) => ({ ...t })),
    },
    to,
  );
  return offer;
}

/** "USA: lift sanctions on DPRK; DPRK: freeze a nuclear site" */
export function describeTerms(
  world: World,
  terms: readonly { by: string; action: string; target?: string }[],
): string {
  let out = '';
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    const def = findAction(world, t.action);
    out += `${k ? '; ' : ''}${t.by} ${def ? lowerName(def) : t.action}${t.target ? ` (${t.target})` : ''}`;
  }
  return out;
}

/**
 * A name as it reads inside a sentence: only its first letter lowered, and not even that when the first word is
 * an abbreviation ("UN", "THAAD"). Proper nouns further on keep their capitals ("appeal to the UN", "ship
 * munitions to Russia").
 */
export function inSentence(name: string): string {
  const first = /^\S+/.exec(name)?.[0] ?? '';
  // A capital inside the first word marks an abbreviation or a name ("UN", "THAAD", "McDonald").
  if (/[A-Z]/.test(first.slice(1))) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** An action's name as it reads inside a sentence (kept per catalogue entry). */
const lowerNames = new WeakMap<ActionDef, string>();
function lowerName(def: ActionDef): string {
  let x = lowerNames.get(def);
  if (x === undefined) lowerNames.set(def, (x = inSentence(def.name)));
  return x;
}

/** Proposals close: every submitted offer is put to its parties, to be answered this round. */
export function closeProposalsMut(world: World, s: GameState): void {
  world.actors.forEach((a, i) => {
    const inp = s.inbox[i];
    if (inp?.phase !== 'proposing') return;
    for (const d of inp.offers) addOffer(s, a.id, d, null, s.round + d.expires - 1);
  });
  s.forum = Math.max(0, s.forum - 1); // convened talks last a number of proposing phases
  s.phase = 'responding';
  resetInbox(s);
}

/** Turns an accepted offer into an agreement; each party pays at home for dealing with those it distrusts. */
function sign(world: World, s: GameState, o: Offer): void {
  const n = world.actors.length;
  const r = world.rules;
  o.status = 'accepted';
  const g: Agreement = {
    id: s.nextId++,
    offer: o.id,
    parties: o.parties.slice(),
    mediator: o.mediator,
    terms: o.terms.map((t) => ({ ...t })),
    verification: o.verification,
    steps: o.steps,
    done: 0,
    strikes: 0,
    status: 'active',
    signed: s.round,
    ended: null,
    signers: {},
    record: [],
  };
  for (const p of g.parties) {
    const i = indexOf(world, p);
    g.signers[p] = s.actors[i]!.leader.name;
    const trustIn = g.parties.filter((q) => q !== p).map((q) => s.trust[pairIndex(n, i, indexOf(world, q))]!);
    changeVar(world, s, i, 'support', -signingCost(world, p, trustIn, o.mediator !== null), {
      kind: 'signing',
      agreement: g.id,
    });
  }
  if (o.mediator)
    changeVar(world, s, indexOf(world, o.mediator), 'influence', r.mediatorInfluence, {
      kind: 'mediation',
      agreement: g.id,
    });
  s.agreements.push(g);
  log(s, {
    kind: 'agreement',
    ref: g.id,
    parties: g.parties.slice(),
    ...(g.mediator ? { mediator: g.mediator } : {}),
    terms: g.terms.map((t) => ({ ...t })),
    steps: g.steps,
    verification: g.verification,
  });
}

/**
 * Responses close. Answers are simultaneous: an offer any party rejects is rejected, one any party counters
 * is countered (the counter-offers wait for the next round), and one every party has accepted is signed.
 */
export function closeResponsesMut(world: World, s: GameState): void {
  const replies = new Map<number, { actor: string; answer: Answer }[]>();
  world.actors.forEach((a, i) => {
    const inp = s.inbox[i];
    if (inp?.phase !== 'responding') return;
    for (const ans of inp.answers) {
      const list = replies.get(ans.offer) ?? [];
      list.push({ actor: a.id, answer: ans });
      replies.set(ans.offer, list);
    }
  });
  // Counter-offers added below wait for the next round: only the offers open now are settled.
  for (let k = 0, len = s.offers.length; k < len; k++) {
    const o = s.offers[k]!;
    if (o.status !== 'open') continue;
    const rs = replies.get(o.id) ?? [];
    const rejecters = rs.filter((x) => x.answer.reply === 'reject').map((x) => x.actor);
    const counters = rs.filter((x) => x.answer.reply === 'counter');
    for (const x of rs)
      if (x.answer.reply === 'accept' && !o.accepted.includes(x.actor)) o.accepted.push(x.actor);
    if (rejecters.length) {
      o.status = 'rejected';
      log(s, { kind: 'rejected', actor: rejecters[0]!, ref: o.id, by: rejecters.slice() }, offerAudience(o));
    } else if (counters.length) {
      o.status = 'countered';
      for (const x of counters) {
        const a = x.answer as Extract<Answer, { reply: 'counter' }>;
        addOffer(s, x.actor, a.counter, o.id, s.round + a.counter.expires);
      }
    } else if (o.parties.every((p) => o.accepted.includes(p))) {
      const twin = twinInForce(s.agreements, o);
      const sold = twin ? undefined : soldAlready(world, s, o);
      if (twin) {
        o.status = 'expired';
        log(s, { kind: 'moot', ref: o.id, agreement: twin.id }, offerAudience(o));
      } else if (sold) {
        o.status = 'expired';
        log(s, { kind: 'moot', ref: o.id, ...sold }, offerAudience(o));
      } else sign(world, s, o);
    }
  }
  s.phase = 'commitment';
  resetInbox(s);
}

/** A term as a string that two equal terms share (who, what, toward whom). */
export const termKey = (t: Term): string => `${t.by}>${t.action}>${t.target ?? ''}`;

/** The key of a list of terms, whatever their order: equal for two deals that ask the same steps of the same parties. */
export const termsKey = (terms: readonly Term[]): string => terms.map(termKey).sort().join('|');

/**
 * An agreement in force (signed earlier, or earlier this round) with exactly these terms, if there is one. Signing
 * another copy would ask for the same steps twice: two mediators brokering the same package, or a swap put twice,
 * make one agreement, not two.
 */
export function twinInForce<A extends Pick<Agreement, 'status' | 'terms'>>(
  agreements: readonly A[],
  deal: { readonly terms: readonly Term[] },
): A | null {
  let key: string | undefined;
  for (const g of agreements) {
    if (g.status !== 'active' || g.terms.length !== deal.terms.length) continue;
    key ??= termsKey(deal.terms);
    if (termsKey(g.terms) === key) return g;
  }
  return null;
}

/**
 * A term of the offer that can be promised only once (`once`) and has been since the offer was put: by a deal signed
 * earlier (this round, when two offers put together both promise it, or since the offer was made) or by someone
 * taking it on its own. With the act and the agreement that promised it, if one did; undefined when none has.
 */
function soldAlready(world: World, s: GameState, o: Offer): { once: string; agreement?: number } | undefined {
  for (const t of o.terms) {
    if (!findAction(world, t.action)?.once || !isSpent(world, s, t.action)) continue;
    const g = s.agreements.find((a) => a.terms.some((x) => x.action === t.action));
    return g ? { once: t.action, agreement: g.id } : { once: t.action };
  }
  return undefined;
}

const offerAudience = (o: Offer): string[] => (o.mediator ? [o.mediator, ...o.parties] : o.parties.slice());

// ---------------------------------------------------------------------------------------------
// 3-4. Commitment and resolution

/** Applies unilateral actions, then each active agreement's step, then the crisis check. */
export function resolveMut(world: World, s: GameState): void {
  s.phase = 'resolution';
  const r = world.rules;
  const tensionBefore = s.tension;
  withRng(s, (rng) => {
    // Unilateral actions, in seat order; their effects are additive, so the order matters only at the bounds.
    world.actors.forEach((a, i) => {
      const inp = s.inbox[i];
      if (inp?.phase !== 'commitment') return;
      for (const c of inp.actions) {
        const def = findAction(world, c.action)!;
        const target = c.target === undefined ? -1 : indexOf(world, c.target);
        const seen = witnesses(world, def, i, target, rng);
        const key = recentKey(a.id, def.id, c.target);
        const fade = fadeAfter(world, s.recent[key], s.round);
        const to =
          def.visibility === 'public' ? null : world.actors.filter((_, k) => seen[k]).map((x) => x.id);
        applyAction(world, s, def, i, target, 1, true, fade, undefined, to ?? undefined);
        applyReadings(world, s, def, i, target, seen, 1, fade);
        s.recent[key] = s.round;
        log(s, { kind: 'action', actor: a.id, ref: def.id, target: c.target }, to);
      }
    });
    // Agreement steps: what each party did, and what the others saw of it.
    const decided = new Map<number, Map<string, boolean>>(); // agreement id -> party -> honour
    world.actors.forEach((a, i) => {
      const inp = s.inbox[i];
      if (inp?.phase === 'commitment')
        for (const d of inp.decisions as Decision[]) {
          let byParty = decided.get(d.agreement);
          if (!byParty) decided.set(d.agreement, (byParty = new Map()));
          byParty.set(a.id, d.honour);
        }
    });
    for (const g of s.agreements) if (g.status === 'active') runStep(world, s, g, decided, rng);
    // Crisis and miscalculation.
    if (s.tension >= r.crisisAt && tensionBefore < r.crisisAt) log(s, { kind: 'crisis', tension: s.tension });
    if (s.tension >= r.crisisAt) {
      const x = (s.tension - r.crisisAt) / (100 - r.crisisAt);
      const factors = pairFactors(world, s);
      const p = r.clashChance * x * x * meanOf(factors);
      const u = p > 0 ? rng.next() : 1;
      if (u < p) {
        // Each flashpoint carries its share of the chance; the draw that started the clash tells whose it was.
        const pair = flashpointOf(world, factors, u / p);
        log(s, { kind: 'clash', tension: s.tension, ...(pair ? { actor: pair[0], target: pair[1] } : {}) });
        s.end = { outcome: outcomeOf(world, s, true), reason: 'clash', round: s.round };
      }
    }
  });
}

/**
 * The tension the region relaxes toward when nobody acts: a floor, plus a share of the most advanced weapons
 * programme. An armed standoff does not calm down by itself; it calms as the programme shrinks.
 */
export function tensionBaseline(world: World, s: GameState): number {
  let top = 0;
  for (const a of s.actors) top = Math.max(top, a.nuclear, a.missile);
  return world.rules.tensionFloor + (world.rules.programmeTension * top) / 100;
}

/**
 * Each flashpoint pair's own channel factor, in the order of `world.flashpoints`: a hotline on that pair
 * multiplies it by `hotlineFactor`, a backchannel by `backchannelFactor`. A channel acts on its own pair's
 * flashpoint only (a US–DPRK line does nothing for the DPRK–Japan flashpoint).
 */
export function pairFactors(world: World, s: GameState): number[] {
  const n = world.actors.length;
  return world.flashpoints.map(([a, b]) => {
    const k = pairIndex(n, indexOf(world, a), indexOf(world, b));
    return (
      (s.hotline[k] ? world.rules.hotlineFactor : 1) * (s.backchannel[k] ? world.rules.backchannelFactor : 1)
    );
  });
}

/**
 * How much the open channels lower the chance of a clash (1 = not at all): each flashpoint carries an equal share
 * of the chance, lowered by its own pair's channels, so this is the mean of the pairs' factors.
 */
export function channelFactor(world: World, s: GameState): number {
  return meanOf(pairFactors(world, s));
}

const meanOf = (f: readonly number[]): number => (f.length ? f.reduce((a, x) => a + x, 0) / f.length : 1);

/**
 * The flashpoint pair a clash broke out on, from where `q` (in [0, 1)) falls among the pairs' shares of the
 * chance (each pair's factor over their sum); none in a scenario without flashpoints.
 */
export function flashpointOf(
  world: World,
  factors: readonly number[],
  q: number,
): readonly [ActorId, ActorId] | undefined {
  const total = factors.reduce((a, x) => a + x, 0);
  let at = 0;
  for (let i = 0; i < factors.length; i++) {
    at += factors[i]! / total;
    if (q < at) return world.flashpoints[i];
  }
  return world.flashpoints[world.flashpoints.length - 1];
}

/** Who is neither a party to nor the mediator of an agreement. */
function outsiders(world: World, g: Agreement): boolean[] {
  return world.actors.map((a) => !g.parties.includes(a.id) && g.mediator !== a.id);
}

function runStep(
  world: World,
  s: GameState,
  g: Agreement,
  decided: Map<number, Map<string, boolean>>,
  rng: Rng,
): void {
  const r = world.rules;
  const scale = 1 / g.steps;
  const last = g.done + 1 === g.steps;
  const honoured: Record<string, boolean> = {};
  let outside: boolean[] | undefined; // who is outside the deal, worked out at its first public step
  for (const p of g.parties) {
    const h = decided.get(g.id)?.get(p) ?? true;
    honoured[p] = h;
    if (!h) continue;
    for (const t of g.terms) {
      if (t.by !== p) continue;
      const def = findAction(world, t.action)!;
      const key = recentKey(p, def.id, t.target);
      // A deal's first step may repeat a gesture made recently; later steps of the same deal do not fade.
      const fade = g.done === 0 ? fadeAfter(world, s.recent[key], s.round) : 1;
      const self = indexOf(world, p);
      const target = t.target === undefined ? -1 : indexOf(world, t.target);
      // A public step is seen by all (outsiders read it below as they would the act itself); whether a party kept
      // a step that is not public is its own secret, so the ledger shows that step's cause to it alone.
      const cause: Cause = { kind: 'step', agreement: g.id, actor: p, action: def.id };
      if (t.target !== undefined) cause.target = t.target;
      applyAction(
        world,
        s,
        def,
        self,
        target,
        scale,
        last,
        fade,
        cause,
        def.visibility === 'public' ? undefined : [p],
      );
      // Governments outside the deal read its public steps as they would the same act done alone; the parties
      // judge each other by what they observe of compliance instead (below).
      if (def.visibility === 'public')
        applyReadings(world, s, def, self, target, (outside ??= outsiders(world, g)), scale, fade, cause);
      s.recent[key] = s.round;
    }
  }
  const accuracy = r.accuracy[g.verification];
  const observed: Record<string, Record<string, boolean>> = {};
  let disputed = false;
  const observers = g.mediator ? [...g.parties, g.mediator] : g.parties;
  for (const o of observers) {
    observed[o] = {};
    for (const p of g.parties) {
      if (p === o) continue;
      const seen = chance(rng, accuracy) ? honoured[p]! : !honoured[p];
      observed[o]![p] = seen;
      if (!seen) disputed = true;
      log(s, { kind: 'compliance', actor: p, ref: g.id, step: g.done + 1, kept: seen }, [o]);
    }
  }
  // The record is this state's own (copies slice the records of active agreements), so it grows in place.
  g.record.push({ round: s.round, step: g.done + 1, honoured, observed, disputed });
  // A disputed step still happened for those who kept it; a phased deal goes on under protest, and breaks after
  // `phasedStrikes` disputed steps in a row. A one-step deal has no next step to hold back, so it breaks at once.
  if (disputed) {
    g.strikes++;
    if (g.steps === 1 || g.strikes >= r.phasedStrikes) {
      endAgreement(world, s, g, 'broken');
      return;
    }
    log(s, { kind: 'disputed', ref: g.id, step: g.done + 1 });
  } else g.strikes = 0;
  g.done++;
  if (g.done === g.steps) endAgreement(world, s, g, 'completed');
}

function endAgreement(world: World, s: GameState, g: Agreement, how: 'completed' | 'broken'): void {
  const r = world.rules;
  g.status = how;
  g.ended = s.round;
  // Only deals between rivals are steps of the peace process; deals among friends leave the stage alone.
  const rivals = amongRivals(world, s, g.parties);
  const cause: Cause = { kind: 'agreement-end', agreement: g.id, how };
  if (how === 'completed') {
    // Declarations and aid alone take the process no higher than a summit can; a verified step goes further.
    if (rivals) moveStage(world, s, r.stageOnComplete, cause, dealReach(world, g));
    for (const p of g.parties)
      for (const q of g.parties)
        if (p !== q) changeTrust(world, s, indexOf(world, p), indexOf(world, q), r.trustCompleted, cause);
    // What the world saw, not the truth, which only the debrief reveals: a deal that went on under protest
    // (a step disputed) is logged as such, so no screen reports it carried out in full.
    log(
      s,
      g.record.some((x) => x.disputed)
        ? { kind: 'completed', ref: g.id, disputed: true }
        : { kind: 'completed', ref: g.id },
    );
  } else {
    if (rivals) moveStage(world, s, r.stageOnBreak, cause);
    changeTension(s, r.tensionOnBreak, cause);
    log(s, { kind: 'broken', ref: g.id });
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Reaction

/**
 * Economic pressure on `t` per round: sanctions drain, lifelines feed, each weighted by who applies them.
 * Starting economies already reflect starting pressure, so only changes from the start move an economy.
 */
export function economicPressure(
  world: World,
  sanctions: readonly number[],
  lifeline: readonly number[],
  t: number,
): number {
  const n = world.actors.length;
  const r = world.rules;
  let p = 0;
  for (let i = 0; i < n; i++)
    p +=
      (sanctions[pairIndex(n, i, t)]! * r.sanctionBite - lifeline[pairIndex(n, i, t)]! * r.lifelineGain) *
      world.actors[i]!.economicWeight;
  return p;
}

const basePressures = new WeakMap<World, number[]>();

/** Pressure at the start of the game, per actor (computed once per world). */
function basePressure(world: World): number[] {
  let b = basePressures.get(world);
  if (!b) {
    const start = newGame(world, 0);
    b = world.actors.map((_, t) => economicPressure(world, start.sanctions, start.lifeline, t));
    basePressures.set(world, b);
  }
  return b;
}

/**
 * How far government `t`'s economy moves in a round's reaction, before anything is done: the change of pressure
 * since the start (sanctions drain, lifelines feed), and the pull back toward its starting level.
 */
export function economyChange(
  world: World,
  t: number,
  economy: number,
  pressure: number,
  drift = world.rules.economyDrift,
): number {
  const start = world.initial.actors[world.actors[t]!.id]!.vars.economy;
  return basePressure(world)[t]! - pressure + (start - economy) * drift;
}

/**
 * Where each economy is heading with no new moves, under the sanctions and lifelines given by table (as a player
 * view has them): the level at which the engine's pull back toward the starting economy balances the change of
 * pressure since the start. Aid, incentives and other one-off gains fade toward it. With no pull back
 * (`economyDrift` 0) a changed pressure runs an economy to 0 or 100, and an unchanged one leaves it wherever it
 * is: null, no level it is heading for.
 */
export function economyAtRest(
  world: World,
  sanctions: Readonly<Record<ActorId, Readonly<Record<ActorId, number>>>>,
  lifeline: Readonly<Record<ActorId, Readonly<Record<ActorId, number>>>>,
): Record<ActorId, number | null> {
  const s = pairGrid(world, sanctions);
  const l = pairGrid(world, lifeline);
  const out: Record<ActorId, number | null> = {};
  world.actors.forEach((a, t) => {
    const start = world.initial.actors[a.id]!.vars.economy;
    const drift = world.rules.economyDrift;
    // At its starting level the only change is that of pressure since the start.
    const change = economyChange(world, t, start, economicPressure(world, s, l, t));
    out[a.id] = drift > 0 ? clamp(start + change / drift) : change > 0 ? 100 : change < 0 ? 0 : null;
  });
  return out;
}

function snapshot(world: World, s: GameState): RoundSnapshot {
  const vars: RoundSnapshot['vars'] = {};
  world.actors.forEach((a, i) => {
    vars[a.id] = pickVars(s.actors[i]!);
  });
  return { round: s.round, tension: s.tension, stage: s.stage, vars, trust: s.trust.slice() };
}

/** The variables at the end of the previous round (or the start of the game). */
function before(world: World, s: GameState, id: string): Record<ActorVar, number> {
  const last = s.history[s.history.length - 1];
  return last ? last.vars[id]! : world.initial.actors[id]!.vars;
}

/**
 * Trust follows what each observer saw; sanctions and lifelines move economies; economies and security
 * move support at home; weak leaders fall or harden; tension cools; the round ends.
 */
export function reactMut(world: World, s: GameState): void {
  s.phase = 'reaction';
  const n = world.actors.length;
  const r = world.rules;
  withRng(s, (rng) => {
    for (const g of s.agreements) {
      const rec = g.record[g.record.length - 1];
      if (!rec || rec.round !== s.round) continue;
      for (const [o, seenOf] of Object.entries(rec.observed)) {
        const oi = indexOf(world, o);
        // A mediator vouched for the deal it brokered: a step it sees broken is a broken promise to itself, and
        // costs the breaker its whole `trustBroken`, not the step's share (`mediatorGuarantee`).
        const vouched = r.mediatorGuarantee && o === g.mediator;
        for (const [p, kept] of Object.entries(seenOf))
          changeTrust(
            world,
            s,
            oi,
            indexOf(world, p),
            kept ? r.trustKept / g.steps : -r.trustBroken / (vouched ? 1 : g.steps),
            {
              kind: 'observation',
              agreement: g.id,
              of: p,
              kept,
            },
          );
      }
    }
    for (let t = 0; t < n; t++) {
      const a = s.actors[t]!;
      const id = world.actors[t]!.id;
      const pressure = economicPressure(world, s.sanctions, s.lifeline, t);
      const change = economyChange(world, t, a.economy, pressure);
      const fromPressure = economyChange(world, t, a.economy, pressure, 0);
      changeVarBy(world, s, t, 'economy', change, [
        [{ kind: 'pressure' }, fromPressure],
        [{ kind: 'drift' }, change - fromPressure],
      ]);
      const was = before(world, s, id);
      const parts: [Cause, number][] = [
        [{ kind: 'home', var: 'economy' }, (a.economy - was.economy) * r.supportFromEconomy],
        [{ kind: 'home', var: 'security' }, (a.security - was.security) * r.supportFromSecurity],
        [{ kind: 'drift' }, (50 - a.support) * r.supportDrift],
      ];
      changeVarBy(world, s, t, 'support', parts[0]![1] + parts[1]![1] + parts[2]![1], parts);
    }
    for (let i = 0; i < n; i++) checkSupport(world, s, i, rng);
  });
  if (programmeGrew(world, s)) moveStage(world, s, -1, { kind: 'programme' });
  changeTension(s, (tensionBaseline(world, s) - s.tension) * r.tensionRelax, { kind: 'drift' });
  s.history.push(snapshot(world, s)); // the state's own list: copies slice it
  if (s.end) {
    s.phase = 'over';
    return;
  }
  if (s.round >= world.rounds) {
    s.end = { outcome: outcomeOf(world, s, false), reason: 'rounds', round: s.round };
    s.phase = 'over';
    log(s, { kind: 'end', rounds: s.round });
    return;
  }
  s.round++;
  s.phase = 'events';
}

// ---------------------------------------------------------------------------------------------
// Driving the phases

/** Records one seat's (already validated) input for the current phase, in place. */
export function collectMut(world: World, s: GameState, actor: string, input: PhaseInput): void {
  s.inbox[indexOf(world, actor)] = input;
}

export const allIn = (s: GameState): boolean => s.inbox.every((x) => x !== null);

/**
 * Closes the current waiting phase (all seats are in) and runs the automatic phases after it,
 * up to the next phase that waits for the seats, or the end.
 */
export function closePhaseMut(world: World, s: GameState): void {
  switch (s.phase) {
    case 'proposing':
      closeProposalsMut(world, s);
      return;
    case 'responding':
      closeResponsesMut(world, s);
      return;
    case 'commitment':
      resolveMut(world, s);
      reactMut(world, s);
      if ((s.phase as Phase) === 'events') beginRoundMut(world, s);
      return;
    default:
      return;
  }
}

/** Pure forms of the steps, for callers that keep every state (the machine, tests, look-ahead). */
export const pure =
  (fn: (world: World, s: GameState) => void) =>
  (world: World, s: GameState): GameState => {
    const c = cloneState(s);
    fn(world, c);
    return c;
  };

export const beginRound = pure(beginRoundMut);
export const closeProposals = pure(closeProposalsMut);
export const closeResponses = pure(closeResponsesMut);
export const resolve = pure(resolveMut);
export const react = pure(reactMut);
