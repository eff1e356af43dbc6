/**
 * The one file between the classroom server and the game. It has the shape of the session layer's GameSession
 * (SESSION-CONTRACT.md): start, restore/save, submit (held until every human seat is in, then the computer seats
 * decide on their own views and every input goes to the engine in seat order), view per seat, public view,
 * seats, default input and the game record. Until src/session lands it drives the engine and src/ai directly;
 * switching to GameSession changes only this file.
 *
 * Determinism: computer seats use their own seeded generators (saved in `save()`), and no clock, so a session
 * rebuilt from a save plus the logged human inputs makes exactly the same computer choices.
 */
import { DIFFICULTIES, STRATEGIES, seatRng, strategyById } from '../ai/index.ts';
import type { Strategy } from '../ai/index.ts';
import {
  ENGINE_VERSION,
  checkInput,
  playerView,
  rngFrom,
  startGame,
  submit as engineSubmit,
  waitingPhase,
} from '../engine/index.ts';
import type {
  ActorId,
  GameRecord,
  GameState,
  InputPhase,
  PhaseInput,
  PlayerView,
  RecordedInput,
  Rejection,
  Rng,
  RngState,
} from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';

export type Seat = { kind: 'human' } | { kind: 'computer'; strategy: string };

export interface SavedGame {
  engine: string;
  seed: string;
  state: GameState;
  seats: Record<ActorId, Seat>;
  rngs: Record<ActorId, RngState>;
  pending: [ActorId, PhaseInput][];
  inputs: RecordedInput[];
  seatChanges: SeatChange[];
}

export interface SeatChange {
  round: number;
  actor: ActorId;
  seat: string;
}

/** Public information only: what an observer or the projector may see. */
export type PublicView = Omit<PlayerView, 'me' | 'myTrust' | 'contacts' | 'myRecent' | 'myInput'> & {
  me: null;
};

/** The record the engine's replay() reproduces, with who played each seat when. */
export type ClassroomRecord = GameRecord & { seatChanges: SeatChange[] };

/** The scenario's strategy for a government if it names a known one, else the normal difficulty's. */
export function defaultStrategy(loaded: LoadedScenario, id: ActorId): string {
  const named = loaded.scenario.actors[id]?.strategy;
  return named && STRATEGIES[named] ? named : DIFFICULTIES.normal.strategy;
}

export class ClassroomGame {
  private state: GameState;
  private readonly seats: Record<ActorId, Seat>;
  private readonly rngs: Record<ActorId, Rng> = {};
  private readonly pending = new Map<ActorId, PhaseInput>();
  private readonly inputs: RecordedInput[];
  private readonly seatChanges: SeatChange[];
  private readonly order: ActorId[];

  private constructor(
    readonly loaded: LoadedScenario,
    readonly seed: string,
    saved: Omit<SavedGame, 'engine' | 'seed'> | null,
    seats: Record<ActorId, Seat>,
  ) {
    const world = loaded.world;
    this.order = world.actors.map((a) => a.id);
    this.state = saved ? saved.state : startGame(world, seed);
    this.seats = { ...seats };
    for (const a of this.order) this.rngs[a] = saved?.rngs[a] ? rngFrom(saved.rngs[a]) : seatRng(seed, a);
    for (const [a, input] of saved?.pending ?? []) this.pending.set(a, input);
    this.inputs = saved ? [...saved.inputs] : [];
    this.seatChanges = saved ? [...saved.seatChanges] : [];
  }

  /** Missing seats are computer seats playing the scenario's strategy (or the normal difficulty's). */
  static start(
    loaded: LoadedScenario,
    opts: { seed: string; seats: Partial<Record<ActorId, Seat>> },
  ): ClassroomGame {
    const seats: Record<ActorId, Seat> = {};
    for (const a of loaded.world.actors)
      seats[a.id] = opts.seats[a.id] ?? { kind: 'computer', strategy: defaultStrategy(loaded, a.id) };
    const g = new ClassroomGame(loaded, opts.seed, null, seats);
    g.runComputers();
    return g;
  }

  static restore(loaded: LoadedScenario, saved: SavedGame): ClassroomGame {
    if (saved.engine !== ENGINE_VERSION)
      throw new Error(`This save is from engine ${saved.engine}; this server runs engine ${ENGINE_VERSION}.`);
    return new ClassroomGame(loaded, saved.seed, saved, saved.seats);
  }

  save(): SavedGame {
    return JSON.parse(
      JSON.stringify({
        engine: ENGINE_VERSION,
        seed: this.seed,
        state: this.state,
        seats: this.seats,
        rngs: Object.fromEntries(this.order.map((a) => [a, this.rngs[a]!.save()])),
        pending: [...this.pending],
        inputs: this.inputs,
        seatChanges: this.seatChanges,
      }),
    ) as SavedGame;
  }

  get actors(): ActorId[] {
    return [...this.order];
  }
  phase(): InputPhase | null {
    return waitingPhase(this.state);
  }
  round(): number {
    return this.state.round;
  }
  over(): boolean {
    return this.state.end !== null;
  }
  seatOf(actor: ActorId): Seat | undefined {
    return this.seats[actor];
  }
  /** Human seats that still owe an input in the phase the game waits in. */
  waitingFor(): ActorId[] {
    if (!this.phase()) return [];
    return this.order.filter((a) => this.seats[a]!.kind === 'human' && !this.pending.has(a));
  }
  /** Seats (human or computer) that have entered this phase's input: who, never what. */
  submitted(): Record<ActorId, boolean> {
    return Object.fromEntries(this.order.map((a) => [a, this.pending.has(a)]));
  }

