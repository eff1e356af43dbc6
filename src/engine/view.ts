/**
 * What one government may know: its own state and choices, what it observed, and what is public.
 * Computer players and the UI read only this. Before the game ends it never carries another actor's
 * submitted input, true compliance, observations or trust; after the end everything is revealed for the debrief.
 */
import { scores } from './metrics.ts';
import { copyAgreement, indexOf, pickVars, roundDate } from './state.ts';
import { canTalk } from './validate.ts';
import type {
  ActorId,
  ActorVar,
  Agreement,
  Channel,
  GameState,
  Leader,
  LogEntry,
  Offer,
  PhaseInput,
  Phase,
  StepRecord,
  World,
} from './types.ts';

export interface ActorPublic {
  id: ActorId;
  name: string;
  vars: Record<ActorVar, number>;
  leader: Leader;
  elected: boolean;
}

export interface AgreementView extends Omit<Agreement, 'record'> {
  /** Steps as this actor knows them: its own choice and what it saw of each other party. */
  record: {
    round: number;
    step: number;
    mine: boolean | null;
    saw: Record<ActorId, boolean>;
    disputed: boolean;
  }[];
  /** The full truth: only after the game ends. */
  truth: StepRecord[] | null;
}

export interface PlayerView {
  me: ActorId;
  round: number;
  rounds: number;
  date: string;
  phase: Phase;
  stage: number;
  stageName: string;
  tension: number;
  forum: number;
  actors: ActorPublic[];
  /** How far I trust each other government. */
  myTrust: Record<ActorId, number>;
  /** Governments I may make direct offers to (enough trust, or an open channel). */
  contacts: ActorId[];
  /** sanctions[a][b]: level a imposes on b (public). */
  sanctions: Record<ActorId, Record<ActorId, number>>;
  lifeline: Record<ActorId, Record<ActorId, number>>;
  /** Open hotlines (public) and my own backchannels (others' only at the end). */
  channels: { a: ActorId; b: ActorId; channel: Channel }[];
  alliances: [ActorId, ActorId][];
  /** Rivals read each other's moves with suspicion (public, fixed by the scenario). */
  rivalries: [ActorId, ActorId][];
  /** Offers I am party to or brokered. */
  offers: Offer[];
  agreements: AgreementView[];
  log: LogEntry[];
  /** Which seats have submitted this phase (not what). */
  submitted: Record<ActorId, boolean>;
  /** Round I last took each action on my own, by `me>action>target` (repeated gestures fade). */
  myRecent: Record<string, number>;
  myInput: PhaseInput | null;
  history: {
    round: number;
    tension: number;
    stage: number;
    vars: Record<ActorId, Record<ActorVar, number>>;
    myTrust: Record<ActorId, number>;
  }[];
  end: GameState['end'];
  /** Every government's score: only at the end (scores read private trust). */
  scores: Record<ActorId, number> | null;
}

/**
 * The view of `me`: cheap fields are computed at once, the long lists (offers, agreements, log, history,
 * scores) on first read and then kept. The state must not change while the view is in use.
 * `toJSON` gives the whole view as plain data (for the UI, a client, or a test).
 */
class View {
  readonly me: ActorId;
  readonly round: number;
  readonly rounds: number;
  readonly date: string;
  readonly phase: Phase;
  readonly stage: number;
  readonly stageName: string;
  readonly tension: number;
  readonly forum: number;
  readonly actors: ActorPublic[];
  readonly myTrust: Record<ActorId, number>;
  readonly contacts: ActorId[];
  readonly sanctions: Record<ActorId, Record<ActorId, number>>;
  readonly lifeline: Record<ActorId, Record<ActorId, number>>;
  readonly channels: PlayerView['channels'] = [];
  readonly alliances: PlayerView['alliances'] = [];
  readonly rivalries: PlayerView['rivalries'] = [];
  readonly submitted: Record<ActorId, boolean> = {};
  readonly myRecent: Record<string, number> = {};
  readonly myInput: PhaseInput | null;
  readonly end: GameState['end'];
  private readonly i: number;
  private readonly over: boolean;
  private cache: Partial<Pick<PlayerView, 'offers' | 'agreements' | 'log' | 'history' | 'scores'>> = {};

