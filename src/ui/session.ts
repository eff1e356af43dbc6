/**
 * A game in the browser, as plain functions over the engine. One or more seats are human (hot-seat: they
 * take turns on one device); every other seat is decided by its computer strategy on its own player view.
 * Each human's input is checked by the engine and held until every human has entered one; then the computer
 * seats decide on the phase's opening views and every seat is submitted in seat order, so the inputs kept in
 * `inputs` are a game record that the engine's `replay` plays back to the same state. No rules here.
 */
import { checkInput, playerView, startGame, submit, waitingPhase } from '../engine/index.ts';
import type {
  ActorId,
  GameState,
  InputPhase,
  PhaseInput,
  PlayerView,
  RecordedInput,
  Rejection,
  Rng,
  World,
} from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { DIFFICULTIES, isStrategy, seatRng, strategyById } from '../ai/index.ts';
import type { Strategy } from '../ai/index.ts';

export const HUMAN = 'human';

export interface Session {
  readonly world: World;
  readonly scenario: LoadedScenario['scenario'];
  readonly loaded: LoadedScenario;
  /** The human seats, in seat order. */
  readonly humans: ActorId[];
  readonly seed: string;
  /** The computer seats' strategies. */
  readonly seats: Record<ActorId, Strategy>;
  /** Each computer seat's own generator, advanced as it decides (never the game's). */
  readonly rngs: Record<ActorId, Rng>;
  state: GameState;
  /** Every submitted input, in order: the game record's inputs. */
  inputs: RecordedInput[];
  /** Inputs humans entered in the phase the game waits in, not yet submitted (secret from the others). */
  pending: Map<ActorId, PhaseInput>;
}

export interface SessionOptions {
  /** The human seats; the first one's briefing is the one shown on the menu. */
  humans: ActorId[];
  seed: string;
  /** Strategy id per computer seat; missing seats play the scenario's choice for them, or the normal difficulty's. */
  strategies?: Record<ActorId, string>;
}

/** The scenario's strategy for a government if it names a known one, else the normal difficulty's. */
export function defaultStrategy(loaded: LoadedScenario, id: ActorId): string {
  const named = loaded.scenario.actors[id]?.strategy;
  return named && isStrategy(named) ? named : DIFFICULTIES.normal.strategy;
}

export function newSession(loaded: LoadedScenario, opts: SessionOptions): Session {
  const { world, scenario } = loaded;
  const seats: Record<ActorId, Strategy> = {};
  const rngs: Record<ActorId, Rng> = {};
  const humans = world.actors.map((a) => a.id).filter((id) => opts.humans.includes(id));
  for (const a of world.actors) {
    if (humans.includes(a.id)) continue;
    seats[a.id] = strategyById(opts.strategies?.[a.id] ?? defaultStrategy(loaded, a.id));
    rngs[a.id] = seatRng(opts.seed, a.id);
  }
  return {
    world,
    scenario,
    loaded,
    humans,
    seed: opts.seed,
    seats,
    rngs,
    state: startGame(world, opts.seed),
    inputs: [],
    pending: new Map(),
  };
}

/** Who plays each seat, as a game record names it: 'human' or the strategy id. */
export const seatsOf = (s: Session): Record<ActorId, string> =>
  Object.fromEntries(s.world.actors.map((a) => [a.id, s.seats[a.id]?.id ?? HUMAN]));

export const viewOf = (s: Session, actor: ActorId): PlayerView => playerView(s.world, s.state, actor);

/** A plain copy of a view now, safe to keep while the game moves on. */
export const snapshotView = (s: Session, actor: ActorId): PlayerView =>
  JSON.parse(JSON.stringify(viewOf(s, actor))) as PlayerView;

/** The humans who still have to enter an input in the phase the game waits in, in seat order. */
export const humansToPlay = (s: Session): ActorId[] =>
  waitingPhase(s.state) ? s.humans.filter((h) => !s.pending.has(h)) : [];

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

/** The computer seats' choices for the phase the game waits in, each on its own view of the phase's start. */
function computerInputs(s: Session, problems: string[]): Map<ActorId, PhaseInput> {
  const phase = waitingPhase(s.state)!;
  const out = new Map<ActorId, PhaseInput>();
  for (const a of s.world.actors) {
    const strategy = s.seats[a.id];
    if (!strategy) continue;
    const view = playerView(s.world, s.state, a.id);
    let choice: PhaseInput;
    try {
      // No clock: every budget is counted in steps, so a resumed save decides exactly as the unsaved game.
      choice = strategy.decide({ world: s.world, view, rng: s.rngs[a.id]! }, phase);
    } catch (e) {
      problems.push(`${a.id}'s computer player failed: ${e instanceof Error ? e.message : String(e)}`);
      choice = emptyInput(phase, view);
    }
    const bad = checkInput(s.world, s.state, a.id, choice);
    if (bad) {
      problems.push(`${a.id}'s computer input was refused (${bad.code}): ${bad.message}`);
      choice = emptyInput(phase, view);
    }
    out.set(a.id, choice);
  }
  return out;
}

