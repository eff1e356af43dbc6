/**
 * The one file between the classroom server and the game: a thin layer over the session layer's GameSession.
 * It adds what a classroom screen needs and a GameSession leaves to its caller: which seats have entered this
 * phase's input (held inputs are the session's, not yet the engine's) and a seat's own held input in its view.
 *
 * Determinism: computer seats use their own seeded generators (saved in `save()`) and no clock, so a session
 * rebuilt from a save plus the logged human inputs makes exactly the same computer choices.
 */
import type {
  ActorId,
  GameRecord,
  InputPhase,
  PhaseInput,
  PlayerView,
  PublicView,
  Rejection,
} from '../engine/index.ts';
import { outcomeOf, playerView, scores } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { GameSession, defaultStrategy } from '../session/index.ts';
import type { SavedSession, Seat } from '../session/index.ts';

export type { Seat, SavedSession as SavedGame };
export { defaultStrategy };

export class ClassroomGame {
  private constructor(private readonly session: GameSession) {}

  get loaded(): LoadedScenario {
    return this.session.loaded;
  }

  get seed(): string {
    return this.session.seed;
  }

  /** Missing seats are computer seats playing the scenario's strategy (or the normal difficulty's). */
  static start(
    loaded: LoadedScenario,
    opts: { seed: string; seats: Partial<Record<ActorId, Seat>> },
  ): ClassroomGame {
    return new ClassroomGame(GameSession.start(loaded, { seed: opts.seed, seats: opts.seats }));
  }

  static restore(loaded: LoadedScenario, saved: SavedSession): ClassroomGame {
    return new ClassroomGame(GameSession.restore(loaded, saved));
  }

  save(): SavedSession {
    return this.session.save();
  }

  get actors(): ActorId[] {
    return this.session.world.actors.map((a) => a.id);
  }
  phase(): InputPhase | null {
    return this.session.phase();
  }
  round(): number {
    return this.session.round();
  }
  over(): boolean {
    return this.session.over();
  }
  seatOf(actor: ActorId): Seat | undefined {
    return this.actors.includes(actor) ? this.session.seat(actor) : undefined;
  }
  /** Human seats that still owe an input in the phase the game waits in. */
  waitingFor(): ActorId[] {
    return this.session.waitingFor();
  }
  /** The input a seat has entered this phase, held until the others are in (only ever shown to that seat). */
  held(actor: ActorId): PhaseInput | null {
    return this.session.held(actor);
  }
  /** Inputs the game has run so far: unchanged by an input that is only held (the phase still collects). */
  inputCount(): number {
    return this.session.inputCount();
  }
  /** Which seats have entered this phase's input: who, never what. */
  submitted(): Record<ActorId, boolean> {
    const open = this.phase() !== null;
    return Object.fromEntries(this.actors.map((a) => [a, open && this.session.held(a) !== null]));
  }

  submit(actor: ActorId, input: unknown): { ok: true } | { ok: false; rejection: Rejection } {
    return this.session.submit(actor, input);
  }

  /** The input a missing seat submits when a deadline passes. */
  defaultInput(actor: ActorId): PhaseInput {
    return this.session.defaultInput(actor);
  }

  setSeat(actor: ActorId, seat: Seat): void {
    this.session.setSeat(actor, seat);
  }

  inject(eventId: string): { ok: true } | { ok: false; rejection: Rejection } {
    return this.session.inject(eventId);
  }

  /**
   * What a seat may see, as plain data ready for JSON (it shares parts with the game: read it, never change it).
   * Its own held input is in `myInput`; nobody else's is anywhere.
   */
  view(actor: ActorId): PlayerView {
    const live = this.session.view(actor) as PlayerView & { toJSON?: () => PlayerView };
    const v = live.toJSON ? live.toJSON() : (JSON.parse(JSON.stringify(live)) as PlayerView);
    return { ...v, submitted: this.submitted(), myInput: v.myInput ?? this.session.held(actor) };
  }

  /**
   * A seat's view once the instructor has stopped a game the rules had not finished: its `end` is the outcome
   * the scenario gives the state as it stands (not a clash), and `scores` every government's score then. Only
   * sent after the end, when every seat's truth may be told.
   */
  stoppedView(actor: ActorId): PlayerView {
    const v = this.view(actor);
    if (v.end) return v;
    const state = this.session.engineState();
    const world = this.session.world;
    const end = { outcome: outcomeOf(world, state, false), reason: 'rounds' as const, round: this.round() };
    // Seen as a finished game is seen: every hidden act, reading and step revealed, as the end screen says.
    const live = playerView(world, { ...state, end }, actor) as PlayerView & { toJSON?: () => PlayerView };
    const over = live.toJSON ? live.toJSON() : (JSON.parse(JSON.stringify(live)) as PlayerView);
    return { ...over, submitted: this.submitted(), myInput: null, end, scores: scores(world, state) };
  }

  /** Public information only: observers, the projector and the instructor's board (plain data, read only). */
  publicView(): PublicView {
    return { ...this.session.publicView(), submitted: this.submitted() };
  }

  record(): GameRecord {
    return this.session.record();
  }
}
