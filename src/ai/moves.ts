/**
 * What a government can legally do, read from its player view and the catalogue: the building blocks
 * every strategy shares, so that no strategy produces an input the engine would reject.
 */
import {
  actionOption,
  costReason,
  findAction,
  indexOf,
  mayAim,
  mayBroker,
  mayProposeInView,
  mayTake,
  targetReason,
  termKey,
  termsKey,
  viewFacts,
} from '../engine/index.ts';
import { friendly, hostile } from './memory.ts';
import type {
  ActionChoice,
  ActionDef,
  ActorId,
  ActorVar,
  OfferDraft,
  PlayerView,
  Term,
  World,
} from '../engine/index.ts';

export const others = (world: World, me: ActorId): ActorId[] =>
  world.actors.map((a) => a.id).filter((id) => id !== me);

/** Anything goes: the default filter. */
export const anyAction = (_d: ActionDef): boolean => true;
/** What one gives or asks in a deal that costs at home or earns goodwill. */
export const concessionOrFriendly = (d: ActionDef): boolean => d.concession || friendly(d);

/**
 * Filters that read nothing but the catalogue entry, so which actions pass them is kept per world and actor
 * (what remains to check at each decision is only what depends on the state).
 */
const STABLE_FILTERS = new Set<(d: ActionDef) => boolean>([
  anyAction,
  friendly,
  hostile,
  concessionOrFriendly,
]);

type Kind = 'deal' | 'own';
const candidates = new WeakMap<World, Map<string, ActionDef[]>>();
const filterIds = new Map<(d: ActionDef) => boolean, number>();

function pickCandidates(
  world: World,
  kind: Kind,
  actor: ActorId,
  filter: (d: ActionDef) => boolean,
): ActionDef[] {
  return world.actions.filter(
    (d) => (kind === 'deal' ? d.dealable : !d.joint) && mayTake(d, actor) && filter(d),
  );
}

/** The catalogue entries `actor` may promise in a deal (`deal`) or take on its own (`own`) that pass `filter`. */
function candidatesFor(
  world: World,
  kind: Kind,
  actor: ActorId,
  filter: (d: ActionDef) => boolean,
): ActionDef[] {
  if (!STABLE_FILTERS.has(filter)) return pickCandidates(world, kind, actor, filter);
  let byKey = candidates.get(world);
  if (!byKey) candidates.set(world, (byKey = new Map()));
  let f = filterIds.get(filter);
  if (f === undefined) filterIds.set(filter, (f = filterIds.size));
  const key = `${kind}>${f}>${actor}`;
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = pickCandidates(world, kind, actor, filter)));
  return list;
}

/** Whether I can pay for these actions now (the engine's rule, `costReason`). */
export function affordable(view: PlayerView, world: World, choices: readonly ActionChoice[]): boolean {
  return (
    costReason(
      choices.map((c) => findAction(world, c.action)!),
      myVars(view),
    ) === null
  );
}

const myVars = (view: PlayerView): Record<ActorVar, number> =>
  view.actors.find((a) => a.id === view.me)!.vars;

export { viewFacts };

/** Every single action I may take on my own this round, with each possible target. */
export function legalActions(
  world: World,
  view: PlayerView,
  filter: (d: ActionDef) => boolean = anyAction,
): ActionChoice[] {
  const facts = viewFacts(view);
  const mine = myVars(view);
  const out: ActionChoice[] = [];
  for (const d of candidatesFor(world, 'own', view.me, filter)) {
    // The engine's answer for this action: its targets, and whether it can be chosen (and paid for) now.
    const o = actionOption(world, facts, d, view.me, mine);
    if (o.reason) continue;
    if (!o.targets) out.push({ action: d.id });
    else for (const t of o.targets) if (!t.reason) out.push({ action: d.id, target: t.id });
  }
  return out;
}

