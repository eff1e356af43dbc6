/**
 * Shared set-up for the engine tests: the shipped world, driving a game phase by phase through `submit`,
 * resolving one commitment phase in isolation, reading the state by actor id, and whole seeded games.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_DIR, defaultCatalogue, readScenario } from '../../src/cli/files.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { STRATEGIES, computerChooser } from '../../src/ai/index.ts';
import type { Strategy } from '../../src/ai/index.ts';
import {
  ENGINE_VERSION,
  checkInput,
  indexOf,
  pickVars,
  resolve,
  runGame,
  startGame,
  submit,
} from '../../src/engine/index.ts';
import type {
  ActionChoice,
  ActionDef,
  ActorId,
  ActorVar,
  Answer,
  Decision,
  GameRecord,
  GameState,
  OfferDraft,
  PhaseInput,
  RecordedInput,
  Rules,
  Term,
  World,
} from '../../src/engine/index.ts';

export const WORLD: World = readScenario('panmunjom-2018').world;
/**
 * The same scenario with every catalogue action open to the governments the catalogue names, for the tests that
 * walk the whole catalogue: Panmunjom itself denies the North nuclear tests (`actions › deny`: it declared its
 * force complete in November 2017 and has not tested since).
 */
export const CATALOGUE_WORLD: World = (() => {
  const path = join(SCENARIO_DIR, 'panmunjom-2018.yaml');
  const text = readFileSync(path, 'utf8').replace(/^ {2}deny:\n(?: {4}.*\n)+/m, '');
  return loadScenario(path, text, defaultCatalogue()).world;
})();
export const IDS: readonly ActorId[] = WORLD.actors.map((a) => a.id);

/** A copy of a world with some rules changed (the world is plain data). */
export function withRules(world: World, patch: Partial<Rules>): World {
  return { ...world, rules: { ...world.rules, ...patch } };
}

/** A deep copy of plain JSON (for before/after comparisons and for editing a state by hand). */
export const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export const EMPTY = {
  proposing: { phase: 'proposing', offers: [] },
  responding: { phase: 'responding', answers: [] },
  commitment: { phase: 'commitment', decisions: [], actions: [] },
} as const satisfies Record<string, PhaseInput>;

export const proposing = (offers: OfferDraft[]): PhaseInput => ({ phase: 'proposing', offers });
export const responding = (answers: Answer[]): PhaseInput => ({ phase: 'responding', answers });
export const commitment = (actions: ActionChoice[] = [], decisions: Decision[] = []): PhaseInput => ({
  phase: 'commitment',
  decisions,
  actions,
});

/** Every seat submits through `submit`: the given input, or an empty one for the current phase. Fails loudly on a rejection. */
export function submitAll(
  world: World,
  s: GameState,
  inputs: Partial<Record<ActorId, PhaseInput>> = {},
): GameState {
  const phase = s.phase as keyof typeof EMPTY;
  if (!(phase in EMPTY)) throw new Error(`The game is not waiting for input (phase ${s.phase}).`);
  let cur = s;
  for (const a of world.actors) {
    const r = submit(world, cur, a.id, inputs[a.id] ?? EMPTY[phase]);
    if (!r.ok) throw new Error(`${a.id} rejected in ${phase}: ${r.rejection.code}: ${r.rejection.message}`);
    cur = r.value;
  }
  return cur;
}

/** A fresh game (round 1's events run) taken to its commitment phase: every seat proposed and answered nothing. */
export function atCommitment(world: World, seed: string | number = 'rules'): GameState {
  return submitAll(world, submitAll(world, startGame(world, seed)));
}

/**
 * The commitment phase with every seat's input collected but not yet closed: every seat but the last goes
 * through `submit`; the last one's input is checked with `checkInput` and put in the inbox by hand, so that
 * `resolve` can then be run on its own, without the reaction and the next round's events.
 */
