/**
 * One classroom session on the server: the game, the roster, the instructor's controls and the connections.
 * Every change is an event: applied, appended to the log (committed) and only then acknowledged and broadcast.
 * `apply` is the only place state changes, so a session rebuilt from its snapshot and log is the same session.
 */
import { STRATEGIES } from '../ai/index.ts';
import type { ActorId, GameRecord, PhaseInput } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { hashToken } from './codes.ts';
import type { RoomEvent } from './events.ts';
import { ClassroomGame, defaultStrategy } from './game.ts';
import type { SavedGame, Seat } from './game.ts';
import type { Store, StoredEvent } from './store.ts';

export interface SeatInfo {
  seat: number;
  name: string;
  actor: ActorId | null;
  observer: boolean;
  token: string;
}

export type Role = 'instructor' | 'player' | 'observer';

/** A connected client. `send` takes a message without its seq; the room adds it. */
export interface Conn {
  role: Role;
  seat: SeatInfo | null;
  send(msg: Record<string, unknown>): void;
  /** The same, already as JSON text with its seq. */
  sendText(text: string): void;
  /** Ends the connection (the client reconnects, to wherever the session is now). */
  close?(): void;
}

export type Status = 'lobby' | 'running' | 'paused' | 'ended';

export interface RoomOptions {
  /** Events between snapshots. */
  snapshotEvery: number;
  /** How long a human seat may have nobody connected before a computer plays it (ms). */
  graceMs: number;
  now: () => number;
}

interface Snapshot {
  scenario: string;
  seed: string;
  instructor: string;
  phaseSeconds: number | null;
  status: Status;
  seats: SeatInfo[];
  deadline: { phase: string; at: number | null } | null;
  pausedRemaining: number | null;
  announcements: { seq: number; at: number; text: string }[];
  absent: ActorId[];
  /** The class debrief released to the students (absent in older snapshots: not released). */
  released?: boolean;
  game: SavedGame;
}

export class RoomError extends Error {}

/** `seq`: the event an accepted input became; for a refusal, the last event when it was refused. */
export type InputResult =
  { ok: true; seq?: number } | { ok: false; code: string; message: string; seq?: number };
type Staged =
  | { ok: true; seq: number; written: Promise<void> }
  | { ok: false; code: string; message: string; seq?: number };

export class Room {
  seq = 0;
  status: Status = 'lobby';
  readonly seats = new Map<number, SeatInfo>();
  private readonly byToken = new Map<string, SeatInfo>();
  instructor = '';
  phaseSeconds: number | null = null;
  deadline: { phase: string; at: number | null } | null = null;
  pausedRemaining: number | null = null;
  readonly announcements: { seq: number; at: number; text: string }[] = [];
  /** Whether the students may read the finished game's record (the class debrief on their own screens). */
  released = false;
  /** Human seats a computer plays because nobody was connected. */
  private readonly absent = new Set<ActorId>();
  private readonly conns = new Set<Conn>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly graceTimers = new Map<ActorId, ReturnType<typeof setTimeout>>();
  /** Set when the log refused a write: the room must be reloaded from the log. */
  broken = false;
  closed = false;
  game!: ClassroomGame;
  scenario = '';
  seed = '';

  private constructor(
    readonly code: string,
    private readonly store: Store,
    private readonly scenarios: (id: string) => LoadedScenario,
    private readonly opts: RoomOptions,
  ) {}

  static async create(
    code: string,
    store: Store,
    scenarios: (id: string) => LoadedScenario,
    opts: RoomOptions,
    created: Extract<RoomEvent, { kind: 'created' }>,
  ): Promise<Room> {
    const room = new Room(code, store, scenarios, opts);
    await room.commit(created);
    return room;
  }

  /** Rebuilds a session from its last snapshot and the events after it; null for an unknown code. */
  static async load(
    code: string,
    store: Store,
    scenarios: (id: string) => LoadedScenario,
    opts: RoomOptions,
  ): Promise<Room | null> {
    const loaded = await store.load(code);
    if (!loaded) return null;
    const room = new Room(code, store, scenarios, opts);
    if (loaded.snapshot) room.restore(loaded.snapshot.seq, loaded.snapshot.data as Snapshot);
    for (const e of loaded.events) room.replay(e);
    await room.settle();
    return room;
  }

