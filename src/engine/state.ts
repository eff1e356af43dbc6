/**
 * Building and reading the game state: actor indices, pairwise arrays, bounds, cloning.
 */
import { seedState } from './rng.ts';
import { ACTOR_VARS } from './types.ts';
import type { ActorId, ActorState, ActorVar, Agreement, GameState, World } from './types.ts';

export const clamp = (x: number, lo = 0, hi = 100): number => (x < lo ? lo : x > hi ? hi : x);

/** Index of an actor id in the world, or -1. */
export function indexOf(world: World, id: ActorId): number {
  const actors = world.actors;
  for (let i = 0; i < actors.length; i++) if (actors[i]!.id === id) return i;
  return -1;
}

/**
 * The refusal that keeps `a` and `b` apart (`World.refusals`), as [who refuses, whom], either way round; null when
 * neither refuses the other.
 */
export function refusalBetween(world: World, a: ActorId, b: ActorId): readonly [ActorId, ActorId] | null {
  const rs = world.refusals;
  if (!rs) return null;
  for (const r of rs) if ((r[0] === a && r[1] === b) || (r[0] === b && r[1] === a)) return r;
  return null;
}

/** The first refusal (see `refusalBetween`) between two of `parties`, or null when none keeps any two apart. */
export function refusalAmong(world: World, parties: readonly ActorId[]): readonly [ActorId, ActorId] | null {
  if (!world.refusals?.length) return null;
  for (let x = 0; x < parties.length; x++)
    for (let y = x + 1; y < parties.length; y++) {
      const r = refusalBetween(world, parties[x]!, parties[y]!);
      if (r) return r;
    }
  return null;
}

export function idOf(world: World, i: number): ActorId {
  return world.actors[i]!.id;
}

/**
 * Where the pair (from, to) sits in a flat n×n table of the state (trust, sanctions, lifeline, channels,
 * alliances, rivalries): row `from`, column `to`. Every such table is read and written through this.
 */
export const pairIndex = (n: number, from: number, to: number): number => from * n + to;

export function trustOf(world: World, s: GameState, from: ActorId, to: ActorId): number {
  const n = world.actors.length;
  return s.trust[pairIndex(n, indexOf(world, from), indexOf(world, to))]!;
}

/** Adds to a pair value and keeps it in [lo, hi]. */
export function addPair(
  arr: number[],
  n: number,
  from: number,
  to: number,
  delta: number,
  lo = 0,
  hi = 100,
): void {
  const k = pairIndex(n, from, to);
  arr[k] = clamp(arr[k]! + delta, lo, hi);
}

export function setSymmetric(arr: number[], n: number, a: number, b: number, value: number): void {
  arr[pairIndex(n, a, b)] = value;
  arr[pairIndex(n, b, a)] = value;
}

export function addVar(a: ActorState, v: ActorVar, delta: number): void {
  a[v] = clamp(a[v] + delta);
}

/** The six variables of anything that carries them (an actor's state, a scenario's actor), as a fresh record. */
export function pickVars(x: Record<ActorVar, number>): Record<ActorVar, number> {
  const out = {} as Record<ActorVar, number>;
  for (const v of ACTOR_VARS) out[v] = x[v];
  return out;
}

export const SANCTIONS_MAX = 3;
export const LIFELINE_MAX = 3;

/** A table by government (`table[a][b]`, as scenarios and player views hold them) as a state's flat n × n array; missing pairs are 0. */
export function pairGrid(
  world: World,
  table: Readonly<Record<ActorId, Readonly<Record<ActorId, number>>>>,
): number[] {
  const n = world.actors.length;
  const out = new Array<number>(n * n).fill(0);
  for (const [a, row] of Object.entries(table))
    for (const [b, v] of Object.entries(row)) out[pairIndex(n, indexOf(world, a), indexOf(world, b))] = v;
  return out;
}

/** A new game at the start of round 1, before its events. */
/** Whether actor `i` is at the table this round: it has joined and not yet left. */
export function present(world: World, s: { round: number }, i: number): boolean {
  const a = world.actors[i];
  return a !== undefined && s.round >= (a.joins ?? 1) && (a.leaves === undefined || s.round < a.leaves);
}

/** Why an actor is not at the table this round, in words, or null when it is. */
export function absence(world: World, s: { round: number }, i: number): string | null {
  if (present(world, s, i)) return null;
  const a = world.actors[i]!;
  return a.leaves !== undefined && s.round >= a.leaves
    ? `${a.id} left the table in round ${a.leaves}`
    : `${a.id} joins the table only in round ${a.joins ?? 1}`;
}