/** Terms `by` could promise to `to` now (as `view` sees the state), filtered. */
export function promisable(
  world: World,
  view: PlayerView,
  by: ActorId,
  to: ActorId,
  filter: (d: ActionDef) => boolean,
): Term[] {
  const facts = viewFacts(view);
  const out: Term[] = [];
  for (const d of candidatesFor(world, 'deal', by, filter)) {
    if (d.targeted && !mayAim(d, by, to)) continue;
    if (targetReason(d, facts, by, d.targeted ? to : undefined)) continue;
    // A backchannel between two others is hidden from me, so I cannot know whether one is already open.
    if (by !== view.me && to !== view.me && d.requires.includes('no-backchannel')) continue;
    out.push(d.targeted ? { by, action: d.id, target: to } : { by, action: d.id });
  }
  return out;
}

const promised = new WeakMap<object, Map<number, Term[]>>();

/**
 * `promisable(world, view, by, to, concessionOrFriendly)`, shared by every seat deciding on one state in one phase
 * (`table`, see `DecisionContext`): the lists read only public facts but for a backchannel, which only its two ends
 * see, so a list is shared between `by` and `to` and among the other seats. The lists are shared: not to be
 * changed. Without a table, each is read afresh.
 */
export function sharedPromisable(
  world: World,
  view: PlayerView,
  table: object | undefined,
): (by: ActorId, to: ActorId) => readonly Term[] {
  if (!table) return (by, to) => promisable(world, view, by, to, concessionOrFriendly);
  let lists = promised.get(table);
  if (!lists) promised.set(table, (lists = new Map()));
  const known = lists;
  const n = world.actors.length;
  return (by, to) => {
    const end = by === view.me || to === view.me ? 1 : 0;
    const key = (indexOf(world, by) * n + indexOf(world, to)) * 2 + end;
    let list = known.get(key);
    if (!list) known.set(key, (list = promisable(world, view, by, to, concessionOrFriendly)));
    return list;
  };
}

/** Whether a draft among `parties` would pass the engine's checks on contact, forum and refusals. */
export const canPropose = (world: World, view: PlayerView, parties: readonly ActorId[]): boolean =>
  mayProposeInView(world, view, parties);

export const mayMediate = (world: World, me: ActorId): boolean => mayBroker(world, me);

export function draft(
  terms: Term[],
  verification: OfferDraft['verification'],
  steps: number,
  expires = 1,
): OfferDraft {
  return { terms, verification, steps, expires };
}

/**
 * An offer a computer government writes, with its steps and expiry held within the scenario's rules: a player
 * that wants a deal in two steps, in a world whose deals have at most one (`max-steps: 1`), offers it in one.
 */
export function offerWithin(
  world: World,
  terms: Term[],
  verification: OfferDraft['verification'],
  steps: number,
  expires: number,
): OfferDraft {
  const r = world.rules;
  return {
    terms,
    verification,
    steps: Math.max(1, Math.min(steps, r.maxSteps)),
    expires: Math.max(1, Math.min(expires, r.maxExpiry)),
  };
}

/** A key for a term, and for a list of terms whatever their order: the engine's, which spots twin deals. */
export { termKey, termsKey };

/**
 * What this government proposed lately that was turned down or left to expire, by terms: a diplomat does not
 * put the same package again the round after it was refused, and waits `rounds` before trying it again.
 */
export function lately(view: PlayerView, rounds = 2): (terms: readonly Term[]) => boolean {
  const keys = new Set<string>();
  // Every term of a refused list, and the lists' lengths: a list with a term or a length no refused list has
  // was not refused, which is known without building its key (a search asks this of thousands of lists).
  const seen = new Set<string>();
  const lengths = new Set<number>();
  for (const o of view.offers)
    if (
      o.from === view.me &&
      (o.status === 'rejected' || o.status === 'expired') &&
      o.round >= view.round - rounds
    ) {
      keys.add(termsKey(o.terms));
      lengths.add(o.terms.length);
      for (const t of o.terms) seen.add(termKey(t));
    }
  return (terms) => {
    if (keys.size === 0 || !lengths.has(terms.length)) return false;
    for (const t of terms) if (!seen.has(termKey(t))) return false;
    return keys.has(termsKey(terms));
  };
}