  private restore(seq: number, s: Snapshot): void {
    this.seq = seq;
    this.scenario = s.scenario;
    this.seed = s.seed;
    this.instructor = s.instructor;
    this.phaseSeconds = s.phaseSeconds;
    this.status = s.status;
    for (const seat of s.seats) this.addSeat(seat);
    this.deadline = s.deadline;
    this.pausedRemaining = s.pausedRemaining;
    this.announcements.push(...s.announcements);
    for (const a of s.absent) this.absent.add(a);
    this.released = s.released === true;
    this.game = ClassroomGame.restore(this.scenarios(s.scenario), s.game);
  }

  private snapshotData(): Snapshot {
    return {
      scenario: this.scenario,
      seed: this.seed,
      instructor: this.instructor,
      phaseSeconds: this.phaseSeconds,
      status: this.status,
      seats: [...this.seats.values()],
      deadline: this.deadline,
      pausedRemaining: this.pausedRemaining,
      announcements: this.announcements,
      absent: [...this.absent],
      released: this.released,
      game: this.game.save(),
    };
  }

  private replay(e: StoredEvent): void {
    if (e.seq !== this.seq + 1)
      throw new RoomError(`Session ${this.code}: the log jumps from event ${this.seq} to ${e.seq}.`);
    const r = this.apply(e.event, e.at);
    if (!r.ok)
      throw new RoomError(`Session ${this.code}: logged event ${e.seq} no longer applies: ${r.message}`);
    this.seq = e.seq;
  }

  private addSeat(s: SeatInfo): void {
    this.seats.set(s.seat, s);
    this.byToken.set(s.token, s);
  }

  /** The one place state changes. Inputs may be refused (nothing changes then); everything else applies. */
  private apply(e: RoomEvent, at: number): InputResult {
    switch (e.kind) {
      case 'created': {
        this.scenario = e.scenario;
        this.seed = e.seed;
        this.instructor = e.instructor;
        this.phaseSeconds = e.phaseSeconds;
        const loaded = this.scenarios(e.scenario);
        const seats: Record<ActorId, Seat> = {};
        for (const a of loaded.world.actors) seats[a.id] = { kind: 'human' };
        this.game = ClassroomGame.start(loaded, { seed: e.seed, seats });
        break;
      }
      case 'joined':
        this.addSeat({ seat: e.seat, name: e.name, actor: e.actor, observer: e.observer, token: e.token });
        break;
      case 'assigned': {
        const s = this.seats.get(e.seat);
        if (s) s.actor = e.actor;
        break;
      }
      case 'input': {
        const r = this.game.submit(e.actor, e.input);
        if (!r.ok) return { ok: false, code: r.rejection.code, message: r.rejection.message };
        break;
      }
      case 'seat':
        this.game.setSeat(e.actor, e.seat);
        if (e.reason === 'absent') this.absent.add(e.actor);
        else this.absent.delete(e.actor);
        break;
      case 'started':
        this.status = 'running';
        break;
      case 'paused':
        this.status = 'paused';
        this.pausedRemaining = e.remainingMs;
        if (this.deadline) this.deadline = { ...this.deadline, at: null };
        break;
      case 'resumed':
        this.status = 'running';
        this.pausedRemaining = null;
        break;
      case 'deadline':
        this.deadline = { phase: e.phase, at: e.at };
        break;
      case 'phaseSeconds':
        this.phaseSeconds = e.seconds;
        break;
      case 'announced':
        this.announcements.push({ seq: this.seq + 1, at, text: e.text });
        break;
      case 'injected': {
        const r = this.game.inject(e.event);
        if (!r.ok) return { ok: false, code: r.rejection.code, message: r.rejection.message };
        break;
      }
      case 'ended':
        this.status = 'ended';
        this.deadline = null;
        break;
      case 'released':
        this.released = true;
        break;
    }
    if (this.game.over() && this.status !== 'ended') this.status = 'ended';
    return { ok: true };
  }

