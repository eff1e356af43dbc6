/**
 * Checking one seat's input against the rules and the state. Every function returns a typed rejection
 * or null; none changes anything. Inputs may come from a client over the network, so shapes are checked too.
 */
import { mayTake } from './effects.ts';
import { REASON_REJECTION, awaitsAnswer, costReason, owesStep, targetReason } from './options.ts';
import { nameOf, stateFacts, unmetText, viewFacts } from './requirements.ts';
import type { Facts } from './requirements.ts';
import { absence, indexOf, pairIndex, refusalAmong, refusalBetween } from './state.ts';
import { VERIFICATIONS } from './types.ts';
import type { PlayerView } from './view.ts';
import type {
  ActionDef,
  ActorId,
  Answer,
  GameState,
  InputPhase,
  OfferDraft,
  PhaseInput,
  Rejection,
  RejectionCode,
  World,
} from './types.ts';

const no = (code: RejectionCode, message: string): Rejection => ({ code, message });

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown, lo: number, hi: number): x is number =>
  Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;

/** The fields each part of an input may have: anything else is refused by name, never dropped unseen. */
const FIELDS = {
  proposing: ['phase', 'offers', 'why'],
  responding: ['phase', 'answers', 'why'],
  commitment: ['phase', 'decisions', 'actions', 'why'],
  offer: ['terms', 'verification', 'steps', 'expires'],
  term: ['by', 'action', 'target'],
  answer: ['offer', 'reply', 'counter'],
  decision: ['agreement', 'honour'],
  action: ['action', 'target'],
} as const;

/** A MALFORMED rejection naming the first field `x` has beyond `part`'s, or null. */
function extraField(x: Record<string, unknown>, part: keyof typeof FIELDS, where: string): Rejection | null {
  const allowed: readonly string[] = FIELDS[part];
  const extra = Object.keys(x).find((k) => !allowed.includes(k));
  return extra === undefined
    ? null
    : no('MALFORMED', `${where} has a field "${extra}" it cannot have (it may have ${allowed.join(', ')}).`);
}

/**
 * The offer or agreement with this id. The state keeps both lists in the order they were made, which is the
 * order of their ids, so a binary search finds it; a list out of order falls back to a scan.
 */
