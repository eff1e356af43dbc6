/**
 * Whether an action makes sense now: its catalogue `requires` list checked against facts that both the full
 * state and a player's view can give, so the rules and every player agree on what is available.
 */
import { LIFELINE_MAX, SANCTIONS_MAX, indexOf } from './state.ts';
import type { ActionDef, ActorId, GameState, Requirement, World } from './types.ts';

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

/** The first requirement that does not hold, or null when the action is available. */
export function unmet(
  def: ActionDef,
  f: Facts,
  self: ActorId,
  target: ActorId | undefined,
): Requirement | null {
  for (const r of def.requires) {
    const t = target ?? self;
    const ok = ((): boolean => {
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
    })();
    if (!ok) return r;
  }
  return null;
}

/** Facts read from the full state. */
export function stateFacts(world: World, s: GameState): Facts {
  const n = world.actors.length;
  const k = (a: ActorId, b: ActorId): number => indexOf(world, a) * n + indexOf(world, b);
  return {
    forum: s.forum,
    sanctions: (a, b) => s.sanctions[k(a, b)]!,
    lifeline: (a, b) => s.lifeline[k(a, b)]!,
    channel: (kind, a, b) => (kind === 'hotline' ? s.hotline : s.backchannel)[k(a, b)] === 1,
    programme: (a) => s.actors[indexOf(world, a)]!.nuclear,
    rivals: (a, b) => s.rivalry[k(a, b)] === 1,
  };
}
