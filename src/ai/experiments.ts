/**
 * Batch experiments: one per claim of docs/design.md ("What it is"). Each is a controlled
 * comparison of two arms played with the same computer strategies on the same seeds; the arms differ only in
 * the factor under test, which is a variation of a shipped scenario's world (its data) or of the treaty format
 * the parties use (a protocol applied to every offer). Pure: the caller supplies the shipped worlds.
 *
 * @example
 *   const r = runExperiment(EXPERIMENTS[0]!, (id) => readScenario(id).world, { games: 40, seed: 1 });
 *   console.log(r.a.mean, r.b.mean, r.supported);
 */
import { canTalk, checkInput, findAction, newGame, pairIndex, runGame, startGame } from '../engine/index.ts';
import type {
  ActionDef,
  ActorId,
  Chooser,
  GameState,
  OfferDraft,
  PhaseInput,
  World,
} from '../engine/index.ts';
import { computerChooser, seatStrategies } from './index.ts';
import { gameSeed, seatsFor } from './simulate.ts';

/** One arm: a world, and optionally a protocol that rewrites the seats' inputs (the same seats and seeds). */
export interface Arm {
  label: string;
  world: World;
  protocol?: (inner: Chooser, world: World) => Chooser;
}

export interface Experiment {
  id: string;
  /** The claim's number in docs/design.md. */
  claim: number;
  /** The claim in a sentence. */
  text: string;
  metric: string;
  /** The shipped scenario both arms vary. */
  scenario: string;
  /** The strategy every seat plays, in both arms. */
  strategy: string;
  /** Games per arm when the caller does not say. */
  games: number;
  /** The two arms, built from the shipped world. */
  arms: (base: World) => [Arm, Arm];
  /** The metric of one finished game (NaN when it does not apply: the game is left out of both arms). */
  measure: (world: World, end: GameState) => number;
  /** What the claim predicts: arm a's metric higher or lower than arm b's. */
  expect: 'higher' | 'lower';
}

export interface ArmResult {
  label: string;
  mean: number;
  /** Half-width of the 95 % confidence interval of the mean. */
  ci95: number;
}

export interface ExperimentResult {
  id: string;
  claim: string;
  metric: string;
  games: number;
  a: ArmResult;
  b: ArmResult;
  /** a.mean - b.mean. */
  effect: number;
  /** Half-width of the 95 % interval of the paired difference (same seeds in both arms). */
  effectCi95: number;
  /** The effect has the predicted sign and its paired 95 % interval excludes zero. */
  supported: boolean;
}

// ---------------------------------------------------------------------------------------------
// Varying a world

/** A copy of a world with some fields replaced; nested data the caller changes must be copied by the caller. */
const vary = (w: World, patch: Partial<World>, tag: string): World => ({
  ...w,
  ...patch,
  hash: `${w.hash}+${tag}`,
});

/** The world with some actions unavailable to everyone (taken off the catalogue's `by`). */
function withoutActions(w: World, ids: (d: ActionDef) => boolean, tag: string): World {
  return vary(w, { actions: w.actions.map((d) => (ids(d) ? { ...d, by: [] } : d)) }, tag);
}

// ---------------------------------------------------------------------------------------------
// Protocols: rewriting inputs the same way in one arm

/** Every offer (and counter-offer) drafted under this treaty format. */
const treatyFormat =
  (format: (d: OfferDraft) => OfferDraft) =>
  (inner: Chooser): Chooser =>
  (s, actor, phase) => {
    const input = inner(s, actor, phase);
    if (input.phase === 'proposing') return { ...input, offers: input.offers.map(format) };
    if (input.phase === 'responding')
      return {
        ...input,
        answers: input.answers.map((a) => (a.reply === 'counter' ? { ...a, counter: format(a.counter) } : a)),
      };
    return input;
  };

/** An input rewritten, kept only if the rules accept it (otherwise the seat's own input stands). */
function ifValid(world: World, s: GameState, actor: ActorId, own: PhaseInput, next: PhaseInput): PhaseInput {
  return checkInput(world, s, actor, next) ? own : next;
}