export function byId<T extends { id: number }>(list: readonly T[], id: number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = list[mid]!;
    if (x.id === id) return x;
    if (x.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return list.find((x) => x.id === id);
}

export function findAction(world: World, id: unknown): ActionDef | undefined {
  return typeof id === 'string' && Object.hasOwn(world.actionIndex, id)
    ? world.actions[world.actionIndex[id]!]
    : undefined;
}

/** The action that lets a government broker packages between others. */
export const MEDIATE = 'mediate';

/**
 * Whether `actor` may put packages between others: it may take `mediate`, and the world allows mediated deals
 * (`mediatedDeals`; where it does not, offering to mediate is a gesture only).
 */
export function mayBroker(world: World, actor: ActorId): boolean {
  if (!world.rules.mediatedDeals) return false;
  const def = findAction(world, MEDIATE);
  return def !== undefined && mayTake(def, actor);
}

/**
 * Whether `from` will open direct talks with `to`: it trusts `to` enough, or a channel is open between them.
 * It rests on the proposer's own trust only, so every government can tell what it may propose. A pair kept apart
 * by a refusal (`World.refusals`) never talks, whatever the channels.
 */
export function canTalk(world: World, s: GameState, from: number, to: number): boolean {
  const n = world.actors.length;
  const k = pairIndex(n, from, to);
  return (
    (s.hotline[k] === 1 || s.backchannel[k] === 1 || s.trust[k]! >= world.rules.contactTrust) &&
    !refused(world, from, to)
  );
}

/** Whether a refusal keeps the governments at `a` and `b` apart (`refusalBetween`). */
const refused = (world: World, a: number, b: number): boolean =>
  !!world.refusals?.length && refusalBetween(world, world.actors[a]!.id, world.actors[b]!.id) !== null;

/**
 * Whether two governments are on speaking terms, as everyone can tell: a hotline is open between them, or either
 * would open direct talks with the other (its trust is at least `contactTrust`). Governments say in public whom
 * they will receive and whom they refuse to meet; how far they trust each other stays private (only this one
 * bit of it is public). A backchannel is left out: it is secret, so it cannot make a pair publicly talk. A
 * mediator's package must join at least one pair that is not on speaking terms (`draftProblem`).
 */
export function speaking(world: World, s: GameState, a: number, b: number): boolean {
  const n = world.actors.length;
  const ab = pairIndex(n, a, b);
  const ba = pairIndex(n, b, a);
  const t = world.rules.contactTrust;
  return (
    (s.hotline[ab] === 1 || s.hotline[ba] === 1 || s.trust[ab]! >= t || s.trust[ba]! >= t) &&
    !refused(world, a, b)
  );
}

/** Whether `a` and `b` are on speaking terms in a view's public list (`PlayerView.talking`), either way round. */
export const talkingIn = (
  view: { readonly talking: readonly (readonly [ActorId, ActorId])[] },
  a: ActorId,
  b: ActorId,
): boolean => view.talking.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** The pairs of `parties` (in their order) that are on speaking terms by `talks`, as "A–B". */
export function talkingPairs(
  parties: readonly ActorId[],
  talks: (a: ActorId, b: ActorId) => boolean,
): [ActorId, ActorId][] {
  const out: [ActorId, ActorId][] = [];
  for (let x = 0; x < parties.length; x++)
    for (let y = x + 1; y < parties.length; y++)
      if (talks(parties[x]!, parties[y]!)) out.push([parties[x]!, parties[y]!]);
  return out;
}

/** Checks one term's actor, action and target. */
function checkTerm(world: World, facts: Facts, t: unknown, where: string): Rejection | null {
  if (!isObj(t) || typeof t.by !== 'string' || typeof t.action !== 'string')
    return no('MALFORMED', `${where} must name who acts (by) and the action.`);
  const extra = extraField(t, 'term', where);
  if (extra) return extra;
  if (indexOf(world, t.by) < 0) return no('UNKNOWN_ACTOR', `${where}: there is no government "${t.by}".`);
  const def = findAction(world, t.action);
  if (!def) return no('UNKNOWN_ACTION', `${where}: there is no action "${t.action}".`);
  if (!def.dealable) return no('NOT_PERMITTED', `${where}: "${def.name}" cannot be promised in a deal.`);
  if (!mayTake(def, t.by))
    return no('NOT_PERMITTED', `${where}: ${nameOf(world, t.by)} cannot take "${def.name}".`);
  return (
    checkTarget(world, def, t.by, t.target, where) ??
    checkAvailable(world, def, facts, t.by, t.target as string | undefined, where)
  );
}

function checkAvailable(
  world: World,
  def: ActionDef,
  facts: Facts,
  by: string,
  target: string | undefined,
  where: string,
): Rejection | null {
  const r = targetReason(def, facts, by, target);
  return r?.code === 'requirement'
    ? no(
        REASON_REJECTION[r.code],
        `${where}: "${def.name}" is not available: ${unmetText(world, def, r.requirement)}.`,
      )
    : null;
}

function checkTarget(
  world: World,
  def: ActionDef,
  by: string,
  target: unknown,
  where: string,
): Rejection | null {
  if (!def.targeted)
    return target === undefined ? null : no('BAD_TARGET', `${where}: "${def.name}" is not aimed at anyone.`);
  if (typeof target !== 'string' || indexOf(world, target) < 0)
    return no('BAD_TARGET', `${where}: "${def.name}" needs a target government.`);
  if (target === by) return no('BAD_TARGET', `${where}: a government cannot aim "${def.name}" at itself.`);
  if (def.targets && !def.targets.includes(target))
    return no('BAD_TARGET', `${where}: "${def.name}" can only be aimed at ${def.targets.join(', ')}.`);
  return null;
}

/** The parties an offer binds: every government that has a term in it, in term order. */
export function partiesOf(draft: OfferDraft): string[] {
  return [...new Set(draft.terms.map((t) => t.by))];
}

export function checkDraft(
  world: World,
  s: GameState,
  from: string,
  draft: unknown,
  where: string,
): Rejection | null {
  return draftProblem(world, from, draft, where, {
    facts: stateFacts(world, s),
    forum: s.forum,
    round: s.round,
    canTalk: (a, b) => canTalk(world, s, indexOf(world, a), indexOf(world, b)),
    speaking: (a, b) => speaking(world, s, indexOf(world, a), indexOf(world, b)),
  });
}

/**
 * The same check of a draft offer by `view.me`, from what its view shows (a screen or a remote player has no
 * state). It may pass a draft the rules then refuse on facts the government cannot see (another pair's
 * backchannel); the submitted input is checked against the state again.
 */
export function checkDraftInView(
  world: World,
  view: PlayerView,
  draft: unknown,
  where: string,
): Rejection | null {
  return draftProblem(world, view.me, draft, where, {
    facts: viewFacts(view),
    forum: view.forum,
    round: view.round,
    canTalk: (a, b) => a === view.me && view.contacts.includes(b),
    speaking: (a, b) => talkingIn(view, a, b),
  });
}

interface DraftFacts {
  facts: Facts;
  forum: number;
  /** The round, for who is at the table (an organisation may join late or leave). */
  round: number;
  canTalk(from: ActorId, to: ActorId): boolean;
  /** Whether two governments are publicly on speaking terms (`speaking`). */
  speaking(a: ActorId, b: ActorId): boolean;
}

function draftProblem(
  world: World,
  from: string,
  draft: unknown,
  where: string,
  f: DraftFacts,
): Rejection | null {
  const r = world.rules;
  if (!isObj(draft) || !Array.isArray(draft.terms))
    return no('MALFORMED', `${where} must have a list of terms.`);
  const extra = extraField(draft, 'offer', where);
  if (extra) return extra;
  if (draft.terms.length === 0 || draft.terms.length > 8)
    return no('INVALID_OFFER', `${where} must have between one and eight terms.`);
  if (!VERIFICATIONS.includes(draft.verification as never))
    return no('MALFORMED', `${where}: verification must be none, partial or inspections.`);
  if (!isInt(draft.steps, 1, r.maxSteps))
    return no('INVALID_OFFER', `${where}: steps must be a whole number from 1 to ${r.maxSteps}.`);
  if (!isInt(draft.expires, 1, r.maxExpiry))
    return no('INVALID_OFFER', `${where}: expiry must be a whole number of rounds from 1 to ${r.maxExpiry}.`);
  for (let k = 0; k < draft.terms.length; k++) {
    const bad = checkTerm(world, f.facts, draft.terms[k], `${where}, term ${k + 1}`);
    if (bad) return bad;
    const t = draft.terms[k] as { by: string; target?: unknown };
    for (const who of [t.by, t.target])
      if (typeof who === 'string' && indexOf(world, who) >= 0) {
        const away = absence(world, f, indexOf(world, who));
        if (away) return no('NOT_PERMITTED', `${where}, term ${k + 1}: ${away}.`);
      }
  }
  const parties = partiesOf(draft as unknown as OfferDraft);
  if (parties.length < 2)
    return no(
      'INVALID_OFFER',
      `${where} needs terms for at least two governments: what is given and what is wanted.`,
    );
  const refusal = refusalAmong(world, parties);
  if (refusal)
    return no(
      'NOT_PERMITTED',
      `${where}: ${nameOf(world, refusal[0])} signs nothing with ${nameOf(world, refusal[1])} in this world, so no deal can bind both.`,
    );
  const mediated = !parties.includes(from);
  if (mediated) {
    if (!world.rules.mediatedDeals)
      return no(
        'NOT_PERMITTED',
        `${where}: ${nameOf(world, from)} is not a party, and no government may put packages between others in this world.`,
      );
    if (!mayBroker(world, from))
      return no('NOT_PERMITTED', `${where}: ${nameOf(world, from)} is not a party and cannot mediate.`);
    // A mediator bridges where direct talks fail: between parties who all talk already it has nothing to carry.
    const talking = talkingPairs(parties, f.speaking);
    if (talking.length === (parties.length * (parties.length - 1)) / 2)
      return no(
        'NO_BRIDGE',
        `${where}: ${nameOf(world, from)} cannot mediate between governments that already talk directly (${talking
          .map(([a, b]) => `${nameOf(world, a)} and ${nameOf(world, b)}`)
          .join(', ')}): a mediated package must join at least one pair that cannot.`,
      );
  }
  if (parties.length > 2 && f.forum <= 0)
    return no(
      'NO_FORUM',
      `${where}: a deal among more than two governments needs multilateral talks to be convened.`,
    );
  for (const p of parties) {
    if (p === from) continue;
    if (!f.canTalk(from, p))
      return no(
        'NO_CHANNEL',
        `${where}: ${nameOf(world, from)} trusts ${nameOf(world, p)} too little to talk without a channel or a mediator.`,
      );
  }
  return null;
}

function checkAnswer(world: World, s: GameState, actor: string, a: unknown, where: string): Rejection | null {
  if (
    !isObj(a) ||
    typeof a.offer !== 'number' ||
    !['accept', 'reject', 'counter'].includes(a.reply as string)
  )
    return no('MALFORMED', `${where} must name an offer and a reply (accept, reject or counter).`);
  const extra = extraField(a, 'answer', where);
  if (extra) return extra;
  const o = byId(s.offers, a.offer);
  if (!o || o.status !== 'open')
    return no('UNKNOWN_OFFER', `${where}: offer #${String(a.offer)} is not open.`);
  if (!awaitsAnswer(o, actor))
    return no(
      'NOT_ADDRESSED',
      `${where}: offer #${o.id} does not wait for ${nameOf(world, actor)}'s answer.`,
    );
  if (a.reply === 'counter')
    return checkDraft(world, s, actor, (a as { counter?: unknown }).counter, `${where}, counter-offer`);
  return null;
}

/** Total cost of a list of actions, to check it is affordable (the options' rule, `costReason`). */
function unaffordable(world: World, s: GameState, i: number, defs: ActionDef[]): Rejection | null {
  const r = costReason(defs, s.actors[i]!);
  return r?.code === 'unaffordable'
    ? no(
        REASON_REJECTION[r.code],
        `These actions need ${r.need} ${r.variable}; ${world.actors[i]!.id} has ${Math.floor(r.has)}.`,
      )
    : null;
}

/** Validates one seat's input for the current phase. Null means it may be collected. */
export function checkInput(world: World, s: GameState, actor: string, input: unknown): Rejection | null {
  if (s.end) return no('GAME_OVER', 'The game is over.');
  const i = indexOf(world, actor);
  if (i < 0) return no('UNKNOWN_ACTOR', `There is no government "${actor}".`);
  if (!isObj(input) || typeof input.phase !== 'string')
    return no('MALFORMED', 'An input must say which phase it is for.');
  if (input.phase !== s.phase) return no('WRONG_PHASE', `It is the ${s.phase} phase, not ${input.phase}.`);
  if (input.phase in FIELDS) {
    const extra = extraField(input, input.phase as InputPhase, 'The input');
    if (extra) return extra;
  }
  if (s.inbox[i])
    return no('ALREADY_SUBMITTED', `${nameOf(world, actor)} has already submitted for this phase.`);
  const inp = input as PhaseInput;
  const away = absence(world, s, i);
  // Away from the table: no offers, answers or actions; only decisions on agreements it is already in.
  if (away) {
    const nothing =
      inp.phase === 'proposing'
        ? Array.isArray(inp.offers) && inp.offers.length === 0
        : inp.phase === 'responding'
          ? Array.isArray(inp.answers) && inp.answers.length === 0
          : Array.isArray(inp.actions) && inp.actions.length === 0;
    if (!nothing) return no('NOT_PERMITTED', `${away}; it can take no part this round.`);
  }
  switch (inp.phase) {
    case 'proposing': {
      if (!Array.isArray(inp.offers)) return no('MALFORMED', 'Proposals must be a list of offers.');
      if (inp.offers.length > world.rules.offersPerRound)
        return no('TOO_MANY', `At most ${world.rules.offersPerRound} offers a round.`);
      for (let k = 0; k < inp.offers.length; k++) {
        const bad = checkDraft(world, s, actor, inp.offers[k], `Offer ${k + 1}`);
        if (bad) return bad;
      }
      return null;
    }
    case 'responding': {
      if (!Array.isArray(inp.answers)) return no('MALFORMED', 'Answers must be a list.');
      const seen = new Set<number>();
      for (let k = 0; k < inp.answers.length; k++) {
        const a = inp.answers[k] as Answer;
        const bad = checkAnswer(world, s, actor, a, `Answer ${k + 1}`);
        if (bad) return bad;
        if (seen.has(a.offer)) return no('DUPLICATE', `Offer #${a.offer} is answered twice.`);
        seen.add(a.offer);
      }
      return null;
    }
    case 'commitment': {
      if (!Array.isArray(inp.decisions) || !Array.isArray(inp.actions))
        return no('MALFORMED', 'A commitment needs decisions and actions lists.');
      const seen = new Set<number>();
      for (const d of inp.decisions) {
        if (!isObj(d) || typeof d.agreement !== 'number' || typeof d.honour !== 'boolean')
          return no('MALFORMED', 'Each decision names an agreement and whether to honour it.');
        const extraD = extraField(d, 'decision', `The decision on agreement #${d.agreement}`);
        if (extraD) return extraD;
        const g = byId(s.agreements, d.agreement);
        if (!g || !owesStep(g, actor))
          return no('UNKNOWN_AGREEMENT', `${nameOf(world, actor)} has no active agreement #${d.agreement}.`);
        if (seen.has(g.id)) return no('DUPLICATE', `Agreement #${g.id} is decided twice.`);
        seen.add(g.id);
      }
      if (inp.actions.length > world.rules.actionsPerRound)
        return no('TOO_MANY', `At most ${world.rules.actionsPerRound} actions a round.`);
      const defs: ActionDef[] = [];
      const keys = new Set<string>();
      const facts = inp.actions.length ? stateFacts(world, s) : null;
      for (let k = 0; k < inp.actions.length; k++) {
        const c = inp.actions[k];
        if (!isObj(c)) return no('MALFORMED', `Action ${k + 1} must name an action.`);
        const extraA = extraField(c, 'action', `Action ${k + 1}`);
        if (extraA) return extraA;
        const def = findAction(world, c.action);
        if (!def) return no('UNKNOWN_ACTION', `Action ${k + 1}: there is no action "${String(c.action)}".`);
        if (!mayTake(def, actor))
          return no('NOT_PERMITTED', `Action ${k + 1}: ${nameOf(world, actor)} cannot take "${def.name}".`);
        if (def.joint)
          return no(
            'NOT_PERMITTED',
            `Action ${k + 1}: "${def.name}" takes two; propose it as part of a deal.`,
          );
        const bad =
          checkTarget(world, def, actor, c.target, `Action ${k + 1}`) ??
          checkAvailable(world, def, facts!, actor, c.target as string | undefined, `Action ${k + 1}`);
        if (bad) return bad;
        const key = `${def.id}>${String(c.target ?? '')}`;
        if (keys.has(key)) return no('DUPLICATE', `Action ${k + 1}: "${def.name}" is chosen twice.`);
        keys.add(key);
        defs.push(def);
      }
      return unaffordable(world, s, i, defs);
    }
  }
  return no('MALFORMED', `Unknown phase "${String((input as { phase: unknown }).phase)}".`);
}
