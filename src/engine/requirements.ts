/**
 * Whether an action makes sense now: its catalogue `requires` list checked against facts that both the full
 * state and a player's view can give, so the rules and every player agree on what is available.
 */
import { LIFELINE_MAX, SANCTIONS_MAX, indexOf, pairIndex } from './state.ts';
import type { ActionDef, ActorId, GameState, Requirement, World } from './types.ts';
import type { PlayerView } from './view.ts';

export interface Facts {
  forum: number;
  sanctions(from: ActorId, to: ActorId): number;
  lifeline(from: ActorId, to: ActorId): number;
  channel(kind: 'hotline' | 'backchannel', a: ActorId, b: ActorId): boolean;
  programme(of: ActorId): number;
  rivals(a: ActorId, b: ActorId): boolean;
}

export const REQUIREMENT_TEXT: Record<Requirement, string> = {
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

/** The first requirement that does not hold, or null when the action is available. */
export function unmet(
  def: ActionDef,
  f: Facts,
  self: ActorId,
  target: ActorId | undefined,
): Requirement | null {
  const rs = def.requires;
  for (let k = 0; k < rs.length; k++) if (!meets(rs[k]!, f, self, target)) return rs[k]!;
  return null;
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
}

/** The facts a view gives for checking an action's requirements (the same ones the rules check). */
export function viewFacts(view: PlayerView): Facts {
  return view.facts?.() ?? new ViewFacts(view);
}