  submit(actor: ActorId, input: unknown): { ok: true } | { ok: false; rejection: Rejection } {
    const world = this.loaded.world;
    if (!this.order.includes(actor))
      return { ok: false, rejection: { code: 'UNKNOWN_ACTOR', message: `No government "${actor}".` } };
    if (this.pending.has(actor))
      return {
        ok: false,
        rejection: { code: 'ALREADY_SUBMITTED', message: `${actor} has already entered this phase's input.` },
      };
    const bad = checkInput(world, this.state, actor, input);
    if (bad) return { ok: false, rejection: bad };
    this.pending.set(actor, input as PhaseInput);
    this.runComputers();
    return { ok: true };
  }

  /** When every human seat is in, the computer seats decide and the phase closes; repeated while only computers play. */
  private runComputers(): void {
    for (;;) {
      const phase = this.phase();
      if (!phase || this.waitingFor().length > 0) return;
      for (const a of this.order) {
        if (this.pending.has(a)) continue;
        this.pending.set(a, this.computerInput(a, phase));
      }
      this.closePhase();
    }
  }

  private computerInput(actor: ActorId, phase: InputPhase): PhaseInput {
    const seat = this.seats[actor]!;
    const strategy: Strategy = strategyById(
      seat.kind === 'computer' ? seat.strategy : defaultStrategy(this.loaded, actor),
    );
    const world = this.loaded.world;
    let choice: PhaseInput;
    try {
      choice = strategy.decide(
        { world, view: playerView(world, this.state, actor), rng: this.rngs[actor]! },
        phase,
      );
    } catch {
      choice = this.emptyInput(actor, phase);
    }
    return checkInput(world, this.state, actor, choice) ? this.emptyInput(actor, phase) : choice;
  }

  private emptyInput(actor: ActorId, phase: InputPhase): PhaseInput {
    switch (phase) {
      case 'proposing':
        return { phase, offers: [] };
      case 'responding':
        return { phase, answers: [] };
      case 'commitment':
        return {
          phase,
          decisions: this.state.agreements
            .filter((g) => g.status === 'active' && g.parties.includes(actor))
            .map((g) => ({ agreement: g.id, honour: true })),
          actions: [],
        };
    }
  }

  private closePhase(): void {
    const world = this.loaded.world;
    const round = this.state.round;
    let s = this.state;
    for (const a of this.order) {
      const input = this.pending.get(a)!;
      const r = engineSubmit(world, s, a, input);
      if (!r.ok) throw new Error(`${a}'s input was refused (${r.rejection.code}): ${r.rejection.message}`);
      s = r.value;
      this.inputs.push({ round, actor: a, input });
    }
    this.pending.clear();
    this.state = s;
  }

  /** The input a missing seat submits when a deadline passes: its computer strategy's choice. */
  defaultInput(actor: ActorId): PhaseInput {
    const phase = this.phase();
    if (!phase) throw new Error('The game does not wait for an input.');
    return this.computerInput(actor, phase);
  }

  setSeat(actor: ActorId, seat: Seat): void {
    if (!this.order.includes(actor)) throw new Error(`No government "${actor}".`);
    this.seats[actor] = seat;
    this.seatChanges.push({
      round: this.state.round,
      actor,
      seat: seat.kind === 'human' ? 'human' : seat.strategy,
    });
    this.runComputers();
  }

  /** What a seat may see, as plain JSON. Its own held input is in `myInput`; nobody else's is anywhere. */
  view(actor: ActorId): PlayerView {
    const v = JSON.parse(JSON.stringify(playerView(this.loaded.world, this.state, actor))) as PlayerView;
    v.submitted = this.submitted();
    if (!v.myInput) v.myInput = this.pending.get(actor) ?? null;
    return v;
  }

  /** Public information only: the log entries addressed to everyone, public relations, no one's trust. */
  publicView(): PublicView {
    const first = this.order[0]!;
    const v = this.view(first);
    const ended = this.over();
    const { me: _me, myTrust: _t, contacts: _c, myRecent: _r, myInput: _i, ...rest } = v;
    return {
      ...rest,
      me: null,
      offers: ended ? rest.offers : [],
      agreements: ended ? rest.agreements : [],
      channels: ended ? rest.channels : rest.channels.filter((c) => c.channel === 'hotline'),
      log: ended ? rest.log : rest.log.filter((e) => e.to === null),
      history: rest.history.map((h) => ({ ...h, myTrust: {} })),
    };
  }

  record(): ClassroomRecord {
    const world = this.loaded.world;
    return {
      engine: ENGINE_VERSION,
      scenario: { id: world.id, hash: world.hash },
      seed: this.seed,
      seats: Object.fromEntries(
        this.order.map((a) => {
          const s = this.seats[a]!;
          return [a, s.kind === 'human' ? 'human' : s.strategy];
        }),
      ),
      inputs: [...this.inputs],
      seatChanges: [...this.seatChanges],
    };
  }
}