/** In one arm some seats add a unilateral action in the rounds `every` divides (replacing their last choice if full). */
const alsoTake =
  (seats: readonly ActorId[], action: string, target: ActorId | undefined, every = 1) =>
  (inner: Chooser, world: World): Chooser =>
  (s, actor, phase) => {
    const own = inner(s, actor, phase);
    if (!seats.includes(actor) || own.phase !== 'commitment' || s.round % every !== 0) return own;
    const keep = own.actions.filter((c) => c.action !== action).slice(0, world.rules.actionsPerRound - 1);
    const c = target === undefined ? { action } : { action, target };
    return ifValid(world, s, actor, own, { ...own, actions: [...keep, c] });
  };

/** In one arm nobody takes these actions on their own. */
const neverTake =
  (pred: (d: ActionDef) => boolean) =>
  (inner: Chooser, world: World): Chooser =>
  (s, actor, phase) => {
    const own = inner(s, actor, phase);
    if (own.phase !== 'commitment') return own;
    return { ...own, actions: own.actions.filter((c) => !pred(findAction(world, c.action)!)) };
  };

// ---------------------------------------------------------------------------------------------
// Measures read from a finished game

const signedWith = (end: GameState, who: ActorId): number =>
  end.agreements.filter((g) => g.parties.includes(who)).length;

/** Share of finished agreements that broke down amid accusations of cheating (walk-aways by new leaders aside). */
function brokenShare(_: World, end: GameState): number {
  const done = end.agreements.filter((g) => g.status !== 'active');
  return done.length ? done.filter((g) => g.status === 'broken').length / done.length : NaN;
}

function completedShare(_: World, end: GameState): number {
  const done = end.agreements.filter((g) => g.status !== 'active');
  return done.length ? done.filter((g) => g.status === 'completed').length / done.length : NaN;
}

/** Concessions a government actually made: alone, or as honoured steps of a deal (a step counts 1/steps). */
function concessionsBy(world: World, end: GameState, who: (id: ActorId) => boolean): number {
  const isConcession = (id: string | number | undefined): boolean =>
    typeof id === 'string' && (findAction(world, id)?.concession ?? false);
  let n = 0;
  for (const e of end.log) if (e.kind === 'action' && e.actor && who(e.actor) && isConcession(e.ref)) n++;
  for (const g of end.agreements)
    for (const r of g.record)
      for (const t of g.terms)
        if (who(t.by) && r.honoured[t.by] && findAction(world, t.action)?.concession) n += 1 / g.steps;
  return n;
}

/** The DPRK's mean trust in the governments that sanction it (South Korea, the US, Japan) at the end. */
function trustWithDprk(world: World, end: GameState): number {
  const n = world.actors.length;
  const d = world.actors.findIndex((a) => a.id === 'DPRK');
  const of = ['ROK', 'USA', 'JPN'].map((id) => world.actors.findIndex((a) => a.id === id));
  return of.reduce((acc, i) => acc + end.trust[pairIndex(n, d, i)]!, 0) / of.length;
}

/**
 * Agreements between governments that could not talk directly when it was signed: trust below the threshold for
 * direct talks both ways at the end of the round before (channels aside).
 */
function beyondDirectTalks(world: World, end: GameState): number {
  const n = world.actors.length;
  const first = newGame(world, 0).trust;
  const ix = (id: ActorId): number => world.actors.findIndex((a) => a.id === id);
  return end.agreements.filter((g) => {
    const trust = g.signed >= 2 ? end.history[g.signed - 2]!.trust : first;
    return g.parties.some((p) =>
      g.parties.some(
        (q) =>
          p !== q &&
          trust[pairIndex(n, ix(p), ix(q))]! < world.rules.contactTrust &&
          trust[pairIndex(n, ix(q), ix(p))]! < world.rules.contactTrust,
      ),
    );
  }).length;
}

// ---------------------------------------------------------------------------------------------
// The experiments, in the order of the claims in docs/design.md

