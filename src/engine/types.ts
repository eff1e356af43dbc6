/**
 * The engine's vocabulary: closed lists as `as const` arrays with types derived from them,
 * the static world a scenario compiles to, the dynamic game state (plain JSON), and the inputs.
 *
 * Actors are addressed by id (`'DPRK'`) in everything a person or a record reads, and by index
 * (their position in `World.actors`) inside the state's pairwise arrays, which are flat `n * n`.
 */

/** The six governments every scenario has. A scenario may add more (the UN, ASEAN). */
export const CORE_ACTORS = ['DPRK', 'ROK', 'USA', 'PRC', 'RUS', 'JPN'] as const;
export type CoreActorId = (typeof CORE_ACTORS)[number];
export type ActorId = string;

/** Per-actor variables, each 0..100. `nuclear` and `missile` are programme levels (the DPRK's matter most). */
export const ACTOR_VARS = ['security', 'support', 'economy', 'influence', 'nuclear', 'missile'] as const;
export type ActorVar = (typeof ACTOR_VARS)[number];

/** Verification of an agreement: how well each party sees whether the others kept their word. */
export const VERIFICATIONS = ['none', 'partial', 'inspections'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** Open communication channels between two governments (symmetric). */
export const CHANNELS = ['hotline', 'backchannel'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Phases of a round, in order. Only the three `INPUT_PHASES` wait for the seats. */
export const PHASES = [
  'events',
  'proposing',
  'responding',
  'commitment',
  'resolution',
  'reaction',
  'over',
] as const;
export type Phase = (typeof PHASES)[number];
export const INPUT_PHASES = ['proposing', 'responding', 'commitment'] as const;
export type InputPhase = (typeof INPUT_PHASES)[number];

/** Who an effect touches, relative to the actor taking the action. */
export const EFFECT_SUBJECTS = ['self', 'target', 'allies', 'target-allies', 'others'] as const;
export type EffectSubject = (typeof EFFECT_SUBJECTS)[number];

/** Who reads something into an action, relative to the actor taking it. */
export const OBSERVER_GROUPS = ['target', 'allies', 'target-allies', 'rivals', 'all'] as const;
export type ObserverGroup = (typeof OBSERVER_GROUPS)[number];

/** Who sees an action: everyone, only the target (and the actor), or nobody but the actor. */
export const VISIBILITIES = ['public', 'target', 'secret'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ACTION_FAMILIES = [
  'engagement',
  'channel',
  'diplomacy',
  'economic',
  'security',
  'programme',
  'provocation',
  'intelligence',
] as const;
export type ActionFamily = (typeof ACTION_FAMILIES)[number];

/** Effects as data. Every number the rules apply to an action lives in one of these. */
export type Effect =
  | {
      kind: 'var';
      who: EffectSubject;
      var: ActorVar;
      delta: number;
      /** Multiply by the public's hawkishness / 50 (concessions hurt more at home with a hawkish public). */
      scaleByHawkishness?: boolean;
      /** Only when actor and target are rivals (a summit with an adversary makes history; one with a friend does not). */
      rivalsOnly?: boolean;
    }
  | { kind: 'tension'; delta: number }
  | { kind: 'sanctions'; delta: number }
  | { kind: 'lifeline'; delta: number }
  | { kind: 'channel'; channel: Channel; open: boolean }
  | { kind: 'forum'; rounds: number }
  | { kind: 'stage'; delta: number; atMost?: number };

/**
 * Conditions an action needs to make sense now, as a closed vocabulary: talks not yet convened, sanctions
 * or a lifeline there to lift or below the maximum to raise, a channel not yet open, a programme to freeze.
 */
export const REQUIREMENTS = [
  'no-forum',
  'sanctions-on-target',
  'sanctions-below-max',
  'lifeline-to-target',
  'lifeline-below-max',
  'no-hotline',
  'no-backchannel',
  'has-programme',
  'target-rival',
  'target-not-rival',
] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** What observers read into an action: a change in their trust toward the actor. */
export interface Reading {
  observers: ObserverGroup;
  trust: number;
}

export interface ActionDef {
  id: string;
  name: string;
  family: ActionFamily;
  /** Who may take it: actor ids, or `'any'`. */
  by: readonly ActorId[] | 'any';
  /** Whether it is aimed at another government. */
  targeted: boolean;
  /** Who it may be aimed at, when only some governments make sense (exercises at adversaries); null for anyone. */
  targets: readonly ActorId[] | null;
  /** Paid by the actor when taken (economy, support or influence points). */
  cost: Partial<Record<ActorVar, number>>;
  effects: readonly Effect[];
  visibility: Visibility;
  readings: readonly Reading[];
  /** A concession: giving it away costs support with a hawkish public (via its effects) and counts as a give in a deal. */
  concession: boolean;
  /** A provocation: counts toward crisis and rallies a hawkish public. */
  provocation: boolean;
  /** Whether it may be promised as a term of an offer. */
  dealable: boolean;
  /** A joint action (a summit, an exchange, a hotline) takes two: it happens only as a term of an agreement. */
  joint: boolean;
  /** What must hold for it to be taken or promised. */
  requires: readonly Requirement[];
  /**
   * Conditions on the state the scenario sets for it (the Security Council acts only with China's consent): all
   * must hold for it to be taken or promised. Absent or empty for none.
   */
  when?: readonly Condition[];
  /**
   * Sold once in a game (a declaration made, the one site there is to dismantle): available until a deal with it
   * as a term has been signed or anyone has taken it on its own, then to no one. Absent for an act that may repeat.
   */
  once?: true;
  /** One sentence for tooltips and explanations. */
  summary: string;
}

/** A metric a condition or an objective reads, normalised to 0..100. */
export const ACTOR_METRICS = [...ACTOR_VARS, 'trust-in', 'trust-of'] as const;
export type ActorMetric = (typeof ACTOR_METRICS)[number];
export const GLOBAL_METRICS = [
  'tension',
  'stage',
  'mean-trust',
  'agreements-kept',
  'agreements-broken',
] as const;
export type GlobalMetric = (typeof GLOBAL_METRICS)[number];

export type MetricRef = { metric: ActorMetric; of: ActorId } | { metric: GlobalMetric };

/** A condition on a number: a metric between bounds on 0..100. */
export type MetricCondition = MetricRef & { atLeast?: number; atMost?: number };

/** The deal statuses a condition can ask for: signed (at all), completed (kept to the end) or broken. */
export const DEAL_STATUSES = ['signed', 'completed', 'broken'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** One pair's relation a condition can read: trust (0..100), sanctions or lifeline (levels 0..3). */
export const PAIR_MEASURES = ['trust', 'sanctions', 'lifeline'] as const;
export type PairMeasure = (typeof PAIR_MEASURES)[number];

/**
 * A condition on a fact of the game rather than a 0..100 metric. `not` turns it around (for `pair`, use bounds).
 * - leader: `of` is led by the leader named `is`.
 * - action: `action` was taken on its own (outside a deal's steps), by `by` and at `target` when given, within
 *   the last `within` rounds (the current one included) when given.
 * - deal: an agreement with a term of `action` (by `by`, when given) has been signed, or completed, or broken.
 * - event: the event `event` has fired.
 * - channel: the `channel` between `a` and `b` is open.
 * - pair: `from`'s trust in `to`, or sanctions or lifeline from `from` to `to`, lies between the bounds.
 */
export type FactCondition = { not?: boolean } & (
  | { fact: 'leader'; of: ActorId; is: string }
  | { fact: 'action'; action: string; by?: ActorId; target?: ActorId; within?: number }
  | { fact: 'deal'; action: string; by?: ActorId; status: DealStatus }
  | { fact: 'event'; event: string }
  | { fact: 'channel'; channel: Channel; a: ActorId; b: ActorId }
  | { fact: 'pair'; measure: PairMeasure; from: ActorId; to: ActorId; atLeast?: number; atMost?: number }
);

/** What must hold for an event to fire or an outcome to be the result. */
export type Condition = MetricCondition | FactCondition;

export interface Objective {
  metric: ActorMetric | GlobalMetric;
  /** For an actor metric: whose; defaults to the objective's owner. */
  of?: ActorId;
  want: 'high' | 'low';
  weight: number;
  label: string;
}

export interface OutcomeDef {
  id: string;
  name: string;
  summary: string;
  /** All must hold; an empty list always holds (the fallback, last). */
  when: readonly Condition[];
  /** The outcome declared when a military clash ends the game. */
  onClash?: boolean;
}

export type EventEffect =
  | { kind: 'var'; actor: ActorId; var: ActorVar; delta: number }
  | { kind: 'tension'; delta: number }
  | { kind: 'trust'; from: ActorId; to: ActorId; delta: number }
  | { kind: 'sanctions'; from: ActorId; to: ActorId; delta: number }
  | { kind: 'lifeline'; from: ActorId; to: ActorId; delta: number }
  | { kind: 'channel'; a: ActorId; b: ActorId; channel: Channel; open: boolean }
  | { kind: 'leader'; actor: ActorId; name: string; stance: number; termRounds?: number }
  | { kind: 'stance'; actor: ActorId; delta: number }
  | { kind: 'stage'; delta: number }
  | { kind: 'forum'; rounds: number };

export interface EventDef {
  id: string;
  name: string;
  text: string;
  /** Fires at the start of this round (scheduled), or each round with `chance` (random). */
  round?: number;
  chance?: number;
  /** Random events may be limited to a window of rounds. */
  from?: number;
  until?: number;
  when: readonly Condition[];
  once: boolean;
  effects: readonly EventEffect[];
}

export interface LeaderDef {
  name: string;
  /** 0 = hawk, 100 = dove. */
  stance: number;
  /** Round at whose start the term ends and an election is held (elected leaders only). */
  termEnds?: number;
}

export interface SuccessorDef {
  name: string;
  stance: number;
}

export interface ActorDef {
  id: ActorId;
  name: string;
  /** Whether its leader faces scheduled elections. */
  elected: boolean;
  /** Length of a term in rounds, for the next term after an election. */
  termRounds: number;
  /** Hawkishness of the public, 0..100: scales the domestic cost of concessions and the rally from provocations. */
  hawkishness: number;
  /** Weight of its sanctions and trade (0..2): the US and China bite harder than Japan. */
  economicWeight: number;
  /** Challengers who may win an election or take over, in order of likelihood. */
  successors: readonly SuccessorDef[];
  objectives: readonly Objective[];
  /** An organisation (the UN, KEDO), not a government: it takes only the actions open to organisations or named for it. */
  organisation?: true;
  /**
   * No economy of its own (an organisation not given one): sanctions, lifelines, costs and effects leave its
   * economy alone, no screen shows it and nothing scores it. Its state keeps a fixed 50 in the economy's place.
   */
  noEconomy?: true;
  /** An organisation's members, by id. */
  members?: readonly ActorId[];
  /** The round it joins the table (absent before: no inputs, in no deals); from round 1 when left out. */
  joins?: number;
  /** The round from which it has left the table; it stays to the end when left out. */
  leaves?: number;
}

/** Every tunable number of the model. The defaults live in `DEFAULT_RULES`; a scenario may override any. */
export interface Rules {
  actionsPerRound: number;
  offersPerRound: number;
  maxSteps: number;
  maxExpiry: number;
  /** Chance that an observer reads a party's compliance correctly, by verification level. */
  accuracy: Record<Verification, number>;
  /** Trust gained by an observer for a step it saw kept, and lost for one it saw broken (for a one-step deal). */
  trustKept: number;
  trustBroken: number;
  /** Trust each party gains in the others when a deal is completed. */
  trustCompleted: number;
  /** Disputed steps in a row that break a phased deal (a one-step deal breaks on its first). */
  phasedStrikes: number;
  /** Trust below which a government will not open direct talks without a channel or a mediator. */
  contactTrust: number;
  /** Domestic support each party pays to sign a deal at zero trust in the others, with a public of hawkishness 50. */
  acceptCost: number;
  /** Share of the accept cost paid when a mediator brokers the deal. */
  mediatedCostShare: number;
  /** Influence a mediator gains when its package is accepted. */
  mediatorInfluence: number;
  /**
   * Whether a government allowed to mediate may put packages between others. When false its offer to mediate is
   * a public gesture only (the experiments' world without brokered deals).
   */
  mediatedDeals: boolean;
  /**
   * Whether a mediator vouches for the deals it brokers: a step of such a deal that it sees broken costs the
   * breaker its trust as a broken promise to the mediator itself (the whole `trustBroken`, not the step's
   * share), so a party may read the other side's promise with the trust it places in the mediator.
   */
  mediatorGuarantee: boolean;
  /** Share of the gap to the baseline tension closed each round. */
  tensionRelax: number;
  /** Baseline tension: a floor, plus this many points per 100 of the most advanced weapons programme. */
  tensionFloor: number;
  programmeTension: number;
  crisisAt: number;
  /** Chance of a clash per round at tension 100 with no channels. */
  clashChance: number;
  /** Multiplier on the clash chance for each open hotline / backchannel on a flashpoint pair. */
  hotlineFactor: number;
  backchannelFactor: number;
  /** Economy lost per round per sanctions level above the start, times the sanctioner's economic weight. */
  sanctionBite: number;
  /** Economy gained per round per lifeline level above the start, times the giver's economic weight. */
  lifelineGain: number;
  /** Share of the gap to its starting value that an economy recovers each round, and of the gap to 50 for support. */
  economyDrift: number;
  supportDrift: number;
  /** Support gained per point of economy or security gained this round. */
  supportFromEconomy: number;
  supportFromSecurity: number;
  /** Support under which a leader falls (elected) or turns hardline (unelected). */
  supportFloor: number;
  hardlineShift: number;
  /** Chance per point of stance a new, more hawkish leader walks away from each inherited deal. */
  walkAwayPerStance: number;
  /** Chance an incumbent side wins: logistic in (support - 50) / electionSpread. */
  electionSpread: number;
  /** Stage change when a deal is completed / broken. */
  stageOnComplete: number;
  stageOnBreak: number;
  /** Trust both ways a flashpoint pair needs, without a deal between them, for the stage to advance. */
  stageTrustFloor: number;
  /** Growth of a nuclear or missile programme within a round that sets the stage back one. */
  stageProgrammeGrowth: number;
  tensionOnBreak: number;
  /** Share of an action's tension and stage effects felt when actor and target are not rivals. */
  nonRivalTension: number;
  /** Rounds after which a repeated gesture earns full goodwill again. */
  habituationRounds: number;
  /** Support a new leader starts with at least (a honeymoon). */
  honeymoonSupport: number;
  /** Chance the target notices a secret action (a cyber operation). */
  secretDetection: number;
}

/** The compiled, static world a game is played in. Never changes during a game; not saved in the state. */
export interface World {
  id: string;
  title: string;
  /** Content hash of the scenario source, kept in records. */
  hash: string;
  actors: readonly ActorDef[];
  actions: readonly ActionDef[];
  /** Position of each action id in `actions`. */
  actionIndex: Readonly<Record<string, number>>;
  events: readonly EventDef[];
  outcomes: readonly OutcomeDef[];
  /** The id of the outcome history took in the scenario's period (what its calibration is measured against). */
  historical?: string;
  /** Names of the peace-process stages, lowest first. */
  stages: readonly string[];
  /** Pairs where a miscalculation can start a clash. */
  flashpoints: readonly (readonly [ActorId, ActorId])[];
  /**
   * Refusals, as pairs [who refuses, whom]: the first signs nothing with the second for the whole game (North Korea's
   * "two hostile states" since 2024), so no deal, package or mediated deal can bind both, and they are not on
   * speaking terms. Acts aimed at each other on their own are still possible. Absent or empty: none.
   */
  refusals?: readonly (readonly [ActorId, ActorId])[];
  /**
   * The highest stage (counted from 0) a deal between rivals can lift the process to when its only steps past
   * declarations are security concessions (exercises suspended, a guarantee), with none on a weapons programme.
   * Undefined: security concessions, like a programme's, may lift it to the top.
   */
  securityReach?: number;
  rounds: number;
  /** Calendar of round 1, for display: year and quarter (1..4). */
  start: { year: number; quarter: number };
  rules: Rules;
  initial: InitialState;
}

export interface InitialActor {
  vars: Record<ActorVar, number>;
  leader: LeaderDef;
}

export interface InitialState {
  actors: Record<ActorId, InitialActor>;
  /** trust[a][b]: how far a trusts b. Missing pairs take `defaultTrust`. */
  trust: Record<ActorId, Record<ActorId, number>>;
  defaultTrust: number;
  sanctions: Record<ActorId, Record<ActorId, number>>;
  lifeline: Record<ActorId, Record<ActorId, number>>;
  channels: readonly { a: ActorId; b: ActorId; channel: Channel }[];
  alliances: readonly (readonly [ActorId, ActorId])[];
  /** Rivals read each other's moves with suspicion. */
  rivalries: readonly (readonly [ActorId, ActorId])[];
  tension: number;
  stage: number;
}

// ---------------------------------------------------------------------------------------------
// Dynamic state: plain JSON, everything a saved game needs besides the World.

export interface Leader {
  name: string;
  stance: number;
  termEnds: number | null;
  /** Round the leader took office (0 = before the game). */
  since: number;
}

export interface ActorState {
  security: number;
  support: number;
  economy: number;
  influence: number;
  nuclear: number;
  missile: number;
  leader: Leader;
  /** How many of the scenario's successors have taken office so far. */
  successorsUsed: number;
}

/** One promised action in an offer: `by` does `action` (to `target`, if the action is aimed). */
export interface Term {
  by: ActorId;
  action: string;
  target?: ActorId;
}

export interface OfferDraft {
  terms: Term[];
  verification: Verification;
  /** Steps over consecutive rounds, each conditional on the last; 1 = all at once. */
  steps: number;
  /** Rounds the offer stays open. */
  expires: number;
}

export type OfferStatus = 'open' | 'accepted' | 'rejected' | 'countered' | 'expired';

export interface Offer extends OfferDraft {
  id: number;
  from: ActorId;
  /** The parties bound by it: every actor with a term. */
  parties: ActorId[];
  /** Set when the proposer has no terms itself: it brokers a package between others. */
  mediator: ActorId | null;
  round: number;
  /** Last round it can be answered. */
  until: number;
  /** The offer this one counters, if any. */
  counters: number | null;
  accepted: ActorId[];
  status: OfferStatus;
}

export type AgreementStatus = 'active' | 'completed' | 'broken' | 'abandoned';

/** What one party did at one step, and what each other party and the mediator saw. */
export interface StepRecord {
  round: number;
  step: number;
  /** Truth: who honoured (secret until the end of the game, except to oneself). */
  honoured: Record<ActorId, boolean>;
  /** observed[observer][party]: what the observer saw of the party. */
  observed: Record<ActorId, Record<ActorId, boolean>>;
  disputed: boolean;
}

export interface Agreement {
  id: number;
  offer: number;
  parties: ActorId[];
  mediator: ActorId | null;
  terms: Term[];
  verification: Verification;
  steps: number;
  /** Steps done (undisputed) so far. */
  done: number;
  strikes: number;
  status: AgreementStatus;
  signed: number;
  ended: number | null;
  /** Leaders who signed, by party, so a successor's walk-away can be told apart. */
  signers: Record<ActorId, string>;
  record: StepRecord[];
}

/** Why a government's leader changed. */
export type LeaderCause = 'election' | 'collapse' | 'event';

/**
 * What one line of the game's history says, as data: ids, numbers and references, never sentences (the
 * screens and the command line render them in the player's language, see src/text). `actor` is who did it,
 * `target` whom it was aimed at, `ref` the offer, agreement, action or event it is about.
 */
export type LogFact =
  /** A scenario event fired (`injected` when an instructor set it off). */
  | { kind: 'event'; ref: string; injected?: true }
  /** A scheduled election: the incumbent `leader` kept office (`won`) or lost, with this much support. */
  | { kind: 'election'; actor: ActorId; leader: string; won: boolean; support: number }
  /** `leader` took office, replacing `replaced`; `ref` is the event that caused it, if one did. */
  | { kind: 'leader'; actor: ActorId; leader: string; replaced: string; cause: LeaderCause; ref?: string }
  /** An unelected leader with failing support at home turned hardline. */
  | { kind: 'hardline'; actor: ActorId; leader: string }
  /** `actor` proposed offer `ref` (countering offer `counters`, if set). */
  | { kind: 'offer'; actor: ActorId; ref: number; counters?: number; terms: Term[] }
  /** Offer `ref` was rejected by `by` (`actor` is the first of them). */
  | { kind: 'rejected'; actor: ActorId; ref: number; by: ActorId[] }
  /**
   * Offer `ref` was accepted by all but not signed: agreement `agreement`, with exactly its terms, is already in
   * force (two mediators brokering the same package, or a swap put twice), so it would ask for the same steps twice.
   */
  | { kind: 'moot'; ref: number; agreement: number; once?: undefined }
  /**
   * Offer `ref` was accepted by all but not signed: it promises `once`, an act that can be promised only once, and
   * agreement `agreement` has promised it since (or someone has done it on its own, when `agreement` is absent).
   */
  | { kind: 'moot'; ref: number; agreement?: number; once: string }
  /** Agreement `ref` was signed. */
  | {
      kind: 'agreement';
      ref: number;
      parties: ActorId[];
      mediator?: ActorId;
      terms: Term[];
      steps: number;
      verification: Verification;
    }
  /** `actor` took action `ref` (at `target`). */
  | { kind: 'action'; actor: ActorId; ref: string; target?: ActorId }
  | { kind: 'crisis'; tension: number }
  /** A clash at this tension; `actor` and `target` are the flashpoint pair where the miscalculation happened. */
  | { kind: 'clash'; tension: number; actor?: ActorId; target?: ActorId }
  /** What the reader saw `actor` do at `step` (1-based) of agreement `ref`. */
  | { kind: 'compliance'; actor: ActorId; ref: number; step: number; kept: boolean }
  /** Step `step` of agreement `ref` is disputed; one more disputed step ends it. */
  | { kind: 'disputed'; ref: number; step: number }
  /** Agreement `ref` ran its course; `disputed` when some step of it was disputed (it went on under protest). */
  | { kind: 'completed'; ref: number; disputed?: true }
  | { kind: 'broken'; ref: number }
  /** `actor`'s new leader walked away from agreement `ref`, which `signer` had signed. */
  | { kind: 'walked-away'; actor: ActorId; ref: number; leader: string; signer: string }
  | { kind: 'end'; rounds: number };

export type LogKind = LogFact['kind'];

/** One line of the game's history. `to` lists who saw it; null means public. */
export type LogEntry = LogFact & { round: number; to: ActorId[] | null };

/** A log line of an action taken. */
export type ActionEntry = Extract<LogEntry, { kind: 'action' }>;

/** Every kind of log line, for renderers and tests that must cover them all. */
export const LOG_KINDS = [
  'event',
  'election',
  'leader',
  'hardline',
  'offer',
  'rejected',
  'moot',
  'agreement',
  'action',
  'crisis',
  'clash',
  'compliance',
  'disputed',
  'completed',
  'broken',
  'walked-away',
  'end',
] as const satisfies readonly LogKind[];

/** A number the cause ledger follows: a government's variable, one government's trust in another, tension, stage. */
export type Quantity =
  | { kind: 'var'; actor: ActorId; var: ActorVar }
  | { kind: 'trust'; from: ActorId; to: ActorId }
  | { kind: 'tension' }
  | { kind: 'stage' };

/** Why a number moved: data only; the UI words it. */
export type Cause =
  /** A government's own action (its cost, its effects, and what witnesses read into it). */
  | { kind: 'action'; actor: ActorId; action: string; target?: ActorId }
  /** One step of an agreement's term carried out by `actor`. */
  | { kind: 'step'; agreement: number; actor: ActorId; action: string; target?: ActorId }
  /** Signing an agreement (its cost at home), or brokering it (the mediator's influence). */
  | { kind: 'signing'; agreement: number }
  | { kind: 'mediation'; agreement: number }
  /** What an observer saw a party do on a step. */
  | { kind: 'observation'; agreement: number; of: ActorId; kept: boolean }
  /** An agreement carried out, broken down, or abandoned by a new leader. */
  | { kind: 'agreement-end'; agreement: number; how: 'completed' | 'broken' | 'abandoned' }
  | { kind: 'event'; event: string }
  /** A new leader's honeymoon, or a leader turning hardline. */
  | { kind: 'leader'; actor: ActorId; how: 'took-office' | 'hardline' }
  /** The change of sanctions and lifelines since the start, felt by an economy. */
  | { kind: 'pressure' }
  /** The pull back toward a resting level (an economy's start, support's middle, tension's baseline). */
  | { kind: 'drift' }
  /** Support following a change of the economy or of security over the round. */
  | { kind: 'home'; var: 'economy' | 'security' }
  /** A weapons programme growing, which sets the peace process back. */
  | { kind: 'programme' }
  /** What a bound (0, 100, a stage's limits for the round) held back of the causes above. */
  | { kind: 'limit' }
  /** In a player view: a cause this government did not see. */
  | { kind: 'unseen' };

/** The kinds of cause, each rendered to words by `src/text` (keyed by kind there, so none is forgotten). */
export type CauseKind = Cause['kind'];

/** One cause of one change: `amount` is what it moved the quantity by (the amounts of a round add up). */
export interface CauseEntry {
  round: number;
  of: Quantity;
  cause: Cause;
  amount: number;
  /** Who may see the cause (absent: everyone). The amount itself is as public as the quantity. */
  to?: ActorId[];
}

/** Alea's saved state (seedrandom `state: true`). */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface RoundSnapshot {
  round: number;
  tension: number;
  stage: number;
  vars: Record<ActorId, Record<ActorVar, number>>;
  trust: number[];
}

export interface GameState {
  /** 1-based; a round is a quarter of a year. */
  round: number;
  phase: Phase;
  actors: ActorState[];
  /** Flat n*n arrays indexed [from * n + to]. */
  trust: number[];
  sanctions: number[];
  lifeline: number[];
  hotline: number[];
  backchannel: number[];
  alliance: number[];
  rivalry: number[];
  tension: number;
  stage: number;
  /** Proposing phases left in which multilateral talks are convened (deals among three or more may be offered). */
  forum: number;
  offers: Offer[];
  agreements: Agreement[];
  nextId: number;
  /** This phase's submitted inputs, by actor index (secret until the phase closes). */
  inbox: (PhaseInput | null)[];
  /** Ids of one-time events that have fired. */
  firedEvents: string[];
  /**
   * Scenario events an instructor injected this round, in order: they fire at the start of the next round.
   * Absent when none are queued (so states without injects hash as before).
   */
  injected?: string[];
  /** Round each actor last took each action on its own, by `actor>action>target`, for fading repeated gestures. */
  recent: Record<string, number>;
  log: LogEntry[];
  /** The cause ledger: every change of a followed quantity with its cause (absent in look-ahead copies). */
  causes?: CauseEntry[];
  history: RoundSnapshot[];
  rng: RngState;
  /** Set when the game ends. */
  end: { outcome: string; reason: 'rounds' | 'clash'; round: number } | null;
}

// ---------------------------------------------------------------------------------------------
// Inputs: one per seat per waiting phase. Tagged unions, reused as the machine's events.

export interface ActionChoice {
  action: string;
  target?: ActorId;
}

export type Answer =
  { offer: number; reply: 'accept' | 'reject' } | { offer: number; reply: 'counter'; counter: OfferDraft };

export interface Decision {
  agreement: number;
  honour: boolean;
}

/**
 * One seat's input for one phase. `why` is an optional sentence explaining the choice (computer players
 * give one); the rules ignore it, records keep it for the debrief.
 */
export type PhaseInput =
  | { phase: 'proposing'; offers: OfferDraft[]; why?: string }
  | { phase: 'responding'; answers: Answer[]; why?: string }
  | { phase: 'commitment'; decisions: Decision[]; actions: ActionChoice[]; why?: string };

export const REJECTION_CODES = [
  'GAME_OVER',
  'WRONG_PHASE',
  'UNKNOWN_ACTOR',
  'ALREADY_SUBMITTED',
  'MALFORMED',
  'UNKNOWN_ACTION',
  'NOT_PERMITTED',
  'BAD_TARGET',
  'TOO_MANY',
  'UNAFFORDABLE',
  'DUPLICATE',
  'UNKNOWN_OFFER',
  'NOT_ADDRESSED',
  'INVALID_OFFER',
  'NO_CHANNEL',
  'NO_BRIDGE',
  'NO_FORUM',
  'UNKNOWN_AGREEMENT',
  'UNAVAILABLE',
  'UNKNOWN_EVENT',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };
