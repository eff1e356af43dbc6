/**
 * One game, whoever plays it: an xstate actor of the engine's machine, with seats (people or computer
 * strategies). The browser runs it for one player or hot-seat; the classroom server runs the same class.
 *
 * A person's input is checked by the engine and held (secret) until every human seat is in; then each computer
 * seat decides on its own view of the phase's opening state, and every input goes to the actor in seat order, so
 * the inputs the machine keeps are a game record that the engine's `replay` plays back to the same state.
 * Nothing here is a rule: the engine checks, the machine runs the flow, strategies choose.
 *
 * @example
 *   const game = GameSession.start(loaded, { seed: 's1', seats: { USA: { kind: 'human' } } });
 *   game.submit('USA', { phase: 'proposing', offers: [] }); // the five computer seats answer, the game runs on
 *   const saved = JSON.stringify(game.save()); // later: GameSession.restore(loaded, JSON.parse(saved))
 */
import { createActor } from 'xstate';
import type { Actor } from 'xstate';
import {
  ENGINE_VERSION,
  checkInput,
  createGameMachine,
  eventOf,
  newGame,
  playerView,
  publicView,
  rngFrom,
  waitingPhase,
} from '../engine/index.ts';
import type {
  ActorId,
  GameMachine,
  GameRecord,
  GameState,
  InputPhase,
  PhaseInput,
  PlayerView,
  PublicView,
  Rejection,
  Rng,
  RngState,
  World,
} from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { emptyInput, fillSeats, seatFromName, seatName, seatRng, strategyOf } from './seats.ts';
import type { Seat } from './seats.ts';

export interface StartOptions {
  seed: string;
  /** Seats left out are computer-run with the scenario's strategy for them, or the normal difficulty's. */
  seats: Partial<Record<ActorId, Seat>>;
  /** A clock in milliseconds for strategies with a time budget (interactive play); absent in tests and batch. */
  clock?: () => number;
}

export interface SeatChange {
  round: number;
  actor: ActorId;
  seat: Seat;
}

export const SESSION_FORMAT = 'qpq-session';
export const SESSION_VERSION = 1;

/** A saved session: plain JSON. */
export interface SavedSession {
  format: typeof SESSION_FORMAT;
  version: number;
  engine: string;
  scenario: { id: string; hash: string };
  seed: string;
  /** Who plays each seat now, and who played it when the game began (the record's `seats`). */
  seats: Record<ActorId, Seat>;
  startSeats: Record<ActorId, Seat>;
  seatChanges: SeatChange[];
  /** Each computer seat's generator, where it is now (a seat that was computer-run once keeps its own). */
  rngs: Record<ActorId, RngState>;
  /** Human inputs held in the phase the game waits in (secret: never in anyone else's view). */
  held: Record<ActorId, PhaseInput>;
  /** The machine's `getPersistedSnapshot()`. */
  machine: unknown;
}

export type SessionEvent =
  | { type: 'held'; actor: ActorId; round: number; phase: InputPhase }
  | {
      type: 'phase-closed';
      round: number;
      phase: InputPhase;
      /** Computer inputs that failed or that the engine refused (those seats then did nothing this phase). */
      problems: string[];
    }
  | { type: 'seat'; actor: ActorId; seat: Seat; round: number }
  | { type: 'injected'; event: string; round: number }
  | { type: 'over'; end: NonNullable<GameState['end']> };

export class SessionRestoreError extends Error {}

type SubmitResult = { ok: true } | { ok: false; rejection: Rejection };

export class GameSession {
  readonly world: World;
  readonly loaded: LoadedScenario;
  readonly seed: string;
  readonly #actor: Actor<GameMachine>;
  readonly #seats: Record<ActorId, Seat>;
  readonly #startSeats: Record<ActorId, Seat>;
  readonly #seatChanges: SeatChange[];
  readonly #rngs: Map<ActorId, Rng>;
  #held = new Map<ActorId, PhaseInput>();
  readonly #listeners = new Set<(e: SessionEvent) => void>();
  readonly #clock: (() => number) | undefined;