  constructor(
    private readonly world: World,
    private readonly s: GameState,
    me: ActorId,
  ) {
    const n = world.actors.length;
    const i = indexOf(world, me);
    const ids = world.actors.map((a) => a.id);
    this.me = me;
    this.i = i;
    this.over = s.end !== null;
    this.round = s.round;
    this.rounds = world.rounds;
    this.date = roundDate(world, s.round);
    this.phase = s.phase;
    this.stage = s.stage;
    this.stageName = world.stages[s.stage] ?? '';
    this.tension = s.tension;
    this.forum = s.forum;
    this.end = s.end;
    this.myInput = s.inbox[i] ?? null;
    const prefix = `${me}>`;
    for (const [k, r] of Object.entries(s.recent)) if (k.startsWith(prefix)) this.myRecent[k] = r;
    this.actors = world.actors.map((def, k) => {
      const a = s.actors[k]!;
      return {
        id: def.id,
        name: def.name,
        vars: pickVars(a),
        leader: {
          name: a.leader.name,
          stance: a.leader.stance,
          termEnds: a.leader.termEnds,
          since: a.leader.since,
        },
        elected: def.elected,
      };
    });
    this.myTrust = row(s.trust, n, ids, i);
    this.contacts = [];
    this.sanctions = {};
    this.lifeline = {};
    for (let a = 0; a < n; a++) {
      const id = ids[a]!;
      if (a !== i && canTalk(world, s, i, a)) this.contacts.push(id);
      this.sanctions[id] = row(s.sanctions, n, ids, a);
      this.lifeline[id] = row(s.lifeline, n, ids, a);
      this.submitted[id] = s.inbox[a] !== null;
      for (let b = a + 1; b < n; b++) {
        const k = a * n + b;
        if (s.hotline[k]) this.channels.push({ a: id, b: ids[b]!, channel: 'hotline' });
        // A backchannel is quiet: only its two ends know of it until the debrief.
        if (s.backchannel[k] && (this.over || a === i || b === i))
          this.channels.push({ a: id, b: ids[b]!, channel: 'backchannel' });
        if (s.alliance[k]) this.alliances.push([id, ids[b]!]);
        if (s.rivalry[k]) this.rivalries.push([id, ids[b]!]);
      }
    }
  }

  get offers(): Offer[] {
    const me = this.me;
    return (this.cache.offers ??= this.s.offers
      .filter((o) => o.parties.includes(me) || o.mediator === me)
      .map((o) => ({
        ...o,
        terms: o.terms.map((t) => ({ ...t })),
        parties: o.parties.slice(),
        accepted: o.accepted.slice(),
      })));
  }

  get agreements(): AgreementView[] {
    return (this.cache.agreements ??= this.s.agreements.map((g) => agreementView(g, this.me, this.over)));
  }

  get log(): LogEntry[] {
    const me = this.me;
    return (this.cache.log ??= this.over
      ? this.s.log.slice()
      : this.s.log.filter((e) => e.to === null || e.to.includes(me)));
  }

  get history(): PlayerView['history'] {
    const n = this.world.actors.length;
    const ids = this.world.actors.map((a) => a.id);
    return (this.cache.history ??= this.s.history.map((h) => ({
      round: h.round,
      tension: h.tension,
      stage: h.stage,
      vars: h.vars,
      myTrust: row(h.trust, n, ids, this.i),
    })));
  }

  get scores(): PlayerView['scores'] {
    if (!('scores' in this.cache)) this.cache.scores = this.over ? scores(this.world, this.s) : null;
    return this.cache.scores!;
  }

  toJSON(): PlayerView {
    const { world: _w, s: _s, i: _i, over: _o, cache: _c, ...plain } = this;
    return {
      ...plain,
      offers: this.offers,
      agreements: this.agreements,
      log: this.log,
      history: this.history,
      scores: this.scores,
    };
  }
}

function row(
  arr: readonly number[],
  n: number,
  ids: readonly ActorId[],
  from: number,
): Record<ActorId, number> {
  const r: Record<ActorId, number> = {};
  for (let j = 0; j < n; j++) if (j !== from) r[ids[j]!] = arr[from * n + j]!;
  return r;
}

function agreementView(g: Agreement, me: ActorId, over: boolean): AgreementView {
  const party = g.parties.includes(me) || g.mediator === me;
  const record = party
    ? g.record.map((r) => ({
        round: r.round,
        step: r.step,
        mine: me in r.honoured ? r.honoured[me]! : null,
        saw: { ...(r.observed[me] ?? {}) },
        disputed: r.disputed,
      }))
    : [];
  return { ...copyAgreement(g, record), truth: over ? g.record : null };
}

/** What `me` may know of the game. */
export function playerView(world: World, s: GameState, me: ActorId): PlayerView {
  return new View(world, s, me);
}