export function collected(
  world: World,
  s: GameState,
  inputs: Partial<Record<ActorId, PhaseInput>> = {},
): GameState {
  if (s.phase !== 'commitment') throw new Error(`Expected the commitment phase, not ${s.phase}.`);
  const last = world.actors[world.actors.length - 1]!.id;
  let cur = s;
  for (const a of world.actors) {
    const input = inputs[a.id] ?? EMPTY.commitment;
    if (a.id === last) {
      const bad = checkInput(world, cur, a.id, input);
      if (bad) throw new Error(`${a.id} rejected in commitment: ${bad.code}: ${bad.message}`);
      cur = { ...cur, inbox: cur.inbox.map((x, i) => (i === indexOf(world, a.id) ? input : x)) };
    } else {
      const r = submit(world, cur, a.id, input);
      if (!r.ok)
        throw new Error(`${a.id} rejected in commitment: ${r.rejection.code}: ${r.rejection.message}`);
      cur = r.value;
    }
  }
  return cur;
}

/** The resolution phase alone: unilateral actions, agreement steps and the crisis check. */
export const resolveWith = (
  world: World,
  s: GameState,
  inputs: Partial<Record<ActorId, PhaseInput>> = {},
): GameState => resolve(world, collected(world, s, inputs));

// ---------------------------------------------------------------------------------------------
// Reading the state by id

export const ix = (id: ActorId, world: World = WORLD): number => indexOf(world, id);
export const varOf = (s: GameState, id: ActorId, v: ActorVar, world: World = WORLD): number =>
  s.actors[ix(id, world)]![v];
export type PairTable =
  'trust' | 'sanctions' | 'lifeline' | 'hotline' | 'backchannel' | 'alliance' | 'rivalry';
export const pairOf = (
  s: GameState,
  table: PairTable,
  a: ActorId,
  b: ActorId,
  world: World = WORLD,
): number => s[table][ix(a, world) * world.actors.length + ix(b, world)]!;
/** Sets a pair value in place (both directions when `symmetric`). */
export function setPair(
  s: GameState,
  table: PairTable,
  a: ActorId,
  b: ActorId,
  value: number,
  symmetric = false,
  world: World = WORLD,
): void {
  const n = world.actors.length;
  s[table][ix(a, world) * n + ix(b, world)] = value;
  if (symmetric) s[table][ix(b, world) * n + ix(a, world)] = value;
}
export const hawk = (id: ActorId, world: World = WORLD): number =>
  world.actors[ix(id, world)]!.hawkishness / 50;
export const others = (id: ActorId, world: World = WORLD): ActorId[] =>
  world.actors.map((a) => a.id).filter((x) => x !== id);

// ---------------------------------------------------------------------------------------------
// Reading the catalogue

export function actionDef(id: string, world: World = WORLD): ActionDef {
  const d = world.actions[world.actionIndex[id] ?? -1];
  if (!d) throw new Error(`No action ${id} in the catalogue.`);
  return d;
}

/** The delta of an action's `var` effect on a subject group (throws if the catalogue has none: the table is stale). */
export function varFx(def: ActionDef, who: string, v: ActorVar): number {
  const e = def.effects.find((x) => x.kind === 'var' && x.who === who && x.var === v);
  if (!e || e.kind !== 'var') throw new Error(`${def.id} has no ${v} effect on ${who}.`);
  return e.delta;
}

export function tensionFx(def: ActionDef): number {
  const e = def.effects.find((x) => x.kind === 'tension');
  if (!e || e.kind !== 'tension') throw new Error(`${def.id} has no tension effect.`);
  return e.delta;
}

/** The trust change a reading gives one observer group (throws if the catalogue has none). */
export function readingFx(def: ActionDef, observers: string): number {
  const r = def.readings.find((x) => x.observers === observers);
  if (!r) throw new Error(`${def.id} has no reading for ${observers}.`);
  return r.trust;
}

// ---------------------------------------------------------------------------------------------
// Offers

export const term = (by: ActorId, action: string, target?: ActorId): Term =>
  target === undefined ? { by, action } : { by, action, target };
export const offer = (
  terms: Term[],
  verification: OfferDraft['verification'] = 'inspections',
  steps = 1,
  expires = 1,
): OfferDraft => ({
  terms,
  verification,
  steps,
  expires,
});

