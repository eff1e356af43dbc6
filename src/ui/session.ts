/**
 * One player's game in the browser, as plain functions over the engine: the player's seat submits through
 * `submit`, every other seat is decided by its computer strategy on its own player view. No rules here:
 * the engine validates every input, and a rejection is handed back for the screen to show.
 */
import { checkInput, playerView, startGame, submit, waitingPhase } from '../engine/index.ts';
import type {
  ActorId,
  GameState,
  InputPhase,
  PhaseInput,
  PlayerView,
  Rejection,
  Rng,
  World,
} from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { DIFFICULTIES, STRATEGIES, seatRng, strategyById } from '../ai/index.ts';
import type { Strategy } from '../ai/index.ts';

export interface Session {
  readonly world: World;
  readonly scenario: LoadedScenario['scenario'];
  readonly me: ActorId;
  readonly seed: string;
  readonly seats: Record<ActorId, Strategy>;
  /** Each computer seat's own generator, advanced as it decides (never the game's). */
  readonly rngs: Record<ActorId, Rng>;
  state: GameState;
}

export interface SessionOptions {
  me: ActorId;
  seed: string;
  /** Strategy id per computer seat; missing seats play the scenario's choice for them, or the normal difficulty's. */
  strategies?: Record<ActorId, string>;
}

/** The scenario's strategy for a government if it names a known one, else the normal difficulty's. */
export function defaultStrategy(loaded: LoadedScenario, id: ActorId): string {
  const named = loaded.scenario.actors[id]?.strategy;
  return named && STRATEGIES[named] ? named : DIFFICULTIES.normal.strategy;
}

export function newSession(loaded: LoadedScenario, opts: SessionOptions): Session {
  const { world, scenario } = loaded;
  const seats: Record<ActorId, Strategy> = {};
  const rngs: Record<ActorId, Rng> = {};
  for (const a of world.actors) {
    if (a.id === opts.me) continue;
    seats[a.id] = strategyById(opts.strategies?.[a.id] ?? defaultStrategy(loaded, a.id));
    rngs[a.id] = seatRng(opts.seed, a.id);
  }
  return { world, scenario, me: opts.me, seed: opts.seed, seats, rngs, state: startGame(world, opts.seed) };
}

export const viewOf = (s: Session): PlayerView => playerView(s.world, s.state, s.me);

/** A plain copy of the view now, safe to keep while the game moves on. */
export const snapshotView = (s: Session): PlayerView => JSON.parse(JSON.stringify(viewOf(s))) as PlayerView;

/** The input that does nothing in a phase (no offers, no answers, no actions; every deal honoured). */
export function emptyInput(phase: InputPhase, view?: PlayerView): PhaseInput {
  switch (phase) {
    case 'proposing':
      return { phase, offers: [] };
    case 'responding':
      return { phase, answers: [] };
    case 'commitment':
      return {
        phase,
        decisions: (view ? myActiveAgreements(view) : []).map((g) => ({ agreement: g.id, honour: true })),
        actions: [],
      };
  }
}

export const myActiveAgreements = (v: PlayerView): PlayerView['agreements'] =>
  v.agreements.filter((g) => g.status === 'active' && g.parties.includes(v.me));

/** Offers that wait for my answer this phase. */
export const offersToAnswer = (v: PlayerView): PlayerView['offers'] =>
  v.offers.filter(
    (o) => o.status === 'open' && o.from !== v.me && o.parties.includes(v.me) && !o.accepted.includes(v.me),
  );

export type PlayResult =
  | { ok: true; before: PlayerView; after: PlayerView; problems: string[] }
  | { ok: false; rejection: Rejection };

/**
 * Submits the player's input for the phase the game waits in; if the engine accepts it, every computer seat
 * decides on its own view and submits, which closes the phase and runs the game on to the next waiting phase.
 * `problems` lists computer inputs the engine refused (those seats then do nothing this phase).
 */
export function play(s: Session, input: PhaseInput): PlayResult {
  const rejection = checkInput(s.world, s.state, s.me, input);
  if (rejection) return { ok: false, rejection };
  const before = snapshotView(s);
  const phase = waitingPhase(s.state)!;
  let state = s.state;
  const problems: string[] = [];
  for (const a of s.world.actors) {
    if (a.id === s.me) continue;
    const view = playerView(s.world, state, a.id);
    let choice: PhaseInput;
    try {
      choice = s.seats[a.id]!.decide({ world: s.world, view, rng: s.rngs[a.id]! }, phase);
    } catch (e) {
      problems.push(`${a.id}'s computer player failed: ${e instanceof Error ? e.message : String(e)}`);
      choice = emptyInput(phase, view);
    }
    let r = submit(s.world, state, a.id, choice);
    if (!r.ok) {
      problems.push(`${a.id}'s computer input was refused (${r.rejection.code}): ${r.rejection.message}`);
      r = submit(s.world, state, a.id, emptyInput(phase, view));
    }
    if (r.ok) state = r.value;
  }
  const mine = submit(s.world, state, s.me, input);
  if (!mine.ok) return { ok: false, rejection: mine.rejection };
  s.state = mine.value;
  for (const p of problems) console.warn(p);
  return { ok: true, before, after: snapshotView(s), problems };
}
