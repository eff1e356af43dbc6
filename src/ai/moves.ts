/**
 * What a government can legally do, read from its player view and the catalogue: the building blocks
 * every strategy shares, so that no strategy produces an input the engine would reject.
 */
import { MEDIATE, findAction, mayTake, unmet } from '../engine/index.ts';
import type {
  ActionChoice,
  ActionDef,
  ActorId,
  Facts,
  OfferDraft,
  PlayerView,
  Term,
  World,
} from '../engine/index.ts';

export const others = (world: World, me: ActorId): ActorId[] =>
  world.actors.map((a) => a.id).filter((id) => id !== me);

/** Whether I can pay for these actions now. */
export function affordable(view: PlayerView, world: World, choices: readonly ActionChoice[]): boolean {
  const mine = view.actors.find((a) => a.id === view.me)!.vars;
  const need: Record<string, number> = {};
  for (const c of choices)
    for (const [v, x] of Object.entries(findAction(world, c.action)!.cost))
      need[v] = (need[v] ?? 0) + (x ?? 0);
  return Object.entries(need).every(([v, x]) => x <= mine[v as keyof typeof mine]);
}

/** The facts a view gives for checking an action's requirements (the same ones the rules check). */
export function viewFacts(view: PlayerView): Facts {
  const open = (kind: string, a: ActorId, b: ActorId): boolean =>
    view.channels.some((c) => c.channel === kind && ((c.a === a && c.b === b) || (c.a === b && c.b === a)));
  return {
    forum: view.forum,
    sanctions: (a, b) => view.sanctions[a]?.[b] ?? 0,
    lifeline: (a, b) => view.lifeline[a]?.[b] ?? 0,
    channel: (kind, a, b) => open(kind, a, b),
    programme: (a) => view.actors.find((x) => x.id === a)?.vars.nuclear ?? 0,
    rivals: (a, b) => view.rivalries.some(([x, y]) => (x === a && y === b) || (x === b && y === a)),
  };
}

/** Every single action I may take on my own this round, with each possible target. */
export function legalActions(
  world: World,
  view: PlayerView,
  filter: (d: ActionDef) => boolean = () => true,
): ActionChoice[] {
  const facts = viewFacts(view);
  const out: ActionChoice[] = [];
  for (const d of world.actions) {
    if (d.joint || !mayTake(d, view.me) || !filter(d)) continue;
    if (!d.targeted) {
      if (!unmet(d, facts, view.me, undefined)) out.push({ action: d.id });
    } else
      for (const t of others(world, view.me))
        if ((!d.targets || d.targets.includes(t)) && !unmet(d, facts, view.me, t))
          out.push({ action: d.id, target: t });
  }
  return out.filter((c) => affordable(view, world, [c]));
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
  for (const d of world.actions) {
    if (!d.dealable || !mayTake(d, by) || !filter(d) || unmet(d, facts, by, d.targeted ? to : undefined))
      continue;
    if (d.targeted && d.targets && !d.targets.includes(to)) continue;
    // A backchannel between two others is hidden from me, so I cannot know whether one is already open.
    if (by !== view.me && to !== view.me && d.requires.includes('no-backchannel')) continue;
    out.push(d.targeted ? { by, action: d.id, target: to } : { by, action: d.id });
  }
  return out;
}

/** Whether a draft between me and `other` would pass the engine's checks on contact and forum. */
export function canPropose(view: PlayerView, parties: readonly ActorId[]): boolean {
  if (parties.length > 2 && view.forum <= 0) return false;
  return parties.every((p) => p === view.me || view.contacts.includes(p));
}

export const mayMediate = (world: World, me: ActorId): boolean => {
  const d = findAction(world, MEDIATE);
  return d !== undefined && mayTake(d, me);
};

/** An agreement's parties other than me, and whether I saw all of them keep their last step. */
export function lastSeenKept(view: PlayerView, agreementId: number): boolean | null {
  const g = view.agreements.find((a) => a.id === agreementId);
  const last = g?.record[g.record.length - 1];
  if (!last) return null;
  return Object.values(last.saw).every(Boolean);
}

export function draft(
  terms: Term[],
  verification: OfferDraft['verification'],
  steps: number,
  expires = 1,
): OfferDraft {
  return { terms, verification, steps, expires };
}