/** The ROK–DPRK swap used across the offer tests: family reunions for a missile-test moratorium. */
export const REUNIONS_FOR_MORATORIUM = [
  term('ROK', 'family-reunions', 'DPRK'),
  term('DPRK', 'missile-moratorium'),
];

/**
 * A game at its commitment phase in which `from` proposed `draft` and every other party accepted it:
 * one active agreement, whose id is returned.
 */
export function signed(
  world: World,
  draft: OfferDraft,
  from: ActorId,
  seed: string | number = 'deal',
  start?: GameState,
): { s: GameState; id: number } {
  const s0 = start ?? startGame(world, seed);
  const s1 = submitAll(world, s0, { [from]: proposing([draft]) });
  const o = s1.offers[s1.offers.length - 1]!;
  const answers: Partial<Record<ActorId, PhaseInput>> = {};
  for (const p of o.parties) if (p !== from) answers[p] = responding([{ offer: o.id, reply: 'accept' }]);
  const s2 = submitAll(world, s1, answers);
  const g = s2.agreements.find((x) => x.offer === o.id);
  if (!g) throw new Error('The offer was not signed.');
  return { s: s2, id: g.id };
}

/** Every party's decision on one agreement, in a commitment input per party. */
export function decide(
  id: number,
  honour: Partial<Record<ActorId, boolean>>,
): Partial<Record<ActorId, PhaseInput>> {
  const out: Partial<Record<ActorId, PhaseInput>> = {};
  for (const [p, h] of Object.entries(honour)) out[p] = commitment([], [{ agreement: id, honour: h! }]);
  return out;
}

/** From a commitment phase, runs empty proposals and answers up to the next round's commitment. */
export const nextCommitment = (world: World, s: GameState): GameState =>
  submitAll(world, submitAll(world, s));

// ---------------------------------------------------------------------------------------------
// Whole games

export type StrategyId = 'random' | 'reciprocal' | 'objective';

export function seatsOf(world: World, seats: StrategyId | readonly StrategyId[]): Record<ActorId, Strategy> {
  return Object.fromEntries(
    world.actors.map((a, i) => [
      a.id,
      STRATEGIES[typeof seats === 'string' ? seats : seats[i % seats.length]!]!,
    ]),
  );
}

export interface Played {
  final: GameState;
  inputs: RecordedInput[];
  record: GameRecord;
}

/** A whole computer-played game in batch, with its record. */
export function play(
  world: World,
  seed: string,
  seats: StrategyId | readonly StrategyId[] = 'reciprocal',
): Played {
  const inputs: RecordedInput[] = [];
  const final = runGame(
    world,
    startGame(world, seed),
    computerChooser(world, seed, seatsOf(world, seats)),
    (r) => inputs.push(r),
  );
  const record: GameRecord = {
    engine: ENGINE_VERSION,
    scenario: { id: world.id, hash: world.hash },
    seed,
    seats: Object.fromEntries(
      world.actors.map((a, i) => [a.id, typeof seats === 'string' ? seats : seats[i % seats.length]!]),
    ),
    inputs,
  };
  return { final, inputs, record };
}

/** The states seen while feeding recorded inputs one by one through `submit` (index k: after k inputs). */
export function statesAlong(world: World, seed: string, inputs: readonly RecordedInput[]): GameState[] {
  const out = [startGame(world, seed)];
  for (const r of inputs) {
    const res = submit(world, out[out.length - 1]!, r.actor, r.input);
    if (!res.ok) throw new Error(`Recorded input rejected: ${res.rejection.code}`);
    out.push(res.value);
  }
  return out;
}

/**
 * Makes `s` a round that began at `stage`: the stage limits of a round (one step from where it began) then
 * count from there. At round 1 it records the start as a snapshot of the state as it is.
 */
export function roundStartsAt(s: GameState, stage: number): void {
  const last = s.history[s.history.length - 1];
  if (last) last.stage = stage;
  else {
    const vars: Record<ActorId, Record<ActorVar, number>> = {};
    s.actors.forEach((a, i) => (vars[IDS[i]!] = pickVars(a)));
    s.history.push({ round: s.round - 1, tension: s.tension, stage, vars, trust: s.trust.slice() });
  }
}
