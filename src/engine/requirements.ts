/**
 * Whether an action makes sense now: its catalogue `requires` list checked against facts that both the full
 * state and a player's view can give, so the rules and every player agree on what is available.
 */
import { allHold, isSpent } from './metrics.ts';
import { LIFELINE_MAX, SANCTIONS_MAX, indexOf, pairIndex } from './state.ts';
import type { ActionDef, ActorId, Condition, GameState, Requirement, World } from './types.ts';
import type { PlayerView } from './view.ts';

export interface Facts {
  forum: number;
  sanctions(from: ActorId, to: ActorId): number;
  lifeline(from: ActorId, to: ActorId): number;
  channel(kind: 'hotline' | 'backchannel', a: ActorId, b: ActorId): boolean;
  programme(of: ActorId): number;
  rivals(a: ActorId, b: ActorId): boolean;
  /** Whether the conditions the scenario sets for an action (its `when`) all hold now. */
  allowed(def: ActionDef): boolean;
  /** Whether an act sold once (`once`) has been: promised in a signed deal or taken on its own, by anyone. */
  spent(def: ActionDef): boolean;
}

/**
 * Why an action is not available: a requirement of the catalogue, an act sold once already sold (`once`), or the
 * scenario's conditions for it.
 */
export type Unmet = Requirement | 'once' | 'conditions';

export const REQUIREMENT_TEXT: Record<Unmet, string> = {
  conditions: 'the conditions the scenario sets for it do not hold now',
  once: 'it can be done or promised only once, and already has been',
  'no-forum': 'multilateral talks are already convened',
  'sanctions-on-target': 'there are no sanctions on the target to lift',
  'sanctions-below-max': 'sanctions on the target are already at the maximum',
  'lifeline-to-target': 'there is no lifeline to the target to cut',
  'lifeline-below-max': 'the lifeline to the target is already at the maximum',
  'no-hotline': 'a hotline with the target is already open',
  'no-backchannel': 'a backchannel with the target is already open',
  'has-programme': 'there is no nuclear programme left to act on',
  'target-rival': 'it is aimed only at rivals',
  'target-not-rival': 'it is shared only with partners, not rivals',
};

/** Whether one requirement holds for `self` acting at `target` (itself when the action is not aimed). */
function meets(r: Requirement, f: Facts, self: ActorId, target: ActorId | undefined): boolean {
  const t = target ?? self;
  switch (r) {
    case 'no-forum':
      return f.forum <= 0;
    case 'sanctions-on-target':
      return f.sanctions(self, t) > 0;
    case 'sanctions-below-max':
      return f.sanctions(self, t) < SANCTIONS_MAX;
    case 'lifeline-to-target':
      return f.lifeline(self, t) > 0;
    case 'lifeline-below-max':
      return f.lifeline(self, t) < LIFELINE_MAX;
    case 'no-hotline':
      return !f.channel('hotline', self, t);
    case 'no-backchannel':
      return !f.channel('backchannel', self, t);
    case 'has-programme':
      return f.programme(self) > 0;
    case 'target-rival':
      return target !== undefined && f.rivals(self, target);
    case 'target-not-rival':
      return target !== undefined && !f.rivals(self, target);
  }
}

/**
 * Why the action is not available, or null when it is: an act sold once and already sold first (nothing brings it
 * back), then the first requirement that does not hold, then the scenario's conditions.
 */
export function unmet(def: ActionDef, f: Facts, self: ActorId, target: ActorId | undefined): Unmet | null {
  if (def.once && f.spent(def)) return 'once';
  const rs = def.requires;
  for (let k = 0; k < rs.length; k++) if (!meets(rs[k]!, f, self, target)) return rs[k]!;
  if (def.when && def.when.length > 0 && !f.allowed(def)) return 'conditions';
  return null;
}

/** A government's name, for words shown to players (its id if the world does not know it). */
export const nameOf = (world: World, id: ActorId): string =>
  world.actors.find((a) => a.id === id)?.name ?? id;

/** Bounds in words: "at least 40", "at most 35", "from 20 to 60". */
function boundsText(lo: number | undefined, hi: number | undefined): string {
  if (lo !== undefined && hi !== undefined) return `from ${lo} to ${hi}`;
  return lo !== undefined ? `at least ${lo}` : `at most ${hi ?? 100}`;
}

/** A stage bound (the engine measures the stage from 0 to 100) as the stage's name. */
function stageBound(world: World, v: number): string {
  const k = Math.round((v * (world.stages.length - 1)) / 100);
  return `“${world.stages[k] ?? k}”`;
}

/**
 * A condition in words, in the present tense, as it must hold: "China's trust in North Korea is at most 35",
 * "North Korea has taken “Nuclear test” in the last 2 rounds". For the reasons an action is not available.
 */