  /** Applies, appends and (every N events) snapshots one event, and waits until it is committed. */
  private async commit(e: RoomEvent): Promise<InputResult> {
    const r = this.stage(e);
    if (r.ok) await r.written;
    return r;
  }

  /**
   * Applies one event now, gives it the next sequence number and starts its append; `written` settles once it is
   * committed (after every event staged before it). Several events staged in one turn go to the log in one
   * transaction. Nobody may be told of an event before its `written` settles. A refused input changes nothing.
   */
  private stage(e: RoomEvent): Staged {
    if (this.broken || this.closed) throw new RoomError(`Session ${this.code} is being reloaded.`);
    const at = this.opts.now();
    const r = this.apply(e, at);
    if (!r.ok) return r;
    const seq = ++this.seq;
    // Taken now (the state after this event), written once the event itself is committed.
    const snapshot =
      seq % this.opts.snapshotEvery === 0
        ? (JSON.parse(JSON.stringify(this.snapshotData())) as Snapshot)
        : null;
    const written = this.store.append(this.code, seq, at, e).then(
      () => (snapshot ? this.store.snapshot(this.code, seq, snapshot) : undefined),
      (err: unknown) => {
        this.broken = true;
        this.stopTimers();
        throw err;
      },
    );
    // A failure is reported to whoever waits on it; unwatched, it must not crash the process.
    written.catch(() => undefined);
    return { ok: true, seq, written };
  }

  /** Runs one change at a time, in arrival order. */
  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private phaseKey(): string | null {
    const p = this.game.phase();
    return p ? `${this.game.round()}/${p}` : null;
  }

  /**
   * What follows from a change: a running game's new phase gets its deadline, a passed deadline fills the
   * missing seats. Logged like everything else, so a restart in the middle is finished here on load.
   */
  private async settle(): Promise<void> {
    const key = this.phaseKey();
    if (this.status === 'running' && key && this.deadline?.phase !== key)
      await this.commit({
        kind: 'deadline',
        phase: key,
        at: this.phaseSeconds ? this.opts.now() + this.phaseSeconds * 1000 : null,
      });
    this.arm();
  }

