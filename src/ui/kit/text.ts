/** Words for the screen: names, terms, variables and phases in plain language. */
import { findAction, nameOf, refusalBetween } from '../../engine/index.ts';
import type { ActionDef, ActorId, ActorVar, Term, Verification, World } from '../../engine/index.ts';

/** A government's name: the engine's. */
export { nameOf };

/** "You" for me, the government's name otherwise. */
export const who = (world: World, id: ActorId, me: ActorId): string =>
  id === me ? 'You' : nameOf(world, id);

/** Why two governments sign nothing together: a refusal of the scenario's (`World.refusals`), [who, whom]. */
export const refusalText = (world: World, r: readonly [ActorId, ActorId]): string =>
  `${nameOf(world, r[0])} signs nothing with ${nameOf(world, r[1])} in this scenario.`;

/** The governments a refusal keeps apart from `me`, each with why in words (`refusalText`), in the world's order. */
export function refusalsOf(world: World, me: ActorId): { id: ActorId; text: string }[] {
  return world.actors.flatMap((a) => {
    const r = a.id === me ? null : refusalBetween(world, me, a.id);
    return r ? [{ id: a.id, text: refusalText(world, r) }] : [];
  });
}

/** "North Korea: Freeze a nuclear site" or "You: Humanitarian aid to North Korea". */
export function termText(world: World, t: Term, me: ActorId): string {
  const def = findAction(world, t.action);
  const name = def?.name ?? t.action;
  return `${who(world, t.by, me)}: ${name}${t.target ? ` → ${t.target === me ? 'you' : nameOf(world, t.target)}` : ''}`;
}

export const VAR_LABELS: Record<ActorVar, string> = {
  security: 'Security',
  support: 'Support',
  economy: 'Economy',
  influence: 'Influence',
  nuclear: 'Nuclear',
  missile: 'Missiles',
};

export function varHelp(world: World, v: ActorVar): string {
  switch (v) {
    case 'security':
      return 'How safe the government feels from attack and coercion. Tests, drills and guarantees move it.';
    case 'support':
      return `Domestic support for the leader. Concessions cost it with a hawkish public; below ${world.rules.supportFloor} an elected leader falls and an unelected one turns hardline.`;
    case 'economy':
      return 'Economic health. Sanctions drain it each round; lifelines, aid and incentives feed it.';
    case 'influence':
      return 'Weight in regional diplomacy. Mediating, summits and convening talks raise it.';
    case 'nuclear':
      return "Nuclear programme level. North Korea's is the one that matters; freezes, inspections and dismantling lower it.";
    case 'missile':
      return 'Missile programme level. Tests raise it; a moratorium or dismantling holds it down.';
  }
}

export const TRUST_HELP =
  'How far your government trusts this one (0–100). It rises when you see them keep their word or make friendly gestures, and falls when you see them break a deal or provoke. Below the contact threshold you cannot make direct offers without a hotline, backchannel or mediator.';

export function verificationHelp(world: World, v: Verification): string {
  const pct = Math.round(world.rules.accuracy[v] * 100);
  switch (v) {
    case 'none':
      return `No verification: each side reads the other's compliance correctly ${pct}% of the time, so honest steps can look like cheating.`;
    case 'partial':
      return `Partial verification (monitors, reporting): compliance is read correctly ${pct}% of the time.`;
    case 'inspections':
      return `Inspections on site: compliance is read correctly ${pct}% of the time. Harder to agree to, hard to cheat.`;
  }
}

export const VERIFICATION_LABELS: Record<Verification, string> = {
  none: 'None',
  partial: 'Partial',
  inspections: 'Inspections',
};

export function costText(def: ActionDef): string {
  const parts = Object.entries(def.cost)
    .filter(([, x]) => x)
    .map(([v, x]) => `${x} ${v}`);
  return parts.length ? `costs ${parts.join(', ')}` : 'no cost';
}

export const VISIBILITY_TEXT: Record<ActionDef['visibility'], string> = {
  public: 'everyone sees it',
  target: 'only the target sees it',
  secret: 'secret; the target may detect it',
};

/** Replaces actor ids in engine-written log lines with names, so the log reads as prose. */
export function prose(world: World, text: string): string {
  let out = text;
  for (const a of world.actors) out = out.replace(new RegExp(`\\b${a.id}\\b`, 'g'), () => a.name); // a function: a name with $' stays text
  return out;
}

export const PHASE_TITLES: Record<string, string> = {
  proposing: 'Propose deals',
  responding: 'Answer offers',
  commitment: 'Keep or break your word, and act',
  over: 'The game is over',
};

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/** "first", "second"… (then "#9"). */
export const ordinal = (rank: number): string => ORDINALS[rank - 1] ?? `#${rank}`;

/**
 * Where `me` ranks among the governments by score, rounded as shown (ties share a rank), and who leads;
 * null when `me` has no score.
 */
export function rankOf(
  scores: Record<ActorId, number>,
  me: ActorId,
): { rank: number; tied: boolean; of: number; score: number; leader: ActorId; top: number } | null {
  const mine = scores[me];
  if (mine === undefined) return null;
  const all = Object.entries(scores).map(([id, s]) => [id, Math.round(s)] as const);
  const r = Math.round(mine);
  const [leader, top] = all.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    rank: 1 + all.filter(([, s]) => s > r).length,
    tied: all.some(([id, s]) => id !== me && s === r),
    of: all.length,
    score: r,
    leader,
    top,
  };
}
