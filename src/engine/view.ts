/**
 * What one government may know: its own state and choices, what it observed, and what is public.
 * Computer players and the UI read only this. Before the game ends it never carries another actor's
 * submitted input, true compliance, observations or trust; after the end everything is revealed for the debrief.
 */
import { allHold, isSpent, scores } from './metrics.ts';
import { copyAgreement, indexOf, pairIndex, pickVars, present, roundDate } from './state.ts';
import { canTalk, speaking } from './validate.ts';
import { dealings } from './dealings.ts';
import type { Dealings } from './dealings.ts';
import type { Facts } from './requirements.ts';
import type {
  ActionDef,
  ActorId,
  ActorVar,
  Agreement,
  Cause,
  CauseEntry,
  Channel,
  GameState,
  Leader,
  LogEntry,
  Offer,
  PhaseInput,
  Phase,
  StepRecord,
  Term,
  World,
} from './types.ts';

const UNSEEN: Cause = { kind: 'unseen' };

export interface ActorPublic {
  id: ActorId;
  name: string;
  vars: Record<ActorVar, number>;
  leader: Leader;
  elected: boolean;
  /**
   * Whether it is at the table this round: always for a government; an organisation is away before the round it
   * joins and from the round it leaves (it offers, answers and does nothing, and no deal can include it).
   */
  present: boolean;
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

/** What every view shows alike: the round, the phase, the stage, tension and the governments' public numbers. */
export interface ViewHeader {
  round: number;
  rounds: number;
  date: string;
  phase: Phase;
  stage: number;
  stageName: string;
  tension: number;
  forum: number;
  actors: ActorPublic[];
}

export interface PlayerView extends ViewHeader {
  me: ActorId;
  /** How far I trust each other government. */
  myTrust: Record<ActorId, number>;
  /** Governments I may make direct offers to (enough trust, or an open channel). */
  contacts: ActorId[];
  /** sanctions[a][b]: level a imposes on b (public). */
  sanctions: Record<ActorId, Record<ActorId, number>>;
  lifeline: Record<ActorId, Record<ActorId, number>>;
  /** Open hotlines (public) and my own backchannels (others' only at the end). */
  channels: { a: ActorId; b: ActorId; channel: Channel }[];
  /**
   * Pairs on speaking terms (public): a hotline, or either would open direct talks with the other. How far one
   * trusts the other is private; whether it will receive the other's envoys is said in public. Backchannels are
   * secret and left out. A mediator may broker only where some pair of the parties is not in this list.
   */
  talking: [ActorId, ActorId][];
  alliances: [ActorId, ActorId][];
  /** Rivals read each other's moves with suspicion (public, fixed by the scenario). */
  rivalries: [ActorId, ActorId][];
  /** Offers I am party to or brokered. */
  offers: Offer[];
  agreements: AgreementView[];
  log: LogEntry[];
  /**
   * The cause ledger as this government may read it: changes of every government's numbers, tension and the
   * stage, and of its own trust; a cause it did not witness (a secret act, another's kept step) is `unseen`.
   * At the end, everything.
   */
  causes: CauseEntry[];
  /** Which seats have submitted this phase (not what). */
  submitted: Record<ActorId, boolean>;
  /** Round I last took each action on my own, by `me>action>target` (repeated gestures fade). */
  myRecent: Record<string, number>;
  /**
   * Actions the scenario sets conditions for (`when`) whose conditions do not hold now, by id: not available to
   * anyone this phase (the Security Council without China's consent). Whether they hold is public; the numbers
   * they read need not be.
   */
  barred: string[];
  /**
   * Acts sold once (`once`) that have been, by id: promised in a signed deal or taken on its own, by anyone; no one
   * may take or promise them again. Public, like `barred`.
   */
  spent: string[];
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
  /**
   * What I saw of `other` so far (my own acts when `other` is me), kept as the game goes; null at the end, or
   * when the view is plain data (then read `log` and `agreements`).
   */
  dealings?(other: ActorId): Dealings | null;
  /** The facts for checking an action's requirements, as this view shows them (absent from plain data). */
  facts?(): Facts;
}

/**
 * Copies of closed offers, which never change again: made once and shared by every view. Like everything in a
 * view they are to be read, not changed (they are not frozen: freezing cost more than the copies it saved).
 */
const closedOffers = new WeakMap<Offer, Offer>();
/**
 * Views of ended agreements, which never change again either (before the end), shared the same way: one per
 * party or mediator (its own record of the steps) and one for every outsider (no record).
 */
const endedAgreements = new WeakMap<Agreement, Map<ActorId | null, AgreementView>>();

/**
 * The views of agreements under way, per agreement and viewer as `endedAgreements`, each with what it was made
 * from of the parts that change while an agreement runs (an agreement is changed in place as its steps come due).
 */
const activeAgreements = new WeakMap<
  Agreement,
  Map<
    ActorId | null,
    {
      view: AgreementView;
      records: number;
      done: number;
      strikes: number;
      status: Agreement['status'];
      ended: Agreement['ended'];
    }
  >
>();

/**
 * Copies of the parts of an offer or agreement that never change once it is made (its terms, parties and
 * signers), made once and shared by the views that show it.
 */
const fixedParts = new WeakMap<
  object,
  { terms: Term[]; parties: ActorId[]; signers?: Record<ActorId, string> }
>();

function fixed(x: Offer | Agreement): {
  terms: Term[];
  parties: ActorId[];
  signers?: Record<ActorId, string>;
} {
  let f = fixedParts.get(x);
  if (!f) {
    f = { terms: x.terms.map((t) => ({ ...t })), parties: x.parties.slice() };
    if ('signers' in x) f.signers = { ...x.signers };
    fixedParts.set(x, f);
  }
  return f;
}

function copyOffer(o: Offer): Offer {
  const f = fixed(o);
  return {
    ...o,
    terms: f.terms,
    parties: f.parties,
    accepted: o.accepted.slice(),
  };
}

/** One step as `me` knows it, made once per step and government (steps never change once recorded). */
const stepViews = new WeakMap<StepRecord, Map<ActorId, AgreementView['record'][number]>>();

function stepView(r: StepRecord, me: ActorId): AgreementView['record'][number] {
  let byMe = stepViews.get(r);
  if (!byMe) stepViews.set(r, (byMe = new Map()));
  let v = byMe.get(me);
  if (!v) {
    v = {
      round: r.round,
      step: r.step,
      mine: me in r.honoured ? r.honoured[me]! : null,
      saw: { ...(r.observed[me] ?? {}) },
      disputed: r.disputed,
    };
    byMe.set(me, v);
  }
  return v;
}

type Lazy = Omit<
  PlayerView,
  'me' | 'round' | 'rounds' | 'phase' | 'stage' | 'tension' | 'forum' | 'myInput' | 'end'
>;

/**
 * The view of `me`. Every field but the plain numbers is computed on first read and then kept, so a player
 * pays only for what it reads; the state must not change while the view is in use. Closed offers and ended
 * agreements are shared between views. `toJSON` gives the whole view as plain data (for the UI, a
 * client, or a test). The state, the index of what everyone saw and the caches are private fields, out of
 * reach of whoever holds the view.
 */
class View implements PlayerView {
  readonly me: ActorId;
  readonly round: number;
  readonly rounds: number;
  readonly phase: Phase;
  readonly stage: number;
  readonly tension: number;
  readonly forum: number;
  readonly myInput: PhaseInput | null;
  readonly end: GameState['end'];
  readonly #world: World;
  readonly #s: GameState;
  readonly #i: number;
  readonly #over: boolean;
  #cache: Partial<Lazy> = {};
  #facts: Facts | undefined = undefined;