export function newGame(world: World, seed: string | number): GameState {
  const n = world.actors.length;
  const init = world.initial;
  const zeros = (): number[] => new Array<number>(n * n).fill(0);
  const trust = new Array<number>(n * n).fill(init.defaultTrust);
  const sanctions = pairGrid(world, init.sanctions);
  const lifeline = pairGrid(world, init.lifeline);
  const hotline = zeros();
  const backchannel = zeros();
  const alliance = zeros();
  const rivalry = zeros();
  const idx = (id: ActorId): number => indexOf(world, id);
  for (let i = 0; i < n; i++) trust[pairIndex(n, i, i)] = 100;
  for (const [a, row] of Object.entries(init.trust))
    for (const [b, v] of Object.entries(row)) trust[pairIndex(n, idx(a), idx(b))] = v;
  for (const c of init.channels)
    setSymmetric(c.channel === 'hotline' ? hotline : backchannel, n, idx(c.a), idx(c.b), 1);
  for (const [a, b] of init.alliances) setSymmetric(alliance, n, idx(a), idx(b), 1);
  for (const [a, b] of init.rivalries) setSymmetric(rivalry, n, idx(a), idx(b), 1);
  const actors: ActorState[] = world.actors.map((def) => {
    const start = init.actors[def.id]!;
    return {
      leader: {
        name: start.leader.name,
        stance: start.leader.stance,
        termEnds: start.leader.termEnds ?? null,
        since: 0,
      },
      successorsUsed: 0,
      ...pickVars(start.vars), // after the leader: key order is part of the state's hash
    };
  });
  return {
    round: 1,
    phase: 'events',
    actors,
    trust,
    sanctions,
    lifeline,
    hotline,
    backchannel,
    alliance,
    rivalry,
    tension: init.tension,
    stage: init.stage,
    forum: 0,
    offers: [],
    agreements: [],
    nextId: 1,
    inbox: new Array<null>(n).fill(null),
    firedEvents: [],
    recent: {},
    log: [],
    causes: [],
    history: [],
    rng: seedState(seed),
    end: null,
  };
}

/**
 * A deep copy, written out by hand: rules copy the state once per step and then work on the copy,
 * so the pure step functions never touch their input. (Much faster than structuredClone.)
 */
export function cloneState(s: GameState): GameState {
  return {
    round: s.round,
    phase: s.phase,
    actors: s.actors.map((a) => ({ ...a, leader: { ...a.leader } })),
    trust: s.trust.slice(),
    sanctions: s.sanctions.slice(),
    lifeline: s.lifeline.slice(),
    hotline: s.hotline.slice(),
    backchannel: s.backchannel.slice(),
    alliance: s.alliance.slice(),
    rivalry: s.rivalry.slice(),
    tension: s.tension,
    stage: s.stage,
    forum: s.forum,
    // Closed offers and ended agreements are never changed again, so copies share them.
    offers: s.offers.map((o) =>
      o.status === 'open'
        ? {
            ...o,
            terms: o.terms.map((t) => ({ ...t })),
            parties: o.parties.slice(),
            accepted: o.accepted.slice(),
          }
        : o,
    ),
    agreements: s.agreements.map((g) => (g.status === 'active' ? copyAgreement(g, g.record.slice()) : g)),
    nextId: s.nextId,
    inbox: s.inbox.slice(),
    firedEvents: s.firedEvents.slice(),
    ...(s.injected ? { injected: s.injected.slice() } : {}),
    recent: { ...s.recent },
    log: s.log.slice(), // entries are never changed once written
    ...(s.causes ? { causes: s.causes.slice() } : {}),
    history: s.history.slice(),
    rng: { ...s.rng },
    end: s.end ? { ...s.end } : null,
  };
}

/**
 * A copy of an agreement's terms and standing with the given step record (step records themselves are never
 * changed once written, so a record may be shared, filtered or replaced).
 */
export function copyAgreement<R>(
  g: Omit<Agreement, 'record'>,
  record: R,
  /** Copies of the parties, terms and signers made once and shared (the player views' cache). */
  shared?: Pick<Agreement, 'parties' | 'terms' | 'signers'>,
): Omit<Agreement, 'record'> & { record: R } {
  return {
    id: g.id,
    offer: g.offer,
    parties: shared ? shared.parties : g.parties.slice(),
    mediator: g.mediator,
    terms: shared ? shared.terms : g.terms.map((t) => ({ ...t })),
    verification: g.verification,
    steps: g.steps,
    done: g.done,
    strikes: g.strikes,
    status: g.status,
    signed: g.signed,
    ended: g.ended,
    signers: shared ? shared.signers : { ...g.signers },
    record,
  };
}

/** The round as a calendar quarter, e.g. "2018 Q2". */
export function roundDate(world: World, round: number): string {
  const q = world.start.quarter - 1 + (round - 1);
  return `${world.start.year + Math.floor(q / 4)} Q${(q % 4) + 1}`;
}