/** Submits every seat's input in seat order and records them. Throws if the engine refuses one. */
function submitAll(s: Session, inputs: Map<ActorId, PhaseInput>): void {
  let state = s.state;
  const round = state.round;
  const recorded: RecordedInput[] = [];
  for (const a of s.world.actors) {
    const input = inputs.get(a.id)!;
    const r = submit(s.world, state, a.id, input);
    if (!r.ok) throw new Error(`${a.id}'s input was refused (${r.rejection.code}): ${r.rejection.message}`);
    state = r.value;
    recorded.push({ round, actor: a.id, input });
  }
  s.state = state;
  s.inputs.push(...recorded);
  s.pending = new Map();
}

/** A human enters their input for the phase; the engine checks it (nothing is submitted yet). */
export function enter(s: Session, actor: ActorId, input: PhaseInput): Rejection | null {
  const rejection = checkInput(s.world, s.state, actor, input);
  if (rejection) return rejection;
  s.pending.set(actor, input);
  return null;
}

export interface PhaseResult {
  /** Each human's view before and after the phase, and their own input. */
  before: Record<ActorId, PlayerView>;
  after: Record<ActorId, PlayerView>;
  mine: Record<ActorId, PhaseInput>;
  /** Computer inputs the engine refused (those seats then do nothing this phase). */
  problems: string[];
}

/** Once every human has entered: the computers decide, every seat is submitted, the game runs to the next phase. */
export function advance(s: Session): PhaseResult {
  const problems: string[] = [];
  const before = Object.fromEntries(s.humans.map((h) => [h, snapshotView(s, h)]));
  const mine = Object.fromEntries(s.pending);
  const inputs = computerInputs(s, problems);
  for (const [h, input] of s.pending) inputs.set(h, input);
  submitAll(s, inputs);
  for (const p of problems) console.warn(p);
  return { before, after: Object.fromEntries(s.humans.map((h) => [h, snapshotView(s, h)])), mine, problems };
}

export type PlayResult =
  | { ok: true; before: PlayerView; after: PlayerView; problems: string[] }
  | { ok: false; rejection: Rejection };

/** A one-human game's step: the human's input, then the computers, then the game runs on. */
export function play(s: Session, actor: ActorId, input: PhaseInput): PlayResult {
  const rejection = enter(s, actor, input);
  if (rejection) return { ok: false, rejection };
  if (humansToPlay(s).length)
    return { ok: true, before: viewOf(s, actor), after: viewOf(s, actor), problems: [] };
  const r = advance(s);
  return { ok: true, before: r.before[actor]!, after: r.after[actor]!, problems: r.problems };
}

/**
 * Rebuilds a session from recorded inputs: the computer seats decide again at every phase (so their
 * generators are exactly where they were), but the recorded inputs are the ones submitted. Throws with a
 * sentence if an input does not fit.
 */
export function resumeSession(
  loaded: LoadedScenario,
  seed: string,
  seats: Record<ActorId, string>,
  inputs: RecordedInput[],
): Session {
  const humans = Object.entries(seats)
    .filter(([, v]) => v === HUMAN)
    .map(([k]) => k);
  const strategies = Object.fromEntries(Object.entries(seats).filter(([, v]) => v !== HUMAN));
  const s = newSession(loaded, { humans, seed, strategies });
  const n = s.world.actors.length;
  for (let k = 0; k < inputs.length; k += n) {
    if (!waitingPhase(s.state)) throw new Error(`The game is over but ${inputs.length - k} inputs are left.`);
    computerInputs(s, []);
    const phaseInputs = new Map<ActorId, PhaseInput>();
    s.world.actors.forEach((a, j) => {
      const r = inputs[k + j];
      if (!r || r.actor !== a.id || r.round !== s.state.round)
        throw new Error(`Input ${k + j + 1} should be ${a.id}'s in round ${s.state.round}.`);
      phaseInputs.set(a.id, r.input);
    });
    submitAll(s, phaseInputs);
  }
  return s;
}