  constructor(world: World, s: GameState, me: ActorId) {
    const i = indexOf(world, me);
    this.me = me;
    this.#world = world;
    this.#s = s;
    this.#i = i;
    this.#over = s.end !== null;
    this.round = s.round;
    this.rounds = world.rounds;
    this.phase = s.phase;
    this.stage = s.stage;
    this.tension = s.tension;
    this.forum = s.forum;
    this.end = s.end;
    this.myInput = s.inbox[i] ?? null;
  }

  get date(): string {
    return (this.#cache.date ??= roundDate(this.#world, this.#s.round));
  }

  get stageName(): string {
    return (this.#cache.stageName ??= this.#world.stages[this.#s.stage] ?? '');
  }

  get actors(): ActorPublic[] {
    const s = this.#s;
    return (this.#cache.actors ??= this.#world.actors.map((def, k) => {
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
        present: present(this.#world, s, k),
      };
    }));
  }

  get barred(): string[] {
    return (this.#cache.barred ??= this.#world.actions
      .filter((d) => d.when !== undefined && d.when.length > 0 && !allHold(this.#world, this.#s, d.when))
      .map((d) => d.id));
  }

  get spent(): string[] {
    return (this.#cache.spent ??= this.#world.actions
      .filter((d) => d.once && isSpent(this.#world, this.#s, d.id))
      .map((d) => d.id));
  }

  get myTrust(): Record<ActorId, number> {
    return (this.#cache.myTrust ??= row(this.#s.trust, this.#world, this.#i));
  }

  get contacts(): ActorId[] {
    let c = this.#cache.contacts;
    if (!c) {
      c = [];
      const n = this.#world.actors.length;
      // An organisation away from the table (before it joins, after it leaves) is no one's contact.
      for (let a = 0; a < n; a++)
        if (a !== this.#i && present(this.#world, this.#s, a) && canTalk(this.#world, this.#s, this.#i, a))
          c.push(this.#world.actors[a]!.id);
      this.#cache.contacts = c;
    }
    return c;
  }

  get sanctions(): Record<ActorId, Record<ActorId, number>> {
    return (this.#cache.sanctions ??= table(this.#s.sanctions, this.#world));
  }

  get lifeline(): Record<ActorId, Record<ActorId, number>> {
    return (this.#cache.lifeline ??= table(this.#s.lifeline, this.#world));
  }

  get channels(): PlayerView['channels'] {
    return (this.#cache.channels ??= this.#pairs().channels);
  }

  get talking(): PlayerView['talking'] {
    let out = this.#cache.talking;
    if (!out) {
      out = [];
      const ids = this.#world.actors;
      for (let a = 0; a < ids.length; a++)
        for (let b = a + 1; b < ids.length; b++)
          if (speaking(this.#world, this.#s, a, b)) out.push([ids[a]!.id, ids[b]!.id]);
      this.#cache.talking = out;
    }
    return out;
  }

  get alliances(): PlayerView['alliances'] {
    return (this.#cache.alliances ??= this.#pairs().alliances);
  }

  get rivalries(): PlayerView['rivalries'] {
    return (this.#cache.rivalries ??= this.#pairs().rivalries);
  }

  #pairs(): Pick<PlayerView, 'channels' | 'alliances' | 'rivalries'> {
    const s = this.#s;
    const ids = this.#world.actors;
    const n = ids.length;
    const i = this.#i;
    const out: Pick<PlayerView, 'channels' | 'alliances' | 'rivalries'> = {
      channels: [],
      alliances: [],
      rivalries: [],
    };
    for (let a = 0; a < n; a++) {
      const id = ids[a]!.id;
      for (let b = a + 1; b < n; b++) {
        const k = pairIndex(n, a, b);
        if (s.hotline[k]) out.channels.push({ a: id, b: ids[b]!.id, channel: 'hotline' });
        // A backchannel is quiet: only its two ends know of it until the debrief.
        if (s.backchannel[k] && (this.#over || a === i || b === i))
          out.channels.push({ a: id, b: ids[b]!.id, channel: 'backchannel' });
        if (s.alliance[k]) out.alliances.push([id, ids[b]!.id]);
        if (s.rivalry[k]) out.rivalries.push([id, ids[b]!.id]);
      }
    }
    return out;
  }

  get submitted(): Record<ActorId, boolean> {
    let out = this.#cache.submitted;
    if (!out) {
      out = {};
      const actors = this.#world.actors;
      for (let a = 0; a < actors.length; a++) out[actors[a]!.id] = this.#s.inbox[a] !== null;
      this.#cache.submitted = out;
    }
    return out;
  }

  get myRecent(): Record<string, number> {
    let out = this.#cache.myRecent;
    if (!out) {
      out = {};
      const prefix = `${this.me}>`;
      const recent = this.#s.recent;
      for (const k in recent) if (k.startsWith(prefix)) out[k] = recent[k]!;
      this.#cache.myRecent = out;
    }
    return out;
  }

  get offers(): Offer[] {
    const me = this.me;
    return (this.#cache.offers ??= this.#s.offers
      .filter((o) => o.parties.includes(me) || o.mediator === me)
      .map((o) => {
        if (o.status === 'open') return copyOffer(o);
        let c = closedOffers.get(o);
        if (!c) closedOffers.set(o, (c = copyOffer(o)));
        return c;
      }));
  }

  get agreements(): AgreementView[] {
    const me = this.me;
    const over = this.#over;
    return (this.#cache.agreements ??= this.#s.agreements.map((g) => {
      if (over) return agreementView(g, me, over);
      if (g.status === 'active') {
        // An agreement under way changes only by its record, steps, strikes and standing: its view is made again
        // only when one of those has changed (the six seats of a phase share one view, its parties one each).
        let views = activeAgreements.get(g);
        if (!views) activeAgreements.set(g, (views = new Map()));
        const key = g.parties.includes(me) || g.mediator === me ? me : null;
        let c = views.get(key);
        if (
          !c ||
          c.records !== g.record.length ||
          c.done !== g.done ||
          c.strikes !== g.strikes ||
          c.status !== g.status ||
          c.ended !== g.ended
        )
          views.set(
            key,
            (c = {
              view: agreementView(g, me, false),
              records: g.record.length,
              done: g.done,
              strikes: g.strikes,
              status: g.status,
              ended: g.ended,
            }),
          );
        return c.view;
      }
      let views = endedAgreements.get(g);
      if (!views) endedAgreements.set(g, (views = new Map()));
      const key = g.parties.includes(me) || g.mediator === me ? me : null;
      let v = views.get(key);
      if (!v) views.set(key, (v = agreementView(g, me, false)));
      return v;
    }));
  }

  get log(): LogEntry[] {
    const me = this.me;
    return (this.#cache.log ??= this.#over
      ? this.#s.log.slice()
      : this.#s.log.filter((e) => e.to === null || e.to.includes(me)));
  }

  get causes(): CauseEntry[] {
    const me = this.me;
    const all = this.#s.causes ?? [];
    return (this.#cache.causes ??= this.#over
      ? all.slice()
      : all
          .filter((e) => e.of.kind !== 'trust' || e.of.from === me)
          .map((e) =>
            !e.to || e.to.includes(me) ? e : { round: e.round, of: e.of, cause: UNSEEN, amount: e.amount },
          ));
  }

  get history(): PlayerView['history'] {
    const world = this.#world;
    const i = this.#i;
    return (this.#cache.history ??= this.#s.history.map((h) => ({
      round: h.round,
      tension: h.tension,
      stage: h.stage,
      vars: h.vars,
      myTrust: row(h.trust, world, i),
    })));
  }

  get scores(): PlayerView['scores'] {
    if (!('scores' in this.#cache)) this.#cache.scores = this.#over ? scores(this.#world, this.#s) : null;
    return this.#cache.scores!;
  }

  dealings(other: ActorId): Dealings | null {
    if (this.#over) return null; // at the end the log is all revealed: a player reads the view's own lists
    const a = indexOf(this.#world, other);
    return a < 0 ? null : dealings(this.#world, this.#s, this.#i, a);
  }

  /**
   * The facts this government can check an action's requirements against: the same values the view's own
   * tables and lists give (public pairs, its own backchannels only), read straight from the state.
   */
  facts(): Facts {
    return (this.#facts ??= new ViewStateFacts(this.#world, this.#s, this.#i, this.#over));
  }

  toJSON(): PlayerView {
    return {
      me: this.me,
      round: this.round,
      rounds: this.rounds,
      date: this.date,
      phase: this.phase,
      stage: this.stage,
      stageName: this.stageName,
      tension: this.tension,
      forum: this.forum,
      actors: this.actors,
      myTrust: this.myTrust,
      contacts: this.contacts,
      sanctions: this.sanctions,
      lifeline: this.lifeline,
      channels: this.channels,
      talking: this.talking,
      alliances: this.alliances,
      rivalries: this.rivalries,
      submitted: this.submitted,
      myRecent: this.myRecent,
      barred: this.barred,
      spent: this.spent,
      myInput: this.myInput,
      end: this.end,
      offers: this.offers,
      agreements: this.agreements,
      log: this.log,
      causes: this.causes,
      history: this.history,
      scores: this.scores,
    };
  }
}

/**
 * Requirement facts as a view shows them: a pair is read from the upper triangle, as the view's lists of
 * channels and rivalries are, and a backchannel counts only when this government is one of its ends.
 */
class ViewStateFacts implements Facts {
  readonly forum: number;
  private readonly n: number;

  constructor(
    private readonly world: World,
    private readonly s: GameState,
    private readonly i: number,
    private readonly over: boolean,
  ) {
    this.forum = s.forum;
    this.n = world.actors.length;
  }

  sanctions(a: ActorId, b: ActorId): number {
    const x = indexOf(this.world, a);
    const y = indexOf(this.world, b);
    return x < 0 || y < 0 || x === y ? 0 : this.s.sanctions[pairIndex(this.n, x, y)]!;
  }

  lifeline(a: ActorId, b: ActorId): number {
    const x = indexOf(this.world, a);
    const y = indexOf(this.world, b);
    return x < 0 || y < 0 || x === y ? 0 : this.s.lifeline[pairIndex(this.n, x, y)]!;
  }

  channel(kind: 'hotline' | 'backchannel', a: ActorId, b: ActorId): boolean {
    const k = this.upper(a, b);
    if (k < 0) return false;
    if (kind === 'hotline') return !!this.s.hotline[k];
    const lo = Math.floor(k / this.n);
    const hi = k % this.n;
    return !!this.s.backchannel[k] && (this.over || lo === this.i || hi === this.i);
  }

  programme(a: ActorId): number {
    const x = indexOf(this.world, a);
    return x < 0 ? 0 : this.s.actors[x]!.nuclear;
  }

  rivals(a: ActorId, b: ActorId): boolean {
    const k = this.upper(a, b);
    return k >= 0 && !!this.s.rivalry[k];
  }

  allowed(def: ActionDef): boolean {
    return allHold(this.world, this.s, def.when ?? []);
  }

  spent(def: ActionDef): boolean {
    return isSpent(this.world, this.s, def.id);
  }

  /** The upper-triangle index of a pair of distinct known actors, or -1. */
  private upper(a: ActorId, b: ActorId): number {
    const x = indexOf(this.world, a);
    const y = indexOf(this.world, b);
    if (x < 0 || y < 0 || x === y) return -1;
    return x < y ? pairIndex(this.n, x, y) : pairIndex(this.n, y, x);
  }
}

/** Row `from` of a pair table, by the other actors' ids. */
function row(arr: readonly number[], world: World, from: number): Record<ActorId, number> {
  const actors = world.actors;
  const n = actors.length;
  const r: Record<ActorId, number> = {};
  for (let j = 0; j < n; j++) if (j !== from) r[actors[j]!.id] = arr[pairIndex(n, from, j)]!;
  return r;
}

function table(arr: readonly number[], world: World): Record<ActorId, Record<ActorId, number>> {
  const out: Record<ActorId, Record<ActorId, number>> = {};
  const actors = world.actors;
  for (let a = 0; a < actors.length; a++) out[actors[a]!.id] = row(arr, world, a);
  return out;
}

function agreementView(g: Agreement, me: ActorId, over: boolean): AgreementView {
  const party = g.parties.includes(me) || g.mediator === me;
  const f = fixed(g);
  // The copy's fields in its order (the state hash depends on key order), with the parts copied once, then the truth.
  return {
    ...copyAgreement(g, party ? g.record.map((r) => stepView(r, me)) : [], {
      parties: f.parties,
      terms: f.terms,
      signers: f.signers!,
    }),
    truth: over ? g.record : null,
  };
}

/** What `me` may know of the game. */
export function playerView(world: World, s: GameState, me: ActorId): PlayerView {
  return new View(world, s, me);
}

/** What anyone may see (an observer, a projector): public facts only, as plain data. */
export interface PublicView extends ViewHeader {
  sanctions: Record<ActorId, Record<ActorId, number>>;
  lifeline: Record<ActorId, Record<ActorId, number>>;
  /** Open hotlines (backchannels only at the end). */
  channels: { a: ActorId; b: ActorId; channel: Channel }[];
  /** Pairs on speaking terms (a hotline, or either would open direct talks), as in a player's view. */
  talking: [ActorId, ActorId][];
  alliances: [ActorId, ActorId][];
  rivalries: [ActorId, ActorId][];
  /** Public log entries (the whole log at the end). */
  log: LogEntry[];
  submitted: Record<ActorId, boolean>;
  history: {
    round: number;
    tension: number;
    stage: number;
    vars: Record<ActorId, Record<ActorVar, number>>;
  }[];
  end: GameState['end'];
  scores: Record<ActorId, number> | null;
}

export function publicView(world: World, s: GameState): PublicView {
  // A seat's view supplies the public tables; everything seat-specific is left out or filtered.
  const v = new View(world, s, world.actors[0]!.id);
  const over = s.end !== null;
  return {
    round: v.round,
    rounds: v.rounds,
    date: v.date,
    phase: v.phase,
    stage: v.stage,
    stageName: v.stageName,
    tension: v.tension,
    forum: v.forum,
    actors: v.actors,
    sanctions: v.sanctions,
    lifeline: v.lifeline,
    channels: v.channels.filter((c) => over || c.channel === 'hotline'),
    talking: v.talking,
    alliances: v.alliances,
    rivalries: v.rivalries,
    log: over ? s.log.slice() : s.log.filter((e) => e.to === null),
    submitted: v.submitted,
    history: s.history.map((h) => ({ round: h.round, tension: h.tension, stage: h.stage, vars: h.vars })),
    end: s.end,
    scores: v.scores,
  };
}
