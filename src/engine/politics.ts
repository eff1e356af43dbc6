/**
 * Domestic politics and leaders: elections on schedule, leadership changes by event or collapse of support,
 * a new leader's review of inherited deals, and a hardline turn for unelected leaders who lose support.
 */
import { chance } from './rng.ts';
import type { Rng } from './rng.ts';
import { changeTension, changeTrust, changeVar, note } from './ledger.ts';
import { clamp } from './state.ts';
import type {
  ActorId,
  Cause,
  EventEffect,
  GameState,
  LeaderCause,
  LogEntry,
  LogFact,
  World,
} from './types.ts';

/** Adds a line to the log: public unless `to` names who saw it. */
export function log(s: GameState, fact: LogFact, to: ActorId[] | null = null): void {
  // Only defined fields, so the state stays plain JSON that survives a round trip exactly: the fields of
  // `{ round, ...fact, to }` in that order, built without `delete` (deleting a field before the last turns the
  // object into a slow dictionary, as a quarter of a game's lines were: an action without a target).
  const entry: Record<string, unknown> = { round: s.round };
  const f = fact as Record<string, unknown>;
  for (const k of Object.keys(f)) if (f[k] !== undefined) entry[k] = f[k];
  entry.to = to;
  s.log.push(entry as LogEntry);
}

/** Whether a government's leader may change now: at most one change of leader per government per round. */
export const mayChangeLeader = (s: GameState, i: number): boolean => s.actors[i]!.leader.since !== s.round;

/** Names the scenario's script gives a government's leaders: its starting leader and those its events install. */
const scripted = new WeakMap<World, Map<string, Set<string>>>();
function scriptedLeaders(world: World, actor: string): Set<string> {
  let m = scripted.get(world);
  if (!m) {
    m = new Map();
    for (const a of world.actors) m.set(a.id, new Set([world.initial.actors[a.id]!.leader.name]));
    for (const ev of world.events)
      for (const e of ev.effects) if (e.kind === 'leader') m.get(e.actor)?.add(e.name);
    scripted.set(world, m);
  }
  return m.get(actor) ?? new Set();
}

/**
 * Whether a scripted event's changes of leader still fit the game: each government it gives a new leader is
 * led by someone the script put there (history has not gone another way through an election or a fall), who
 * did not take office this round. An event that impeaches a president who already lost office does not fire.
 */
export function leaderEventFits(world: World, s: GameState, effects: readonly EventEffect[]): boolean {
  for (const e of effects) {
    if (e.kind !== 'leader') continue;
    const i = world.actors.findIndex((a) => a.id === e.actor);
    if (i < 0 || !mayChangeLeader(s, i)) return false;
    if (!scriptedLeaders(world, e.actor).has(s.actors[i]!.leader.name)) return false;
  }
  return true;
}

/**
 * Installs a new leader, unless this government's leader already changed this round. Each active deal of that government is reviewed: the more hawkish the newcomer
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
  if (!mayChangeLeader(s, i)) return;
  const def = world.actors[i]!;
  const a = s.actors[i]!;
  const old = a.leader;
  const term = termRounds ?? def.termRounds;
  a.leader = { name, stance: clamp(stance), termEnds: def.elected ? s.round + term : null, since: s.round };
  const was = a.support;
  a.support = Math.max(a.support, world.rules.honeymoonSupport);
  note(
    s,
    { kind: 'var', actor: def.id, var: 'support' },
    { kind: 'leader', actor: def.id, how: 'took-office' },
    a.support - was,
  );
  log(s, {
    kind: 'leader',
    actor: def.id,
    leader: name,
    replaced: old.name,
    cause: cause.cause,
    ref: cause.event,
  });
  const p = world.rules.walkAwayPerStance * Math.max(0, old.stance - a.leader.stance);
  for (const g of s.agreements) {
    if (g.status !== 'active' || !g.parties.includes(def.id) || !chance(rng, p)) continue;
    g.status = 'abandoned';
    g.ended = s.round;
    const why: Cause = { kind: 'agreement-end', agreement: g.id, how: 'abandoned' };
    changeTension(s, world.rules.tensionOnBreak / 2, why);
    for (const other of g.parties)
      if (other !== def.id)
        changeTrust(
          world,
          s,
          world.actors.findIndex((x) => x.id === other),
          i,
          -world.rules.trustBroken,
          why,
        );
    log(s, {
      kind: 'walked-away',
      actor: def.id,
      ref: g.id,
      leader: name,
      signer: g.signers[def.id] ?? old.name,
    });
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
  if (!mayChangeLeader(s, i)) return;
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
    if (!mayChangeLeader(s, i)) return; // a leader who took office this round is not brought down the same round
    const next = successor(world, s, i);
    changeLeader(world, s, i, next.name, next.stance, { cause: 'collapse' }, rng);
  } else {
    a.leader.stance = clamp(a.leader.stance - world.rules.hardlineShift);
    changeVar(world, s, i, 'support', world.rules.hardlineShift / 2, {
      kind: 'leader',
      actor: def.id,
      how: 'hardline',
    });
    log(s, { kind: 'hardline', actor: def.id, leader: a.leader.name });
  }
}