export function conditionWords(world: World, c: Condition): string {
  if ('fact' in c) {
    const not = c.not ? ' not' : '';
    const action = (id: string): string => `“${world.actions[world.actionIndex[id] ?? -1]?.name ?? id}”`;
    switch (c.fact) {
      case 'leader':
        return `${nameOf(world, c.of)} is${not} led by ${c.is}`;
      case 'action':
        return `${c.by ? `${nameOf(world, c.by)} has${not}` : c.not ? 'no one has' : 'someone has'} taken ${action(c.action)}${c.target ? ` toward ${nameOf(world, c.target)}` : ''}${c.within ? ` in the last ${c.within} round${c.within === 1 ? '' : 's'}` : ''}`;
      case 'deal':
        return `${c.not ? 'no' : 'a'} deal with ${action(c.action)}${c.by ? ` by ${nameOf(world, c.by)}` : ''} has been ${c.status}`;
      case 'event':
        return `“${world.events.find((e) => e.id === c.event)?.name ?? c.event}” has${not} happened`;
      case 'channel':
        return `the ${c.channel} between ${nameOf(world, c.a)} and ${nameOf(world, c.b)} is${not} open`;
      case 'pair':
        return `${c.measure === 'trust' ? `${nameOf(world, c.from)}’s trust in ${nameOf(world, c.to)}` : `${c.measure === 'sanctions' ? 'the sanctions' : 'the lifeline'} from ${nameOf(world, c.from)} to ${nameOf(world, c.to)}`} is ${boundsText(c.atLeast, c.atMost)}`;
    }
  }
  if (c.metric === 'stage')
    return `the peace process is ${c.atLeast !== undefined && c.atMost !== undefined ? `from ${stageBound(world, c.atLeast)} to ${stageBound(world, c.atMost)}` : c.atLeast !== undefined ? `at ${stageBound(world, c.atLeast)} or beyond` : `at ${stageBound(world, c.atMost ?? 100)} or before`}`;
  const whose = 'of' in c && c.of ? `${nameOf(world, c.of)}’s ` : '';
  return `${whose}${c.metric.replace(/-/g, ' ')} is ${boundsText(c.atLeast, c.atMost)}`;
}

/** Why an action is not available, in words: the requirement's sentence, or the scenario's conditions that fail. */
export function unmetText(world: World, def: ActionDef, r: Unmet, failing?: readonly Condition[]): string {
  if (r !== 'conditions') return REQUIREMENT_TEXT[r];
  const cs = failing ?? def.when ?? [];
  return cs.length
    ? `it can be taken only while ${cs.map((c) => conditionWords(world, c)).join(', and ')}`
    : REQUIREMENT_TEXT[r];
}

/** Facts read from the full state (a class, so making one allocates a single object and no closures). */
class StateFacts implements Facts {
  readonly forum: number;
  private readonly n: number;

  constructor(
    private readonly world: World,
    private readonly s: GameState,
  ) {
    this.forum = s.forum;
    this.n = world.actors.length;
  }

  private k(a: ActorId, b: ActorId): number {
    return pairIndex(this.n, indexOf(this.world, a), indexOf(this.world, b));
  }

  sanctions(a: ActorId, b: ActorId): number {
    return this.s.sanctions[this.k(a, b)]!;
  }

  lifeline(a: ActorId, b: ActorId): number {
    return this.s.lifeline[this.k(a, b)]!;
  }

  channel(kind: 'hotline' | 'backchannel', a: ActorId, b: ActorId): boolean {
    return (kind === 'hotline' ? this.s.hotline : this.s.backchannel)[this.k(a, b)] === 1;
  }

  programme(a: ActorId): number {
    return this.s.actors[indexOf(this.world, a)]!.nuclear;
  }

  rivals(a: ActorId, b: ActorId): boolean {
    return this.s.rivalry[this.k(a, b)] === 1;
  }

  allowed(def: ActionDef): boolean {
    return allHold(this.world, this.s, def.when ?? []);
  }

  spent(def: ActionDef): boolean {
    return isSpent(this.world, this.s, def.id);
  }
}

/** Facts read from the full state. */
export function stateFacts(world: World, s: GameState): Facts {
  return new StateFacts(world, s);
}

/** The facts a plain view gives (its public tables, its own backchannels): what that government can check. */
class ViewFacts implements Facts {
  readonly forum: number;

  constructor(private readonly view: PlayerView) {
    this.forum = view.forum;
  }

  sanctions(a: ActorId, b: ActorId): number {
    return this.view.sanctions[a]?.[b] ?? 0;
  }

  lifeline(a: ActorId, b: ActorId): number {
    return this.view.lifeline[a]?.[b] ?? 0;
  }

  channel(kind: 'hotline' | 'backchannel', a: ActorId, b: ActorId): boolean {
    for (const c of this.view.channels)
      if (c.channel === kind && ((c.a === a && c.b === b) || (c.a === b && c.b === a))) return true;
    return false;
  }

  programme(a: ActorId): number {
    return this.view.actors.find((x) => x.id === a)?.vars.nuclear ?? 0;
  }

  rivals(a: ActorId, b: ActorId): boolean {
    for (const [x, y] of this.view.rivalries) if ((x === a && y === b) || (x === b && y === a)) return true;
    return false;
  }

  allowed(def: ActionDef): boolean {
    return !(this.view.barred ?? []).includes(def.id);
  }

  spent(def: ActionDef): boolean {
    return (this.view.spent ?? []).includes(def.id);
  }
}

/** The facts a view gives for checking an action's requirements (the same ones the rules check). */
export function viewFacts(view: PlayerView): Facts {
  return view.facts?.() ?? new ViewFacts(view);
}