  private stopTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const t of this.graceTimers.values()) clearTimeout(t);
    this.graceTimers.clear();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.status !== 'running' || !this.deadline?.at || this.deadline.phase !== this.phaseKey()) return;
    const wait = Math.max(0, this.deadline.at - this.opts.now());
    this.timer = setTimeout(() => void this.run(() => this.deadlinePassed()).catch(() => undefined), wait);
  }

  private async deadlinePassed(): Promise<void> {
    const key = this.phaseKey();
    if (this.status !== 'running' || !this.deadline?.at || this.deadline.phase !== key) return;
    if (this.deadline.at > this.opts.now()) return this.arm();
    for (const actor of this.game.waitingFor()) {
      if (this.phaseKey() !== key) break;
      await this.commit({
        kind: 'input',
        actor,
        round: this.game.round(),
        seat: null,
        input: this.game.defaultInput(actor),
        by: 'deadline',
      });
    }
    await this.settle();
    this.broadcast();
  }

  // ---------------------------------------------------------------------------------------------
  // Clients

  seatByToken(token: string): SeatInfo | undefined {
    return this.byToken.get(hashToken(token));
  }

  isInstructor(token: string): boolean {
    return hashToken(token) === this.instructor;
  }

  /** Who may read the game record: the instructor, and once the debrief is released every seat of the class. */
  mayReadRecord(token: string): boolean {
    return this.isInstructor(token) || (this.released && this.seatByToken(token) !== undefined);
  }

  join(name: string, actor: ActorId | null, observer: boolean, tokenHash: string): Promise<SeatInfo> {
    return this.run(async () => {
      if (actor !== null && !this.game.actors.includes(actor))
        throw new RoomError(`No government "${actor}" in this scenario (${this.game.actors.join(', ')}).`);
      const seat = this.seats.size + 1;
      await this.commit({ kind: 'joined', seat, token: tokenHash, name, actor, observer });
      if (actor && this.game.seatOf(actor)?.kind === 'computer')
        await this.commit({ kind: 'seat', actor, seat: { kind: 'human' }, reason: 'joined' });
      await this.settle();
      this.broadcast();
      return this.seats.get(seat)!;
    });
  }

  connect(conn: Conn): void {
    this.conns.add(conn);
    void this.run(async () => {
      const actor = conn.seat?.actor;
      if (actor && conn.role === 'player') {
        const t = this.graceTimers.get(actor);
        if (t) clearTimeout(t);
        this.graceTimers.delete(actor);
        if (this.absent.has(actor) && this.status !== 'ended') {
          await this.commit({ kind: 'seat', actor, seat: { kind: 'human' }, reason: 'returned' });
          await this.settle();
          this.broadcast();
          return;
        }
      }
      this.sendView(conn);
      this.broadcastRoster();
    }).catch(() => conn.send({ type: 'error', message: 'The session is being reloaded; reconnect.' }));
  }

  disconnect(conn: Conn): void {
    if (this.closed) return;
    this.conns.delete(conn);
    const actor = conn.seat?.actor;
    if (actor && conn.role === 'player' && !this.connected(actor) && !this.graceTimers.has(actor))
      this.graceTimers.set(
        actor,
        setTimeout(() => {
          this.graceTimers.delete(actor);
          void this.run(async () => {
            if (this.connected(actor) || this.status !== 'running') return;
            if (this.game.seatOf(actor)?.kind !== 'human') return;
            await this.commit({
              kind: 'seat',
              actor,
              seat: { kind: 'computer', strategy: defaultStrategyOf(this, actor) },
              reason: 'absent',
            });
            await this.settle();
            this.broadcast();
          }).catch(() => undefined);
        }, this.opts.graceMs),
      );
    this.broadcastRoster();
  }

  private connected(actor: ActorId): boolean {
    for (const c of this.conns) if (c.role === 'player' && c.seat?.actor === actor) return true;
    return false;
  }

  private inbox: {
    conn: Conn;
    input: unknown;
    reply: (r: InputResult) => void;
    done: () => void;
    fail: (e: unknown) => void;
  }[] = [];

  /**
   * A seat's input: `reply` gets the answer once the input is committed, before anyone sees its effect. Inputs
   * that arrive while the room is busy are taken together: applied in arrival order, committed in one
   * transaction, answered, and then everyone is told once.
   */
  input(conn: Conn, input: unknown, reply: (r: InputResult) => void): Promise<void> {
    return new Promise((done, fail) => {
      this.inbox.push({ conn, input, reply, done, fail });
      if (this.inbox.length === 1) void this.run(() => this.drain()).catch(() => undefined);
    });
  }

  private async drain(): Promise<void> {
    const batch = this.inbox;
    this.inbox = [];
    const ran = this.game.inputCount();
    const staged: (Staged | Error)[] = batch.map((b) => {
      try {
        const r = this.tryInput(b.conn, b.input);
        // A refusal carries the seq it was refused at, so a client's answers never go back in seq.
        return r.ok ? r : { ...r, seq: this.seq };
      } catch (e) {
        return e as Error;
      }
    });
    const settled = await Promise.allSettled(
      staged.map((s) => (s instanceof Error || !s.ok ? null : s.written)),
    );
    const held = new Set<ActorId>();
    batch.forEach((b, i) => {
      const s = staged[i]!;
      const w = settled[i]!;
      if (s instanceof Error) return b.fail(s);
      if (w.status === 'rejected') return b.fail(w.reason);
      if (!s.ok) b.reply(s);
      else {
        b.reply({ ok: true, seq: s.seq });
        held.add(b.conn.seat!.actor!);
      }
      b.done();
    });
    if (held.size === 0 || this.broken) return;
    // Held, the phase still collecting: only who has submitted changed, for everyone but the seats' teams.
    if (this.game.inputCount() === ran) for (const a of held) this.broadcastHeld(a);
    else {
      await this.settle();
      this.broadcast();
    }
  }

  private tryInput(conn: Conn, input: unknown): Staged {
    if (conn.role !== 'player' || !conn.seat)
      return {
        ok: false,
        code: 'NOT_A_PLAYER',
        message: 'Only a seat that plays a government submits inputs.',
      };
    const actor = conn.seat.actor;
    if (!actor)
      return {
        ok: false,
        code: 'NO_GOVERNMENT',
        message: 'The instructor has not given you a government yet.',
      };
    if (this.status === 'paused')
      return { ok: false, code: 'PAUSED', message: 'The instructor has paused the game.' };
    if (this.status === 'ended') return { ok: false, code: 'GAME_OVER', message: 'The game is over.' };
    if (this.game.seatOf(actor)?.kind !== 'human')
      return { ok: false, code: 'COMPUTER_SEAT', message: `A computer plays ${actor} now.` };
    return this.stage({
      kind: 'input',
      actor,
      round: this.game.round(),
      seat: conn.seat.seat,
      input: input as PhaseInput,
      by: 'student',
    });
  }

  /** An instructor command; returns null when done, else a sentence saying why not. */
  command(cmd: Record<string, unknown>): Promise<string | null> {
    return this.run(async () => {
      const result = await this.execute(cmd);
      await this.settle();
      this.broadcast();
      return result;
    });
  }

  private async execute(cmd: Record<string, unknown>): Promise<string | null> {
    const ended = this.status === 'ended';
    switch (cmd.command) {
      case 'start': {
        if (this.status !== 'lobby') return 'The game has already started.';
        await this.commit({ kind: 'started' });
        // Students without a government get the ones nobody plays yet; the rest go to computers.
        const taken = new Set([...this.seats.values()].map((s) => s.actor).filter(Boolean));
        const free = this.game.actors.filter((a) => !taken.has(a));
        for (const s of this.seats.values())
          if (!s.actor && !s.observer && free.length > 0)
            await this.commit({ kind: 'assigned', seat: s.seat, actor: free.shift()! });
        const played = new Set([...this.seats.values()].map((s) => s.actor).filter(Boolean));
        for (const a of this.game.actors)
          if (!played.has(a) && this.game.seatOf(a)?.kind === 'human')
            await this.commit({
              kind: 'seat',
              actor: a,
              seat: { kind: 'computer', strategy: defaultStrategyOf(this, a) },
              reason: 'start',
            });
        return null;
      }
      case 'pause': {
        if (this.status !== 'running') return 'Only a running game can be paused.';
        const at = this.deadline?.at;
        await this.commit({ kind: 'paused', remainingMs: at ? Math.max(0, at - this.opts.now()) : null });
        return null;
      }
      case 'resume': {
        if (this.status !== 'paused') return 'The game is not paused.';
        const left = this.pausedRemaining;
        await this.commit({ kind: 'resumed' });
        const key = this.phaseKey();
        if (key)
          await this.commit({
            kind: 'deadline',
            phase: key,
            at: left === null ? null : this.opts.now() + left,
          });
        return null;
      }
      case 'deadline': {
        // Seconds per phase from now on; the current phase's deadline restarts with it.
        const seconds = cmd.seconds === null ? null : Number(cmd.seconds);
        if (seconds !== null && !(Number.isFinite(seconds) && seconds >= 5 && seconds <= 86_400))
          return 'A phase lasts between 5 seconds and a day (or null for no deadline).';
        await this.commit({ kind: 'phaseSeconds', seconds });
        const key = this.phaseKey();
        if (key && this.status === 'running')
          await this.commit({
            kind: 'deadline',
            phase: key,
            at: seconds ? this.opts.now() + seconds * 1000 : null,
          });
        return null;
      }
      case 'extend': {
        const seconds = Number(cmd.seconds);
        if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= 86_400))
          return 'Extend by a number of seconds between 1 and 86400.';
        const key = this.phaseKey();
        if (this.status !== 'running' || !key || !this.deadline?.at || this.deadline.phase !== key)
          return 'There is no running deadline to extend.';
        await this.commit({ kind: 'deadline', phase: key, at: this.deadline.at + seconds * 1000 });
        return null;
      }
      case 'announce': {
        const text = typeof cmd.text === 'string' ? cmd.text.trim() : '';
        if (!text || text.length > 500) return 'An announcement is 1 to 500 characters of text.';
        await this.commit({ kind: 'announced', text });
        return null;
      }
      case 'inject': {
        if (ended) return 'The game is over.';
        const r = await this.commit({ kind: 'injected', event: String(cmd.event) });
        return r.ok ? null : r.message;
      }
      case 'assign': {
        const seat = this.seats.get(Number(cmd.seat));
        const actor = cmd.actor === null ? null : String(cmd.actor);
        if (!seat) return `No seat ${String(cmd.seat)}.`;
        if (actor !== null && !this.game.actors.includes(actor)) return `No government "${actor}".`;
        await this.commit({ kind: 'assigned', seat: seat.seat, actor });
        if (actor && this.status !== 'lobby' && this.game.seatOf(actor)?.kind === 'computer')
          await this.commit({ kind: 'seat', actor, seat: { kind: 'human' }, reason: 'instructor' });
        return null;
      }
      case 'computer': {
        const actor = String(cmd.actor);
        if (!this.game.actors.includes(actor)) return `No government "${actor}".`;
        if (ended) return 'The game is over.';
        const strategy = typeof cmd.strategy === 'string' ? cmd.strategy : defaultStrategyOf(this, actor);
        if (!isStrategy(strategy)) return `No computer strategy "${strategy}".`;
        await this.commit({
          kind: 'seat',
          actor,
          seat: { kind: 'computer', strategy },
          reason: 'instructor',
        });
        return null;
      }
      case 'human': {
        const actor = String(cmd.actor);
        if (!this.game.actors.includes(actor)) return `No government "${actor}".`;
        if (ended) return 'The game is over.';
        await this.commit({ kind: 'seat', actor, seat: { kind: 'human' }, reason: 'instructor' });
        return null;
      }
      case 'end':
        if (ended) return 'The game is already over.';
        await this.commit({ kind: 'ended' });
        return null;
      case 'release':
        if (!ended) return 'The class debrief can be released once the game is over.';
        if (this.released) return 'The class debrief is already released.';
        await this.commit({ kind: 'released' });
        return null;
      default:
        return `Unknown command "${String(cmd.command)}". Known: start, pause, resume, deadline, extend, announce, inject, assign, computer, human, end, release.`;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  /** The session as every screen shows it (no secrets). */
  info(): Record<string, unknown> {
    const world = this.game.loaded.world;
    return {
      code: this.code,
      scenario: this.scenario,
      title: world.title,
      status: this.status,
      round: this.game.round(),
      phase: this.game.phase(),
      deadline: this.deadline?.phase === this.phaseKey() ? this.deadline.at : null,
      pausedRemaining: this.pausedRemaining,
      now: this.opts.now(),
      announcements: this.announcements.slice(-20),
      released: this.released,
      actors: world.actors.map((a) => ({
        id: a.id,
        name: a.name,
        seat: this.game.seatOf(a.id)?.kind ?? 'human',
      })),
    };
  }

  roster(): Record<string, unknown>[] {
    const submitted = this.game.submitted();
    return [...this.seats.values()].map((s) => ({
      seat: s.seat,
      name: s.name,
      actor: s.actor,
      observer: s.observer,
      connected: [...this.conns].some((c) => c.seat?.seat === s.seat),
      submitted: s.actor ? submitted[s.actor] === true : false,
      computer: s.actor ? this.game.seatOf(s.actor)?.kind === 'computer' : false,
    }));
  }

  /**
   * A client's view message as JSON text. The parts every client of a government (or every observer) shares are
   * stringified once per broadcast and spliced in, so a class of thirty costs six views, not thirty.
   */
  private viewText(conn: Conn, cache: Map<string, string>): string {
    const you = conn.seat
      ? { seat: conn.seat.seat, name: conn.seat.name, actor: conn.seat.actor, observer: conn.seat.observer }
      : null;
    const ended = this.status === 'ended';
    const actor = conn.role === 'player' ? conn.seat?.actor : null;
    const key = actor ?? (ended ? '*end' : '*public');
    let view = cache.get(key);
    if (view === undefined) {
      view = JSON.stringify(
        actor
          ? ended
            ? this.game.stoppedView(actor)
            : this.game.view(actor)
          : ended
            ? this.game.stoppedView(this.game.actors[0]!)
            : this.game.publicView(),
      );
      cache.set(key, view);
    }
    let session = cache.get('*session');
    if (session === undefined) cache.set('*session', (session = JSON.stringify(this.info())));
    let extra = '';
    if (conn.role === 'instructor') {
      extra = `,"roster":${JSON.stringify(this.roster())}`;
      // After the game every seat's truth is revealed for the class debrief.
      if (ended)
        extra += `,"views":${JSON.stringify(Object.fromEntries(this.game.actors.map((a) => [a, this.game.stoppedView(a)])))}`;
    }
    return `{"type":"view","seq":${this.seq},"role":${JSON.stringify(conn.role)},"you":${JSON.stringify(you)},"session":${session},"view":${view}${extra}}`;
  }

  private sendView(conn: Conn, cache = new Map<string, string>()): void {
    conn.sendText(this.viewText(conn, cache));
  }

  /**
   * What goes out at the end of this turn: `full` (every client its whole view) or the governments whose
   * input was held since (every client gets a `submitted` update; those governments' clients with `myInput`).
   */
  private pending: { full: boolean; held: Set<ActorId> } | null = null;

  /** Every client gets its new view; changes in one burst (a deadline filling seats, a class sending at once) go out once. */
  broadcast(): void {
    this.schedule().full = true;
  }

  /**
   * An input was held and nothing else changed: the phase still collects. Every client gets a small `submitted`
   * message (who, never what; the seat's own team also its held input as `myInput`), and the instructor the
   * roster with it. A whole view per client per input was the cost of a class sending at once.
   */
  private broadcastHeld(actor: ActorId): void {
    this.schedule().held.add(actor);
  }

  private schedule(): { full: boolean; held: Set<ActorId> } {
    if (this.pending) return this.pending;
    const pending = (this.pending = { full: false, held: new Set<ActorId>() });
    setImmediate(() => {
      this.pending = null;
      if (this.closed) return;
      const cache = new Map<string, string>();
      if (pending.full) {
        for (const c of this.conns) this.sendView(c, cache);
        return;
      }
      // Who has submitted, for everyone; a team whose input was just held also gets it back as `myInput`.
      const base = `{"type":"submitted","seq":${this.seq},"round":${this.game.round()},"phase":${JSON.stringify(this.game.phase())},"submitted":${JSON.stringify(this.game.submitted())}`;
      const update = `${base}}`;
      const mine = new Map<ActorId, string>();
      for (const a of pending.held) mine.set(a, `${base},"myInput":${JSON.stringify(this.game.held(a))}}`);
      let roster: string | null = null;
      for (const c of this.conns) {
        const actor = c.role === 'player' ? c.seat?.actor : null;
        c.sendText((actor && mine.get(actor)) || update);
        if (c.role === 'instructor')
          c.sendText((roster ??= JSON.stringify({ type: 'roster', seq: this.seq, roster: this.roster() })));
      }
    });
    return pending;
  }

  private broadcastRoster(): void {
    for (const c of this.conns)
      if (c.role === 'instructor') c.send({ type: 'roster', seq: this.seq, roster: this.roster() });
  }

  record(): GameRecord {
    return this.game.record();
  }

  async log(): Promise<StoredEvent[]> {
    return this.store.events(this.code);
  }

  close(): void {
    this.closed = true;
    this.stopTimers();
    const conns = [...this.conns];
    this.conns.clear();
    for (const c of conns) {
      c.send({ type: 'error', seq: this.seq, message: 'The session moved; reconnect.' });
      c.close?.();
    }
  }

  connections(): Conn[] {
    return [...this.conns];
  }
}

const defaultStrategyOf = (room: Room, actor: ActorId): string => defaultStrategy(room.game.loaded, actor);
const isStrategy = (id: string): boolean => Object.hasOwn(STRATEGIES, id);
