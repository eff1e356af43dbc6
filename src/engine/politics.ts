/**
 * Domestic politics and leaders: elections on schedule, leadership changes by event or collapse of support,
 * a new leader's review of inherited deals, and a hardline turn for unelected leaders who lose support.
 */
import { chance } from './rng.ts';
import type { Rng } from './rng.ts';
import { addPair, clamp } from './state.ts';
import type { ActorId, GameState, LeaderCause, LogEntry, LogFact, World } from './types.ts';

/** Adds a line to the log: public unless `to` names who saw it. */
export function log(s: GameState, fact: LogFact, to: ActorId[] | null = null): void {
  const entry = { round: s.round, ...fact, to } as LogEntry;
  // Only defined fields, so the state stays plain JSON that survives a round trip exactly.
  for (const k of Object.keys(entry) as (keyof LogEntry)[]) if (entry[k] === undefined) delete entry[k];
  s.log.push(entry);
}

/**
 * Installs a new leader. Each active deal of that government is reviewed: the more hawkish the newcomer
 * than the predecessor, the likelier it walks away, which the other parties feel as a broken promise.
 */
export function changeLeader(
  world: World,
  s: GameState,
  i: number,
  name: string,
  stance: number,
  cause: { cause: LeaderCause; event?: string },
  rng: Rng,
  termRounds?: number,
): void {
  const def = world.actors[i]!;
  const a = s.actors[i]!;
  const old = a.leader;
  const term = termRounds ?? def.termRounds;
  a.leader = { name, stance: clamp(stance), termEnds: def.elected ? s.round + term : null, since: s.round };
  a.support = Math.max(a.support, world.rules.honeymoonSupport);
  log(s, {
    kind: 'leader',
    actor: def.id,
    leader: name,
    replaced: old.name,
    cause: cause.cause,
    ref: cause.event,
  });
  const n = world.actors.length;
  const p = world.rules.walkAwayPerStance * Math.max(0, old.stance - a.leader.stance);
  for (const g of s.agreements) {
    if (g.status !== 'active' || !g.parties.includes(def.id) || !chance(rng, p)) continue;
    g.status = 'abandoned';
    g.ended = s.round;
    s.tension = clamp(s.tension + world.rules.tensionOnBreak / 2);
    for (const other of g.parties)
      if (other !== def.id)
        addPair(
          s.trust,
          n,
          world.actors.findIndex((x) => x.id === other),
          i,
          -world.rules.trustBroken,
        );
    log(s, { kind: 'walked-away', actor: def.id, ref: g.id, leader: name, signer: old.name });
  }
}

/** The next challenger from the scenario's list, or a generic one who swings the stance. */
function successor(world: World, s: GameState, i: number): { name: string; stance: number } {
  const def = world.actors[i]!;
  const a = s.actors[i]!;
  const next = def.successors[a.successorsUsed];
  if (next) {
    a.successorsUsed++;
    return next;
  }
  return { name: `New government of ${def.name}`, stance: 100 - a.leader.stance };
}

/** A scheduled election: the incumbent side wins with a chance that rises with support. */
export function holdElection(world: World, s: GameState, i: number, rng: Rng): void {
  const def = world.actors[i]!;
  const a = s.actors[i]!;
  const pKeep = 1 / (1 + Math.exp(-(a.support - 50) / world.rules.electionSpread));
  if (chance(rng, pKeep)) {
    a.leader.termEnds = s.round + def.termRounds;
    log(s, { kind: 'election', actor: def.id, leader: a.leader.name, won: true, support: a.support });
    return;
  }
  const next = successor(world, s, i);
  log(s, { kind: 'election', actor: def.id, leader: a.leader.name, won: false, support: a.support });
  changeLeader(world, s, i, next.name, next.stance, { cause: 'election' }, rng);
}

/** A leader whose support falls under the floor: an elected one falls; an unelected one turns hardline. */
export function checkSupport(world: World, s: GameState, i: number, rng: Rng): void {
  const def = world.actors[i]!;
  const a = s.actors[i]!;
  if (a.support >= world.rules.supportFloor) return;
  if (def.elected) {
    const next = successor(world, s, i);
    changeLeader(world, s, i, next.name, next.stance, { cause: 'collapse' }, rng);
  } else {
    a.leader.stance = clamp(a.leader.stance - world.rules.hardlineShift);
    a.support = clamp(a.support + world.rules.hardlineShift / 2);
    log(s, { kind: 'hardline', actor: def.id, leader: a.leader.name });
  }
}