export const EXPERIMENTS: readonly Experiment[] = [
  {
    id: 'trust-deficit',
    claim: 1,
    text: 'Provocations erode trust, and low trust makes every deal harder.',
    metric: 'agreements signed with the DPRK per game',
    scenario: 'panmunjom-2018',
    strategy: 'reciprocal',
    games: 40,
    expect: 'lower',
    arms: (w) => [
      {
        label: 'DPRK tests a missile every other round',
        world: w,
        protocol: alsoTake(['DPRK'], 'missile-test', undefined, 2),
      },
      { label: 'no provocations', world: w, protocol: neverTake((d) => d.provocation) },
    ],
    measure: (_, end) => signedWith(end, 'DPRK'),
  },
  {
    id: 'verification',
    claim: 2,
    text: 'Without inspections honouring and reneging look alike through noise, and tit-for-tat spirals into defection; verifiable steps stop the spiral.',
    metric: 'share of finished agreements completed',
    scenario: 'panmunjom-2018',
    strategy: 'tit-for-tat',
    games: 60,
    expect: 'higher',
    arms: (w) => [
      {
        label: 'every deal under inspections',
        world: w,
        protocol: treatyFormat((d) => ({ ...d, verification: 'inspections' })),
      },
      {
        label: 'no verification',
        world: w,
        protocol: treatyFormat((d) => ({ ...d, verification: 'none' })),
      },
    ],
    measure: completedShare,
  },
  {
    id: 'leadership-change',
    claim: 3,
    text: 'A new leader may walk away from a predecessor’s deal.',
    metric: 'agreements abandoned per game',
    scenario: 'panmunjom-2018',
    strategy: 'reciprocal',
    games: 60,
    expect: 'higher',
    arms: (w) => [
      {
        label: 'a hawk replaces the ROK president in round 6',
        world: vary(
          w,
          {
            events: [
              ...w.events,
              {
                id: 'experiment-new-leader',
                name: 'Impeachment',
                text: 'A hardline successor takes office in Seoul.',
                round: 6,
                when: [],
                once: true,
                effects: [{ kind: 'leader', actor: 'ROK', name: 'A hardliner', stance: 20 }],
              },
            ],
          },
          'leader',
        ),
      },
      { label: 'no leadership change', world: w },
    ],
    measure: (_, end) => end.agreements.filter((g) => g.status === 'abandoned').length,
  },
  {
    id: 'domestic-politics',
    claim: 4,
    text: 'Concessions cost support with hawkish publics.',
    metric: 'concessions made per game by the elected governments (ROK, USA, Japan)',
    scenario: 'panmunjom-2018',
    strategy: 'objective',
    games: 30,
    expect: 'lower',
    arms: (w) => {
      const publics = (h: number): World =>
        vary(w, { actors: w.actors.map((a) => (a.elected ? { ...a, hawkishness: h } : a)) }, `public-${h}`);
      return [
        { label: 'hawkish publics (hawkishness 80)', world: publics(80) },
        { label: 'dovish publics (hawkishness 20)', world: publics(20) },
      ];
    },
    measure: (world, end) =>
      concessionsBy(world, end, (id) => world.actors.find((a) => a.id === id)?.elected ?? false),
  },
  {
    id: 'lifeline',
    claim: 5,
    text: 'China’s economic lifeline reduces the DPRK’s need to deal.',
    metric: 'concessions made by the DPRK per game (alone or as honoured deal steps)',
    scenario: 'panmunjom-2018',
    strategy: 'objective',
    games: 30,
    expect: 'lower',
    arms: (w) => [
      { label: 'China keeps its lifeline', world: w },
      {
        label: 'China cuts its lifeline in round 1',
        world: vary(
          w,
          {
            events: [
              ...w.events,
              {
                id: 'experiment-lifeline-cut',
                name: 'Beijing closes the border trade',
                text: 'China cuts the lifeline to the DPRK.',
                round: 1,
                when: [],
                once: true,
                effects: [{ kind: 'lifeline', from: 'PRC', to: 'DPRK', delta: -10 }],
              },
            ],
          },
          'lifeline',
        ),
      },
    ],
    measure: (world, end) => concessionsBy(world, end, (id) => id === 'DPRK'),
  },
  {
    id: 'phasing',
    claim: 6,
    text: 'Incremental, verifiable, phased steps outlast all-or-nothing bargains.',
    metric: 'share of finished agreements that break down amid accusations of cheating',
    scenario: 'panmunjom-2018',
    strategy: 'objective',
    games: 30,
    expect: 'lower',
    arms: (w) => [
      {
        label: 'every deal in three steps',
        world: w,
        protocol: treatyFormat((d) => ({ ...d, steps: 3 })),
      },
      {
        label: 'every deal all at once',
        world: w,
        protocol: treatyFormat((d) => ({ ...d, steps: 1 })),
      },
    ],
    measure: brokenShare,
  },
  {
    id: 'mediation',
    claim: 7,
    text: 'Third-party mediation can bridge offers neither side would make directly.',
    metric: 'agreements signed per game between governments that could not talk directly',
    scenario: 'panmunjom-2018',
    strategy: 'objective',
    games: 30,
    expect: 'higher',
    arms: (w) => {
      // Whenever Washington and Pyongyang trust each other too little to talk and no channel is open, China
      // brokers the package each would make directly if it could: a summit for a summit.
      const broker =
        (inner: Chooser, world: World): Chooser =>
        (s, actor, phase) => {
          const own = inner(s, actor, phase);
          if (actor !== 'PRC' || own.phase !== 'proposing') return own;
          const [u, d] = ['USA', 'DPRK'].map((id) => world.actors.findIndex((a) => a.id === id)) as [
            number,
            number,
          ];
          if (canTalk(world, s, u, d) || canTalk(world, s, d, u)) return own;
          const pkg: OfferDraft = {
            terms: [
              { by: 'USA', action: 'summit', target: 'DPRK' },
              { by: 'DPRK', action: 'summit', target: 'USA' },
            ],
            verification: 'partial',
            steps: 2,
            expires: 1,
          };
          return ifValid(world, s, actor, own, { ...own, offers: [pkg] });
        };
      return [
        { label: 'China mediates between the US and the DPRK', world: w, protocol: broker },
        { label: 'no mediator', world: withoutActions(w, (d) => d.id === 'mediate', 'no-mediator') },
      ];
    },
    measure: beyondDirectTalks,
  },
  {
    id: 'hotline',
    claim: 8,
    text: 'Communication channels lower the chance that a crisis becomes a clash by miscalculation.',
    metric: 'share of games ending in a clash',
    scenario: 'missile-crisis-2017',
    strategy: 'reciprocal',
    games: 150,
    expect: 'lower',
    arms: (w) => {
      const onFlashpoint = (a: ActorId, b: ActorId): boolean =>
        w.flashpoints.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
      const others = w.initial.channels.filter((c) => c.channel !== 'hotline' || !onFlashpoint(c.a, c.b));
      const noHotlineAction = (x: World): World =>
        withoutActions(x, (d) => d.effects.some((e) => e.kind === 'channel' && e.channel === 'hotline'), 'h');
      return [
        {
          label: 'hotlines open on every flashpoint',
          world: noHotlineAction(
            vary(
              w,
              {
                initial: {
                  ...w.initial,
                  channels: [
                    ...others,
                    ...w.flashpoints.map(([a, b]) => ({ a, b, channel: 'hotline' as const })),
                  ],
                },
              },
              'hotlines',
            ),
          ),
        },
        {
          label: 'no hotline on any flashpoint',
          world: noHotlineAction(vary(w, { initial: { ...w.initial, channels: others } }, 'no-hotlines')),
        },
      ];
    },
    measure: (_, end) => (end.end?.reason === 'clash' ? 1 : 0),
  },
  {
    id: 'engagement',
    claim: 9,
    text: 'Engagement can coexist with sanctions and slowly builds trust.',
    metric: 'the DPRK’s mean trust in South Korea, the US and Japan at the end',
    scenario: 'present-day',
    strategy: 'reciprocal',
    games: 30,
    expect: 'higher',
    arms: (w) => {
      // Sanctions stay in place in both arms: nobody may lift them.
      const sanctioned = withoutActions(w, (d) => d.id === 'lift-sanctions', 'sanctions-stay');
      const aid = ['ROK', 'USA', 'JPN'];
      return [
        {
          label: 'the sanctioning governments also send aid every other round',
          world: sanctioned,
          protocol: alsoTake(aid, 'humanitarian-aid', 'DPRK', 2),
        },
        { label: 'sanctions alone', world: sanctioned },
      ];
    },
    measure: trustWithDprk,
  },
  {
    id: 'multilateral',
    claim: 10,
    text: 'Multilateral talks widen the possible deals but make consensus harder than bilateral ones.',
    metric: 'share of package offers signed',
    scenario: 'six-party-talks',
    strategy: 'objective',
    games: 30,
    expect: 'lower',
    arms: (w) => {
      // China, the talks' host, puts a package on the table whenever the talks are convened: aid for a summit between
      // the two Koreas, either alone or widened with the same swap between the DPRK and the United States and Japan.
      const bilateral = [
        { by: 'ROK', action: 'humanitarian-aid', target: 'DPRK' },
        { by: 'DPRK', action: 'summit', target: 'ROK' },
      ];
      const multilateral = [
        ...bilateral,
        { by: 'USA', action: 'summit', target: 'DPRK' },
        { by: 'DPRK', action: 'summit', target: 'USA' },
        { by: 'JPN', action: 'humanitarian-aid', target: 'DPRK' },
        { by: 'DPRK', action: 'summit', target: 'JPN' },
      ];
      const host =
        (terms: typeof bilateral) =>
        (inner: Chooser, world: World): Chooser =>
        (s, actor, phase) => {
          const own = inner(s, actor, phase);
          if (actor !== 'PRC' || own.phase !== 'proposing' || s.forum <= 0) return own;
          const pkg: OfferDraft = { terms, verification: 'partial', steps: 2, expires: 1 };
          return ifValid(world, s, actor, own, { ...own, offers: [pkg] });
        };
      return [
        { label: 'six-party package', world: w, protocol: host(multilateral) },
        { label: 'bilateral package', world: w, protocol: host(bilateral) },
      ];
    },
    measure: (_, end) => {
      const put = end.offers.filter(
        (o) => o.from === 'PRC' && o.expires === 1 && o.terms[0]?.action === 'humanitarian-aid',
      );
      return put.length ? put.filter((o) => o.status === 'accepted').length / put.length : NaN;
    },
  },
];