  private constructor(
    loaded: LoadedScenario,
    seed: string,
    actor: Actor<GameMachine>,
    seats: Record<ActorId, Seat>,
    startSeats: Record<ActorId, Seat>,
    seatChanges: SeatChange[],
    rngs: Map<ActorId, Rng>,
    clock: (() => number) | undefined,
  ) {
    this.world = loaded.world;
    this.loaded = loaded;
    this.seed = seed;
    this.#actor = actor;
    this.#seats = seats;
    this.#startSeats = startSeats;
    this.#seatChanges = seatChanges;
    this.#rngs = rngs;
    this.#clock = clock;
  }

  static start(loaded: LoadedScenario, opts: StartOptions): GameSession {
    const world = loaded.world;
    const seats = fillSeats(loaded, opts.seats);
    const rngs = new Map<ActorId, Rng>();
    for (const a of world.actors)
      if (seats[a.id]!.kind === 'computer') rngs.set(a.id, seatRng(opts.seed, a.id));
    const actor = createActor(createGameMachine(world), { input: { state: newGame(world, opts.seed) } });
    actor.start();
    const g = new GameSession(loaded, opts.seed, actor, seats, { ...seats }, [], rngs, opts.clock);
    g.#run();
    return g;
  }

  /** Throws SessionRestoreError with a sentence saying what is wrong with the save. */
  static restore(
    loaded: LoadedScenario,
    saved: SavedSession,
    opts: { clock?: () => number } = {},
  ): GameSession {
    const world = loaded.world;
    const fail = (why: string): never => {
      throw new SessionRestoreError(why);
    };
    if (!saved || typeof saved !== 'object') fail('The save is not a saved game.');
    if (saved.format !== SESSION_FORMAT) fail('The save is not a saved game session.');
    if (saved.version !== SESSION_VERSION)
      fail(`The save is version ${saved.version} of the session format; this game reads ${SESSION_VERSION}.`);
    if (saved.engine !== ENGINE_VERSION)
      fail(`The save was made by engine ${saved.engine}; this game runs engine ${ENGINE_VERSION}.`);
    if (saved.scenario?.id !== world.id || saved.scenario?.hash !== world.hash)
      fail(
        `The save is for scenario ${saved.scenario?.id} (${saved.scenario?.hash}), not ${world.id} (${world.hash}).`,
      );
    let seats: Record<ActorId, Seat>;
    try {
      seats = fillSeats(loaded, saved.seats);
      fillSeats(loaded, saved.startSeats);
    } catch (e) {
      return fail(`The save's seats do not fit: ${e instanceof Error ? e.message : String(e)}`);
    }
    const rngs = new Map<ActorId, Rng>();
    for (const [id, st] of Object.entries(saved.rngs ?? {})) {
      if (![st?.c, st?.s0, st?.s1, st?.s2].every((x) => typeof x === 'number'))
        fail(`The save's generator for ${id} is damaged.`);
      rngs.set(id, rngFrom(st));
    }
    const snap = saved.machine as { status?: unknown; context?: { state?: GameState } } | null;
    if (!snap || typeof snap !== 'object' || !snap.context?.state)
      fail("The save's game snapshot is missing or damaged.");
    if (snap!.context!.state!.actors?.length !== world.actors.length)
      fail(
        `The save's game has ${snap!.context!.state!.actors?.length} governments; ${world.id} has ${world.actors.length}.`,
      );
    let actor: Actor<GameMachine>;
    try {
      actor = createActor(createGameMachine(world), {
        snapshot: saved.machine as never,
        input: { state: snap!.context!.state! },
      });
      actor.start();
    } catch (e) {
      return fail(
        `The save's game snapshot could not be restored: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const g = new GameSession(
      loaded,
      saved.seed,
      actor,
      seats,
      { ...saved.startSeats },
      saved.seatChanges?.slice() ?? [],
      rngs,
      opts.clock,
    );
    for (const [id, input] of Object.entries(saved.held ?? {})) {
      const bad = seats[id]?.kind === 'human' ? checkInput(world, g.#state, id, input) : null;
      if (bad) fail(`The save's held input for ${id} no longer fits (${bad.code}): ${bad.message}`);
      g.#held.set(id, input);
    }
    return g;
  }

  /**
   * A session rebuilt from a game record (a save file or a shared link): the recorded inputs are the ones
   * submitted, while each computer seat decides again at every phase so that its generator ends exactly where it
   * was. A record saved before the end resumes where it stopped. Throws SessionRestoreError saying which input
   * does not fit.
   */
  static fromRecord(
    loaded: LoadedScenario,
    record: GameRecord,
    opts: { clock?: () => number } = {},
  ): GameSession {
    const world = loaded.world;
    if (record.scenario.id !== world.id || record.scenario.hash !== world.hash)
      throw new SessionRestoreError(
        `The record is for scenario ${record.scenario.id} (${record.scenario.hash}), not ${world.id} (${world.hash}).`,
      );
    let seats: Record<ActorId, Seat>;
    try {
      seats = fillSeats(
        loaded,
        Object.fromEntries(Object.entries(record.seats).map(([id, name]) => [id, seatFromName(name)])),
      );
    } catch (e) {
      throw new SessionRestoreError(
        `The record's seats do not fit: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const rngs = new Map<ActorId, Rng>();
    for (const a of world.actors)
      if (seats[a.id]!.kind === 'computer') rngs.set(a.id, seatRng(record.seed, a.id));
    const actor = createActor(createGameMachine(world), { input: { state: newGame(world, record.seed) } });
    actor.start();
    const g = new GameSession(loaded, record.seed, actor, seats, { ...seats }, [], rngs, opts.clock);
    const n = world.actors.length;
    const injects = record.injects ?? [];
    let injected = 0;
    /** The record's injects of the round the game is in go in before its inputs, as the batch replay allows. */
    const injectNow = (): void => {
      for (; injected < injects.length && injects[injected]!.round === g.round(); injected++) {
        const r = g.inject(injects[injected]!.event);
        if (!r.ok)
          throw new SessionRestoreError(
            `The inject of ${injects[injected]!.event} in round ${g.round()} is refused: ${r.rejection.message}`,
          );
      }
    };
    const inputs = record.inputs;
    for (let k = 0; k < inputs.length; k += n) {
      const phase = g.phase();
      if (!phase) throw new SessionRestoreError(`The game is over but ${inputs.length - k} inputs are left.`);
      const round = g.round();
      injectNow();
      for (const a of world.actors) if (g.#seats[a.id]!.kind === 'computer') g.#decide(a.id, phase, []);
      world.actors.forEach((a, j) => {
        const r = inputs[k + j];
        if (!r || r.actor !== a.id || r.round !== round)
          throw new SessionRestoreError(`Input ${k + j + 1} should be ${a.id}'s in round ${round}.`);
        actor.send(eventOf(a.id, r.input));
        const rej = actor.getSnapshot().context.rejection;
        if (rej)
          throw new SessionRestoreError(
            `Input ${k + j + 1} (${a.id}, round ${round}) is refused (${rej.code}): ${rej.message}`,
          );
      });
    }
    if (!g.over()) injectNow();
    if (injected < injects.length)
      throw new SessionRestoreError(
        `The record's inject of ${injects[injected]!.event} does not fit its rounds.`,
      );
    // Seats that changed hands take their last holder. (A computer seat's generator is rebuilt only for seats
    // that were computer-run from the start: a record does not say in which phase a seat changed hands.)
    for (const c of record.seatChanges ?? []) {
      const seat = seatFromName(c.seat);
      g.#seats[c.actor] = seat;
      g.#seatChanges.push({ round: c.round, actor: c.actor, seat });
      if (seat.kind === 'computer' && !g.#rngs.has(c.actor))
        g.#rngs.set(c.actor, seatRng(record.seed, c.actor));
    }
    g.#run();
    return g;
  }

  /** Plain JSON: the machine's persisted snapshot, the seats, each computer seat's generator state. */
  save(): SavedSession {
    return JSON.parse(
      JSON.stringify({
        format: SESSION_FORMAT,
        version: SESSION_VERSION,
        engine: ENGINE_VERSION,
        scenario: { id: this.world.id, hash: this.world.hash },
        seed: this.seed,
        seats: this.#seats,
        startSeats: this.#startSeats,
        seatChanges: this.#seatChanges,
        rngs: Object.fromEntries([...this.#rngs].map(([id, r]) => [id, r.save()])),
        held: Object.fromEntries(this.#held),
        machine: this.#actor.getPersistedSnapshot(),
      }),
    ) as SavedSession;
  }

  get #state(): GameState {
    return this.#actor.getSnapshot().context.state;
  }

  /** The phase the game waits in; null when it is over. */
  phase(): InputPhase | null {
    return waitingPhase(this.#state);
  }

  round(): number {
    return this.#state.round;
  }

  over(): boolean {
    return this.#state.end !== null;
  }

  /** Who plays a seat. */
  seat(actor: ActorId): Seat {
    const s = this.#seats[actor];
    if (!s) throw new Error(`There is no seat "${actor}" in ${this.world.id}.`);
    return s;
  }

  /** The human seats, in seat order. */
  humans(): ActorId[] {
    return this.world.actors.map((a) => a.id).filter((id) => this.#seats[id]!.kind === 'human');
  }

  /** Human seats that still owe an input in the phase the game waits in, in seat order. */
  waitingFor(): ActorId[] {
    return this.phase() ? this.humans().filter((h) => !this.#held.has(h)) : [];
  }

  /** The input a seat has entered and that is held until the others are in (only ever shown to that seat). */
  held(actor: ActorId): PhaseInput | null {
    return this.#held.get(actor) ?? null;
  }

  /** Every input submitted so far, in order. */
  inputCount(): number {
    return this.#actor.getSnapshot().context.inputs.length;
  }

  /**
   * A human seat's input for the phase the game waits in, checked by the engine. When it is the last one owed,
   * the computer seats decide and the game runs on to the next phase that waits for a person (or the end).
   */
  submit(actor: ActorId, input: unknown): SubmitResult {
    const seat = this.#seats[actor];
    if (!seat)
      return { ok: false, rejection: { code: 'UNKNOWN_ACTOR', message: `There is no seat "${actor}".` } };
    if (seat.kind !== 'human')
      return {
        ok: false,
        rejection: {
          code: 'NOT_PERMITTED',
          message: `${actor} is played by the computer (${seat.strategy}).`,
        },
      };
    const phase = this.phase();
    if (phase && this.#held.has(actor))
      return {
        ok: false,
        rejection: { code: 'ALREADY_SUBMITTED', message: `${actor} has already entered its ${phase} input.` },
      };
    const bad = checkInput(this.world, this.#state, actor, input);
    if (bad) return { ok: false, rejection: bad };
    this.#held.set(actor, input as PhaseInput);
    this.#emit({ type: 'held', actor, round: this.round(), phase: phase! });
    this.#run();
    return { ok: true };
  }

  /** What a seat may see. Serialises to plain JSON; the live object also answers `dealings` and `facts`. */
  view(actor: ActorId): PlayerView {
    this.seat(actor);
    return playerView(this.world, this.#state, actor);
  }

  /** Public information only (observers, projector). */
  publicView(): PublicView {
    return publicView(this.world, this.#state);
  }

  /** A computer takes a seat, or a person takes it back. Recorded in the game record with the round. */
  setSeat(actor: ActorId, seat: Seat): void {
    this.seat(actor);
    if (seat.kind === 'computer') strategyOf(seat); // throws with the known strategy ids
    this.#seats[actor] = seat;
    if (seat.kind === 'computer' && !this.#rngs.has(actor)) this.#rngs.set(actor, seatRng(this.seed, actor));
    this.#seatChanges.push({ round: this.round(), actor, seat });
    this.#emit({ type: 'seat', actor, seat, round: this.round() });
    this.#run();
  }

  /**
   * The input a missing seat submits when a deadline passes: the seat's computer strategy if it has one,
   * else the safe default (no offers, no answers, no actions, every agreement honoured).
   */
  defaultInput(actor: ActorId): PhaseInput {
    const phase = this.phase();
    if (!phase) throw new Error('The game is over: no seat owes an input.');
    const seat = this.seat(actor);
    const view = this.view(actor);
    return seat.kind === 'computer' ? this.#decide(actor, phase, []) : emptyInput(phase, view);
  }

  /** Instructor inject: one of the scenario's events fires at the start of the next round. */
  inject(eventId: string): SubmitResult {
    this.#actor.send({ type: 'INJECT', event: eventId });
    const rejection = this.#actor.getSnapshot().context.rejection;
    if (rejection) return { ok: false, rejection: { code: rejection.code, message: rejection.message } };
    this.#emit({ type: 'injected', event: eventId, round: this.round() });
    return { ok: true };
  }

  /** Called after every change (input held, phase closed, seat changed, inject queued, game over). */
  subscribe(listener: (e: SessionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The game record (scenario, seed, inputs in order, injects, seat changes) that `replay()` reproduces. */
  record(): GameRecord {
    const ctx = this.#actor.getSnapshot().context;
    return {
      engine: ENGINE_VERSION,
      scenario: { id: this.world.id, hash: this.world.hash },
      seed: this.seed,
      seats: Object.fromEntries(Object.entries(this.#startSeats).map(([id, s]) => [id, seatName(s)])),
      inputs: ctx.inputs.slice(),
      ...(ctx.injects?.length ? { injects: ctx.injects.slice() } : {}),
      ...(this.#seatChanges.length
        ? {
            seatChanges: this.#seatChanges.map((c) => ({
              round: c.round,
              actor: c.actor,
              seat: seatName(c.seat),
            })),
          }
        : {}),
    };
  }

  /**
   * The engine state itself (the whole secret truth), for tests, the command line and the benchmark.
   * Screens and the classroom server read `view` and `publicView`.
   */
  engineState(): GameState {
    return this.#state;
  }

  #emit(e: SessionEvent): void {
    for (const l of [...this.#listeners]) l(e);
  }

  /** A computer seat's choice on its view of now; a failing or refused choice becomes the safe default. */
  #decide(actor: ActorId, phase: InputPhase, problems: string[]): PhaseInput {
    const strategy = strategyOf(this.#seats[actor]!)!;
    const view = playerView(this.world, this.#state, actor);
    let rng = this.#rngs.get(actor);
    if (!rng) this.#rngs.set(actor, (rng = seatRng(this.seed, actor)));
    let choice: PhaseInput;
    try {
      choice = strategy.decide(
        { world: this.world, view, rng, ...(this.#clock ? { now: this.#clock } : {}) },
        phase,
      );
    } catch (e) {
      problems.push(`${actor}'s computer player failed: ${e instanceof Error ? e.message : String(e)}`);
      return emptyInput(phase, view);
    }
    const bad = checkInput(this.world, this.#state, actor, choice);
    if (bad) {
      problems.push(`${actor}'s computer input was refused (${bad.code}): ${bad.message}`);
      return emptyInput(phase, view);
    }
    return choice;
  }

  /** While no person owes an input: the computers decide and every seat's input goes to the machine. */
  #run(): void {
    for (let phase = this.phase(); phase && this.waitingFor().length === 0; phase = this.phase()) {
      const round = this.round();
      const problems: string[] = [];
      const inputs = new Map<ActorId, PhaseInput>();
      for (const a of this.world.actors)
        inputs.set(a.id, this.#held.get(a.id) ?? this.#decide(a.id, phase, problems));
      this.#held = new Map();
      for (const a of this.world.actors) {
        this.#actor.send(eventOf(a.id, inputs.get(a.id)!));
        const rej = this.#actor.getSnapshot().context.rejection;
        if (rej) throw new Error(`The engine refused ${a.id}'s checked input (${rej.code}): ${rej.message}`);
      }
      this.#emit({ type: 'phase-closed', round, phase, problems });
      const end = this.#state.end;
      if (end) this.#emit({ type: 'over', end });
    }
  }
}
