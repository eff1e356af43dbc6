/**
 * What one government may know: its own state and choices, what it observed, and what is public.
 * Computer players and the UI read only this. Before the game ends it never carries another actor's
 * submitted input, true compliance, observations or trust; after the end everything is revealed for the debrief.
 */
import { scores } from './metrics.ts';
import { indexOf, roundDate } from './state.ts';
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
  record: { round: number; step: number; mine: boolean | null; saw: Record<ActorId, boolean>; disputed: boolean }[];
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
  /** sanctions[a][b]: level a imposes on b (public). */
  sanctions: Record<ActorId, Record<ActorId, number>>;
  lifeline: Record<ActorId, Record<ActorId, number>>;
  channels: { a: ActorId; b: ActorId; channel: Channel }[];
  alliances: [ActorId, ActorId][];
  /** Offers I am party to or brokered. */
  offers: Offer[];
  agreements: AgreementView[];
  log: LogEntry[];
  /** Which seats have submitted this phase (not what). */
  submitted: Record<ActorId, boolean>;
  myInput: PhaseInput | null;
  history: { round: number; tension: number; stage: number; vars: Record<ActorId, Record<ActorVar, number>>; myTrust: Record<ActorId, number> }[];
  end: GameState['end'];
  /** Every government's score: only at the end (scores read private trust). */
  scores: Record<ActorId, number> | null;
}

export function playerView(world: World, s: GameState, me: ActorId): PlayerView {
  const n = world.actors.length;
  const i = indexOf(world, me);
  const ids = world.actors.map((a) => a.id);
  const over = s.end !== null;
  const rowOf = (arr: readonly number[], from: number): Record<ActorId, number> => {
    const r: Record<ActorId, number> = {};
    ids.forEach((id, j) => {
      if (j !== from) r[id] = arr[from * n + j]!;
    });
    return r;
  };
  const matrix = (arr: readonly number[]): Record<ActorId, Record<ActorId, number>> => {
    const m: Record<ActorId, Record<ActorId, number>> = {};
    ids.forEach((id, a) => (m[id] = rowOf(arr, a)));
    return m;
  };
  const channels: PlayerView['channels'] = [];
  const alliances: PlayerView['alliances'] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      if (s.hotline[a * n + b]) channels.push({ a: ids[a]!, b: ids[b]!, channel: 'hotline' });
      if (s.backchannel[a * n + b]) channels.push({ a: ids[a]!, b: ids[b]!, channel: 'backchannel' });
      if (s.alliance[a * n + b]) alliances.push([ids[a]!, ids[b]!]);
    }
  const agreements: AgreementView[] = s.agreements.map((g) => {
    const { record, ...rest } = g;
    const party = g.parties.includes(me) || g.mediator === me;
    return {
      ...rest,
      terms: rest.terms.map((t) => ({ ...t })),
      parties: rest.parties.slice(),
      signers: { ...rest.signers },
      record: party
        ? record.map((r) => ({ round: r.round, step: r.step, mine: me in r.honoured ? r.honoured[me]! : null, saw: { ...(r.observed[me] ?? {}) }, disputed: r.disputed }))
        : [],
      truth: over ? record : null,
    };
  });
  return {
    me,
    round: s.round,
    rounds: world.rounds,
    date: roundDate(world, s.round),
    phase: s.phase,
    stage: s.stage,
    stageName: world.stages[s.stage] ?? '',
    tension: s.tension,
    forum: s.forum,
    actors: world.actors.map((def, k) => {
      const a = s.actors[k]!;
      return {
        id: def.id,
        name: def.name,
        vars: { security: a.security, support: a.support, economy: a.economy, influence: a.influence, nuclear: a.nuclear, missile: a.missile },
        leader: { ...a.leader },
        elected: def.elected,
      };
    }),
    myTrust: rowOf(s.trust, i),
    sanctions: matrix(s.sanctions),
    lifeline: matrix(s.lifeline),
    channels,
    alliances,
    offers: s.offers.filter((o) => o.parties.includes(me) || o.mediator === me).map((o) => ({ ...o, terms: o.terms.map((t) => ({ ...t })), parties: o.parties.slice(), accepted: o.accepted.slice() })),
    agreements,
    log: s.log.filter((e) => over || e.to === null || e.to.includes(me)),
    submitted: Object.fromEntries(ids.map((id, k) => [id, s.inbox[k] !== null])),
    myInput: s.inbox[i] ?? null,
    history: s.history.map((h) => ({ round: h.round, tension: h.tension, stage: h.stage, vars: h.vars, myTrust: rowOf(h.trust, i) })),
    end: s.end,
    scores: over ? scores(world, s) : null,
  };
}