export const experimentById = (id: string): Experiment | undefined => EXPERIMENTS.find((e) => e.id === id);

// ---------------------------------------------------------------------------------------------
// Running

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const ci95 = (xs: readonly number[]): number => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  return (1.96 * sd) / Math.sqrt(xs.length);
};
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Plays one arm's game `i` and measures it. */
function playArm(e: Experiment, arm: Arm, seed: string, strategy: string): number {
  const seats = seatsFor(arm.world, {}, strategy);
  const strategies = seatStrategies(seats);
  const base = computerChooser(arm.world, seed, strategies);
  const choose = arm.protocol ? arm.protocol(base, arm.world) : base;
  const end = runGame(arm.world, startGame(arm.world, seed), choose);
  return e.measure(arm.world, end);
}

export interface ExperimentOptions {
  games?: number;
  seed: string | number;
  /** Every seat's strategy in both arms, instead of the experiment's own. */
  strategy?: string;
  /** Called after each pair of games, for progress. */
  onGame?: (i: number) => void;
}

export function runExperiment(
  e: Experiment,
  load: (scenario: string) => World,
  opts: ExperimentOptions,
): ExperimentResult {
  const [a, b] = e.arms(load(e.scenario));
  const games = opts.games ?? e.games;
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < games; i++) {
    const seed = `${e.id}:${gameSeed(opts.seed, i)}`;
    const va = playArm(e, a, seed, opts.strategy ?? e.strategy);
    const vb = playArm(e, b, seed, opts.strategy ?? e.strategy);
    opts.onGame?.(i);
    if (Number.isNaN(va) || Number.isNaN(vb)) continue;
    xa.push(va);
    xb.push(vb);
  }
  const diff = xa.map((x, k) => x - xb[k]!);
  const effect = mean(diff);
  const effectCi95 = ci95(diff);
  const signOk = e.expect === 'higher' ? effect > 0 : effect < 0;
  return {
    id: e.id,
    claim: e.text,
    metric: e.metric,
    games: xa.length,
    a: { label: a.label, mean: round3(mean(xa)), ci95: round3(ci95(xa)) },
    b: { label: b.label, mean: round3(mean(xb)), ci95: round3(ci95(xb)) },
    effect: round3(effect),
    effectCi95: round3(effectCi95),
    supported: signOk && Math.abs(effect) > effectCi95,
  };
}
