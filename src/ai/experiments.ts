/**
 * Batch experiments, one per claim of docs/design.md ("What it is"), under a protocol that cannot flatter the
 * model (issue 16):
 *
 * - **The treatment changes the world, never a player.** Each claim compares two worlds built from a shipped
 *   scenario that differ in one rule, starting value, available action (denied to named governments, as a
 *   scenario's `actions.deny` does) or channel. Every seat is a computer player deciding for itself in both arms:
 *   nothing is forced, banned for everyone, or put on the table for it.
 * - **The metric is not the treatment's own direct effect**: it reads what the players did with the world they
 *   were given (deals signed, steps broken, concessions made), not the number the treatment itself moves.
 * - **Every kind of player, several scenarios, several seeds.** Each claim is measured with the players of every
 *   difficulty (easy, normal, hard) and the default batch players, on at least three scenarios where it applies.
 *   Each cell plays `seeds` batches of `games` paired games (game i of both arms shares a seed); the effect is the
 *   mean of the batches' mean paired differences, and its 95 % interval comes from their spread (Student's t with
 *   batches − 1 degrees of freedom).
 * - **A verdict from the whole table**: `robust` when every cell has the predicted sign and an interval that
 *   excludes zero; `not-shown` when none has; `conditional` otherwise, saying where it holds and why.
 *
 * Pure: the caller supplies the shipped worlds.
 *
 * @example
 *   const r = runClaim(EXPERIMENTS[0]!, (id) => readScenario(id).world, { games: 4, seeds: 4, seed: 1 });
 *   console.log(r.verdict, r.robustness);
 */
import { applyReadings, findAction, newGame, pairIndex, runGame, startGame } from '../engine/index.ts';
import type { ActionDef, ActorId, GameState, World } from '../engine/index.ts';
import { DIFFICULTIES, computerChooser, seatStrategies } from './index.ts';
import { seatsFor } from './simulate.ts';

/** One arm: a world. Both arms are played by the same players on the same seeds. */
export interface Arm {
  label: string;
  world: World;
}

export interface Experiment {
  id: string;
  /** The claim's number in docs/design.md. */
  claim: number;
  /** The claim in a sentence. */
  text: string;
  metric: string;
  /** The shipped scenarios the claim is measured on (at least three, each one where it applies). */
  scenarios: readonly string[];
  /** The two arms, built from a shipped world: they differ only in the world. */
  arms: (base: World) => [Arm, Arm];
  /** The metric of one finished game (NaN when it does not apply: the pair is left out). */
  measure: (world: World, end: GameState) => number;
  /** What the claim predicts: arm a's metric higher or lower than arm b's. */
  expect: 'higher' | 'lower';
  /** Which rule carries the effect, and what of the claim is an assumption of the model rather than a finding. */
  rests: string;
  /** Why it holds only with some players or scenarios, for a conditional verdict (the mechanism they read). */
  why: string;
  /**
   * Times the hard players' paired games per batch its cells play (1 when left out): for a claim whose hard
   * players' effect is small beside the spread of their games, set from a power check on seed 1 and confirmed on
   * the other seeds, never to rescue a cell whose effect lacks the sign (docs/experiments.md, "Size and cost").
   */
  hardPower?: number;
  /** The same for the easy and normal players' cells (1 when left out), under the same rule. */
  power?: number;
}

/**
 * The players a claim is measured with: each difficulty's. Normal's are also the default batch players of
 * `qpq simulate` and `qpq experiment` (they were the reciprocity strategy before issue 16, which reads neither the
 * economy nor mediation nor multilateral packages, so three claims' arms played the same games with it).
 */
export const PLAYERS = {
  easy: DIFFICULTIES.easy.strategy,
  normal: DIFFICULTIES.normal.strategy,
  hard: DIFFICULTIES.hard.strategy,
} as const;
export type Players = keyof typeof PLAYERS;
export const PLAYER_KINDS = Object.keys(PLAYERS) as Players[];
export const isPlayers = (x: string): x is Players => Object.hasOwn(PLAYERS, x);

// ---------------------------------------------------------------------------------------------
// Varying a world

/** A copy of a world with some fields replaced; nested data the caller changes must be copied by the caller. */
const vary = (w: World, patch: Partial<World>, tag: string): World => ({
  ...w,
  ...patch,
  hash: `${w.hash}+${tag}`,
});

/** Rules changed. */
const withRules = (w: World, rules: Partial<World['rules']>, tag: string): World =>
  vary(w, { rules: { ...w.rules, ...rules } }, tag);

/**
 * Some actions denied to named governments, as a scenario's `actions.deny` does: taken off their catalogue `by`
 * (an action open to `any` becomes open to every other government of the world).
 */
function deny(w: World, which: (d: ActionDef) => boolean, who: readonly ActorId[], tag: string): World {
  const all = w.actors.map((a) => a.id);
  return vary(
    w,
    {
      actions: w.actions.map((d) =>
        which(d) ? { ...d, by: (d.by === 'any' ? all : d.by).filter((x) => !who.includes(x)) } : d,
      ),
    },
    tag,
  );
}

/** Every government of the world that may take an action as the world stands. */
const takers = (w: World, id: string): ActorId[] => {
  const d = findAction(w, id);
  if (!d) return [];
  return w.actors.map((a) => a.id).filter((x) => d.by === 'any' || d.by.includes(x));
};

/**
 * The world as if `who` had just taken `acts` (provocations) in full view before the game: every government's
 * starting trust in it is what the catalogue's readings of those acts leave, and nothing else changes (not the
 * programme, tension or support). A trust deficit with a record behind it, built by the same rule a provocation
 * in play uses.
 */
function withRecord(w: World, who: ActorId, acts: readonly string[], tag: string): World {
  const s = newGame(w, 0);
  const n = w.actors.length;
  const self = ix(w, who);
  const all = w.actors.map(() => true);
  for (const id of acts) {
    const def = findAction(w, id);
    if (def) applyReadings(w, s, def, self, -1, all, 1);
  }
  const trust: World['initial']['trust'] = {};
  w.actors.forEach((a, i) => {
    trust[a.id] = Object.fromEntries(
      w.actors.filter((_, j) => j !== i).map((b) => [b.id, s.trust[pairIndex(n, i, ix(w, b.id))]!] as const),
    );
  });
  return vary(w, { initial: { ...w.initial, trust } }, tag);
}

/** The record the trust-deficit experiment gives the DPRK before the game: a year like 2016 or 2017. */
const RECORD = ['nuclear-test', 'missile-test'];

/** A scheduled event added to the world. */
const withEvent = (w: World, ev: World['events'][number], tag: string): World =>
  vary(w, { events: [...w.events, ev] }, tag);

/**
 * A world without multilateral talks: nobody may convene them, and the scenario's scheduled rounds (events that
 * convene the talks, as the Six-Party Talks' Beijing rounds do) happen without convening them; the events' other
 * effects stay.
 */
function withoutForum(w: World): World {
  const denied = deny(w, (d) => d.id === 'convene-talks', takers(w, 'convene-talks'), 'no-talks');
  return vary(
    denied,
    {
      events: denied.events.map((ev) =>
        ev.effects.some((e) => e.kind === 'forum')
          ? { ...ev, effects: ev.effects.filter((e) => e.kind !== 'forum') }
          : ev,
      ),
    },
    'no-scheduled-talks',
  );
}

// ---------------------------------------------------------------------------------------------
// Measures read from a finished game

const ix = (world: World, id: ActorId): number => world.actors.findIndex((a) => a.id === id);

/** Share of finished agreements that broke down amid accusations of cheating. */
function brokenShare(_: World, end: GameState): number {
  const done = end.agreements.filter((g) => g.status !== 'active');
  return done.length ? done.filter((g) => g.status === 'broken').length / done.length : NaN;
}

/** Share of the agreement steps the parties actually took (the truth, not what was seen) that were reneged. */
function renegedShare(_: World, end: GameState): number {
  let all = 0;
  let reneged = 0;
  for (const g of end.agreements)
    for (const r of g.record)
      for (const kept of Object.values(r.honoured)) {
        all++;
        if (!kept) reneged++;
      }
  return all ? reneged / all : NaN;
}

/**
 * Concessions a government actually made from round `from` on: alone, or as honoured steps of a deal (a step
 * counts 1/steps).
 */
function concessionsBy(world: World, end: GameState, who: (id: ActorId) => boolean, from = 1): number {
  const isConcession = (id: string | number | undefined): boolean =>
    typeof id === 'string' && (findAction(world, id)?.concession ?? false);
  let n = 0;
  for (const e of end.log)
    if (e.kind === 'action' && e.round >= from && e.actor && who(e.actor) && isConcession(e.ref)) n++;
  for (const g of end.agreements)
    for (const r of g.record)
      for (const t of g.terms)
        if (r.round >= from && who(t.by) && r.honoured[t.by] && findAction(world, t.action)?.concession)
          n += 1 / g.steps;
  return n;
}

/** Provocations a government took of its own accord (scripted events aside). */
const provocationsBy = (world: World, end: GameState, who: ActorId): number =>
  end.log.filter(
    (e) =>
      e.kind === 'action' &&
      e.actor === who &&
      typeof e.ref === 'string' &&
      (findAction(world, e.ref)?.provocation ?? false),
  ).length;

/**
 * Agreements between governments that could not talk directly when it was signed: trust below the threshold for
 * direct talks both ways at the end of the round before (channels aside).
 */
function beyondDirectTalks(world: World, end: GameState): number {
  const n = world.actors.length;
  const first = newGame(world, 0).trust;
  return end.agreements.filter((g) => {
    const trust = g.signed >= 2 ? end.history[g.signed - 2]!.trust : first;
    return g.parties.some((p) =>
      g.parties.some(
        (q) =>
          p !== q &&
          trust[pairIndex(n, ix(world, p), ix(world, q))]! < world.rules.contactTrust &&
          trust[pairIndex(n, ix(world, q), ix(world, p))]! < world.rules.contactTrust,
      ),
    );
  }).length;
}

/** Share of offers put in the game that were signed. */
function signedShare(_: World, end: GameState): number {
  return end.offers.length
    ? end.offers.filter((o) => o.status === 'accepted').length / end.offers.length
    : NaN;
}

// ---------------------------------------------------------------------------------------------
// The experiments, in the order of the claims in docs/design.md

/** The round a leader change or a lifeline cut is scheduled in: late enough for deals to be under way. */
const CHANGE_ROUND = 6;
const NEW_LEADER = 'experiment-new-leader';

/**
 * Rounds in which `actor`'s scripted politics change its leader: its scheduled elections (from the leader it
 * starts with and from each scripted leader event, term after term) and the scenario's own leader events.
 */
function scriptedLeaderRounds(w: World, actor: ActorId): Set<number> {
  const def = w.actors.find((a) => a.id === actor);
  const out = new Set<number>();
  if (!def) return out;
  const terms = (first: number | undefined): void => {
    if (!def.elected || first === undefined) return;
    for (let r = first; r <= w.rounds; r += Math.max(1, def.termRounds)) out.add(r);
  };
  terms(w.initial.actors[actor]?.leader.termEnds);
  for (const ev of w.events)
    for (const e of ev.effects)
      if (ev.id !== NEW_LEADER && e.kind === 'leader' && e.actor === actor && ev.round !== undefined) {
        out.add(ev.round);
        terms(ev.round + (e.termRounds ?? def.termRounds));
      }
  return out;
}

/**
 * The round the experiment's new leader takes office: round 6, or the nearest round before it in which the
 * scenario's own politics change no leader of `actor` at or before it. A leader event does not fire in a round
 * whose election already changed the leader, nor after an election (the engine's `leaderEventFits`), so in the
 * present day, whose acting president's term ends in round 6, a change in round 6 would never happen and both
 * arms would play the same games.
 */
export function leaderChangeRound(w: World, actor: ActorId): number {
  const busy = scriptedLeaderRounds(w, actor);
  const electionBy = (r: number): boolean =>
    [...busy].some((b) => b > 1 && b <= r && !isScriptedEvent(w, actor, b));
  for (let r = CHANGE_ROUND; r >= 2; r--) if (!busy.has(r) && !electionBy(r)) return r;
  return CHANGE_ROUND;
}

/** Whether round `r` carries one of the scenario's own leader events for `actor` (not an election). */
const isScriptedEvent = (w: World, actor: ActorId, r: number): boolean =>
  w.events.some(
    (ev) =>
      ev.id !== NEW_LEADER &&
      ev.round === r &&
      ev.effects.some((e) => e.kind === 'leader' && e.actor === actor),
  );

export const EXPERIMENTS: readonly Experiment[] = [
  {
    id: 'trust-deficit',
    claim: 1,
    text: 'Provocations erode trust, and low trust makes every deal harder.',
    metric: 'agreements signed with the DPRK per game',
    scenarios: ['panmunjom-2018', 'hanoi-2019', 'six-party-talks'],
    expect: 'lower',
    arms: (w) => [
      {
        label:
          'a record of provocations: the others trust the DPRK as a nuclear and a missile test just before would leave them',
        world: withRecord(w, 'DPRK', RECORD, 'dprk-record'),
      },
      { label: 'no such record (as shipped)', world: w },
    ],
    measure: (_, end) => end.agreements.filter((g) => g.parties.includes('DPRK')).length,
    rests:
      'That provocations erode trust is the catalogue’s readings (a nuclear test costs 10 points of every government’s trust, a missile test 6 and its rivals’ 3 more), an assumption of the model; the treatment applies those readings to the starting trust and nothing else. Whether fewer deals follow is the players’ choice: trust gates direct talks and raises the cost of signing (rules), and each player prices a promise by its trust in the promiser.',
    hardPower: 16,
    why: "Robust over every seed since session 18, its hard cells at sixteen times the hard size (`hardPower`: 640 pairs). At 200 pairs a cell the easy and normal players hold in every scenario on every seed: the normal players −0.85 to −1.95 deals with the DPRK a game, the easy players −0.32 to −0.87 (since session 14; before, when the Easy ministry's error reached its own acts and its stray provocations blurred the record, at the Six-Party Talks on every seed and elsewhere on some). The hard players hold at 640 pairs in every scenario on every seed: −0.96 to −0.98 in the Panmunjom thaw, −0.31 to −0.68 after Hanoi, −1.15 to −1.40 at the Six-Party Talks. Until session 17 they lacked even the sign in the Panmunjom thaw (+0.42, −0.07, −0.15 on seeds 1 to 3 at 40 pairs), so no larger sample could be used: the planner's lookahead played every government by a tit-for-tat stand-in that proposes only from 25 trust and accepts only from 20, lines no Normal or hard government has. The record takes the others' trust in the North below both, so in a lookahead no one else dealt with the North, an offer to it crowded no other deal out, and the hard players offered it more: in 40 Panmunjom games an arm the hard South Korea held back its first-round offers 0.53 times a game with the record against 0.97 without, and overrode its Normal judgment to accept every offer 0.47 times against 0.20. Since session 18 the stand-ins have no lines (`standIn`, docs/computer-players.md): the gap closed (0.93 against 0.88), every hard cell had the predicted sign on seeds 1 to 3 at 40 pairs (−0.38 to −1.65), and the size was set from a check on seed 1 at sixteen times, confirmed on seeds 2 and 3. The first half of the claim is the catalogue's readings; session 6's treatment, provocations denied to the DPRK, showed nothing at any difficulty because the objective North provokes about once a game when it may.",
  },
  {
    id: 'verification',
    claim: 2,
    text: 'Without inspections honouring and reneging look alike through noise, and tit-for-tat spirals into defection; verifiable steps stop the spiral.',
    metric: 'share of agreement steps actually reneged (the truth, not what was seen)',
    scenarios: ['panmunjom-2018', 'hanoi-2019', 'six-party-talks'],
    expect: 'lower',
    arms: (w) => {
      const read = (p: number): World['rules']['accuracy'] => ({ none: p, partial: p, inspections: p });
      return [
        {
          label: 'every step verifiable (every reading 98 % right)',
          world: withRules(w, { accuracy: read(w.rules.accuracy.inspections) }, 'verifiable'),
        },
        {
          label: 'no inspection regime (every reading 75 % right)',
          world: withRules(w, { accuracy: read(w.rules.accuracy.none) }, 'unverifiable'),
        },
      ];
    },
    measure: renegedShare,
    power: 4,
    rests:
      'Observation accuracy is a rule; the metric counts steps players truly withheld, which accuracy does not touch directly: only the players’ answers to what they saw do.',
    why: "Robust on every seed since session 14, the easy and normal players' cells at four times the size (`power`). The hard players hold in every scenario on every seed (0.16 to 0.21 fewer steps reneged, of 23 to 27 % in the noisy world). Since session 15 the objective player, easy or normal, weighs the reputation a breach costs by the chance it is seen (2 × accuracy − 1 of it: half as much with no inspections as with them), so it breaks a step nobody can check sooner: it reneges on 6 to 12 % of its steps when readings are 75 % right and 4 to 8 % when they are 98 % right, an effect of 0.016 to 0.042 of the steps, every cell holding on every seed at 800 pairs with intervals of ±0.002 to ±0.007 (session 14, before the change: 0.01 to 0.02, which is why the claim was given its power). It still forgives a lone breach by the misreading rate it knows (generous reciprocity, which the sources' noisy tit-for-tat lacks), so its word holds far better than the planner's in the noisy world.",
  },
  {
    id: 'leadership-change',
    claim: 3,
    text: 'A new leader may walk away from a predecessor’s deal.',
    metric: `concessions the ROK makes from the round its new leader takes office on (round ${CHANGE_ROUND}, earlier where the scenario's own politics change the ROK's leader by then; alone or as honoured deal steps), with the walk-away rule off in both arms`,
    scenarios: ['panmunjom-2018', 'hanoi-2019', 'present-day'],
    expect: 'lower',
    arms: (w) => {
      // The walk-away rule is off in both arms: only what the new leader prefers can end the ROK's deals.
      const noWalkAway = withRules(w, { walkAwayPerStance: 0 }, 'no-walk-away');
      const round = leaderChangeRound(w, 'ROK');
      return [
        {
          label: `a hawk (stance 10) replaces the ROK's leader in round ${round}`,
          world: withEvent(
            noWalkAway,
            {
              id: NEW_LEADER,
              name: 'A hardliner takes office',
              text: 'A hardline successor takes office in Seoul.',
              round,
              when: [],
              once: true,
              effects: [{ kind: 'leader', actor: 'ROK', name: 'A hardliner', stance: 10 }],
            },
            'leader',
          ),
        },
        { label: 'no leadership change', world: noWalkAway },
      ];
    },
    measure: (w, end) => concessionsBy(w, end, (id) => id === 'ROK', leaderChangeRound(w, 'ROK')),
    rests:
      'A new leader weighs the government’s objectives by its own stance (security and its deterrent more when more hawkish than the leader the scenario starts with, tension and the peace process less); the walk-away rule is off, so the metric is what the successor chooses.',
    why: "Every difficulty reads its leader's priorities and concedes less under the hardliner, in every scenario and on every seed: the easy players 4.0 to 6.5 concessions a game less, the normal players 6.1 to 9.0, the hard players 3.0 to 8.0 (seeds 1 to 3).",
  },
  {
    id: 'domestic-politics',
    claim: 4,
    text: 'Concessions cost support with hawkish publics.',
    metric: 'concessions made per game by the elected governments (ROK, USA, Japan)',
    scenarios: ['panmunjom-2018', 'hanoi-2019', 'present-day'],
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
    rests:
      'A concession’s cost in support scales with the public’s hawkishness (rules); whether governments then concede less is their choice.',
    why: 'Every difficulty weighs its support at home: the elected governments make 7 to 22 concessions a game fewer under hawkish publics, in every cell and on every seed, the hard players’ included.',
  },
  {
    id: 'lifeline',
    claim: 5,
    text: 'China’s economic lifeline reduces the DPRK’s need to deal.',
    metric: 'concessions made by the DPRK per game (alone or as honoured deal steps)',
    scenarios: ['panmunjom-2018', 'hanoi-2019', 'missile-crisis-2017'],
    expect: 'lower',
    arms: (w) => [
      { label: 'China keeps its lifeline', world: w },
      {
        label: 'China cuts its lifeline in round 1',
        world: withEvent(
          w,
          {
            id: 'experiment-lifeline-cut',
            name: 'Beijing closes the border trade',
            text: 'China cuts the lifeline to the DPRK.',
            round: 1,
            when: [],
            once: true,
            effects: [{ kind: 'lifeline', from: 'PRC', to: 'DPRK', delta: -10 }],
          },
          'lifeline',
        ),
      },
    ],
    measure: (world, end) => concessionsBy(world, end, (id) => id === 'DPRK'),
    power: 4,
    hardPower: 16,
    rests:
      'Lifelines feed the economy (rules); the need to deal is read by the players from the economy’s outlook.',
    why: "Holds in every cell on every seed but one since session 18: the hard players in the missile crisis on seed 2 (−0.08 ± 0.09 concessions a game; −0.15 ± 0.14 and −0.15 ± 0.09 on seeds 1 and 3), with its cells at four times the size for the easy and normal players (`power`: 800 pairs) and sixteen times for the hard (`hardPower`: 640). Every difficulty feels the economy's need: when China cuts its lifeline the North concedes more, −0.40 to −0.89 a game with the easy players, −0.40 to −1.36 with the normal, and with the hard −0.54 to −0.64 in the Panmunjom thaw and −0.79 to −0.96 after Hanoi. It was robust from session 16 to 17, the hard missile-crisis cells at −0.35 and more; session 18's planner, whose lookahead's stand-ins lost the trust lines no government has, took most of that cell's effect away. In 150 paired hard games of it on seed 2, with the lines the cut made the North sign with Japan (0.36 deals a game against 0.04 without the cut, conceding inspections in them, 0.28 a game), the whole of the difference between the worlds; without them neither world does (0.01 and 0.02), as a deal with a government the stand-ins would not deal with no longer looks free (the trust deficit's and mediation's artifact, claims 1 and 7). What is left is the North's own concessions (a moratorium on missile tests, +0.16 a game with the cut), small beside the spread of the planner's games but not absent: played alone at four times the claim's hard size (2,560 pairs, session 19), the cell holds on every seed (−0.11 ± 0.06, −0.11 ± 0.05, −0.14 ± 0.05), and the claim's other hard cells are still to be played at that size. The hard North concedes about half what the Normal one does, in both worlds: the planner does not score the trust its acts earn, so it drops goodwill that pays after the two rounds it reads.",
  },
  {
    id: 'phasing',
    claim: 6,
    text: 'Incremental, verifiable, phased steps outlast all-or-nothing bargains.',
    metric: 'share of finished agreements that break down amid accusations of cheating',
    scenarios: ['panmunjom-2018', 'hanoi-2019', 'six-party-talks'],
    expect: 'lower',
    arms: (w) => [
      { label: 'phased deals allowed (as shipped)', world: w },
      { label: 'every deal all at once (max-steps 1)', world: withRules(w, { maxSteps: 1 }, 'one-step') },
    ],
    measure: brokenShare,
    rests:
      'A phased deal survives one disputed step and breaks on the second (`phasedStrikes`), which a one-step deal cannot: the effect is largely this rule read back, an assumption of the model from the sources, not a finding.',
    why: "Phased deals break a quarter to a half less often with every difficulty, in every scenario and on every seed (0.09 to 0.22 of finished deals), because a phased deal survives one disputed step (the rule) and these players forgive more when a second dispute would end it. Session 6's tit-for-tat players showed the opposite: each step is read, and one misreading starts the spiral inside the deal; the claim holds for players who forgive, which is the sources' own argument for phased, verifiable steps.",
  },
  {
    id: 'mediation',
    claim: 7,
    text: 'Third-party mediation can bridge offers neither side would make directly.',
    metric: 'agreements signed per game between governments that could not talk directly',
    scenarios: ['hanoi-2019', 'missile-crisis-2017', 'six-party-talks'],
    expect: 'higher',
    // Only the brokering differs: in both worlds the mediators may still offer to mediate (a public gesture).
    arms: (w) => [
      { label: 'mediators may broker packages (as shipped)', world: w },
      {
        label: 'no mediated packages (offering to mediate is a gesture only)',
        world: withRules(w, { mediatedDeals: false }, 'no-brokering'),
      },
    ],
    measure: beyondDirectTalks,
    rests:
      'Only a mediator may put a deal between parties that cannot talk, and only there (a pair not on speaking terms, which is public); the parties pay less at home for it, the mediator gains influence when it is signed, and it vouches for it: a breach it sees costs the breaker its whole trust (`mediatorGuarantee`, rules), so a party may read the other side’s promise with its trust in the mediator. Whether a package is put (the mediator’s own gain) and signed (each side’s gain as it reads it) is the players’ choice. Without the guarantee (both worlds otherwise as here, seed 1) the effect holds after Hanoi and in the missile crisis at about two thirds and all of its size, and vanishes at the Six-Party Talks (+0.00 ± 0.00): there the guarantee is what makes a bridge signable.',
    hardPower: 16,
    why: "Robust on every seed since session 11, its hard cells since session 18 at sixteen times the hard size (`hardPower`: 640 pairs). Mediated packages are put and signed with every difficulty in every scenario on every seed: the easy players +0.8 to +1.5 agreements a game between governments that could not talk, the normal players +1.0 to +1.2 in the missile crisis and at the Six-Party Talks and +0.26 to +0.40 after Hanoi, the hard players +0.39 to +0.93 at 640 pairs. After Hanoi the normal players' effect is small: at 50 pairs a cell (until session 10) it held on seed 1 only (+0.34, +0.14, +0.00), at 200 it holds on every seed. The hard players' effect shrank by about 40 % in session 18, when the planner's stand-ins lost the trust lines that had flattered a package between two governments that cannot talk (a pair whose stand-ins never dealt, so a package between them crowded nothing out): at 40 pairs it then held after Hanoi on seed 1 only (+0.63, +0.15, +0.20), so its cells were played at the lifeline's hard size. Session 10 made an act sold once unsellable twice in one round: before, the normal players' Hanoi mediators often brokered packages that sold the end of the war or the launch site a second time, and those counted (+1.14 on seed 1 in session 9). Two changes of session 8 made the claim hold at all. The experiment denies only the brokering (`mediatedDeals`), so both worlds keep the mediators’ gesture of offering to mediate; and the model gained the acceptance side the sources give the mediator (it vouches for what it brokers), while the objective mediators weigh a bridge by their own gain (the influence the rules give a signed mediator) and build one that each side would sign as it reads it. Before, no mediated package was signed in ten normal games of Hanoi or the Panmunjom thaw. The Panmunjom thaw is not measured: no bridge there is one both sides would sign, so the effect is 0 ± 0.09 with the easy and normal players on seed 1. The present day is not measured: its scenario lets no one mediate.",
  },
  {
    id: 'hotline',
    claim: 8,
    text: 'Communication channels lower the chance that a crisis becomes a clash by miscalculation.',
    metric: 'share of games ending in a clash',
    scenarios: ['missile-crisis-2017', 'panmunjom-2018', 'present-day'],
    expect: 'lower',
    arms: (w) => {
      const onFlashpoint = (a: ActorId, b: ActorId): boolean =>
        w.flashpoints.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
      const others = w.initial.channels.filter((c) => c.channel !== 'hotline' || !onFlashpoint(c.a, c.b));
      return [
        {
          label: 'hotlines open on every flashpoint at the start',
          world: vary(
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
        },
        {
          label: 'no hotline on any flashpoint at the start',
          world: vary(w, { initial: { ...w.initial, channels: others } }, 'no-hotlines'),
        },
      ];
    },
    measure: (_, end) => (end.end?.reason === 'clash' ? 1 : 0),
    rests:
      'Each flashpoint pair carries its own chance of a clash, and a hotline on that pair lowers that pair’s chance only (`hotlineFactor`): the effect on clashes is mostly this rule read back, an assumption of the model from the sources; what the players add is that a hotline also lets its pair talk and deal.',
    why: "A power problem: a clash is rare (0 to 18 % of games at these players' calm). At 200 pairs a cell the predicted sign or none in all 18 easy and normal cells over three seeds (−0.07 to +0.01), one holding (the normal players in the present day on seed 1, −0.07 ± 0.02), the opposite nowhere; the hard players' cells hold on no seed (−0.10 to +0.05). What the effect rests on is the rule itself (below).",
  },
  {
    id: 'engagement',
    claim: 9,
    text: 'Engagement can coexist with sanctions and slowly builds trust.',
    metric: 'provocations the DPRK chooses per game, with sanctions in place in both arms',
    scenarios: ['present-day', 'panmunjom-2018', 'missile-crisis-2017'],
    expect: 'lower',
    arms: (w) => {
      // Sanctions stay in place in both arms: nobody may lift them.
      const sanctioned = deny(
        w,
        (d) => d.id === 'lift-sanctions',
        takers(w, 'lift-sanctions'),
        'sanctions-stay',
      );
      const engagers = ['ROK', 'USA', 'JPN'];
      return [
        {
          label: 'the sanctioning governments may also engage (aid, exchanges, reunions)',
          world: sanctioned,
        },
        {
          label: 'engagement denied to the sanctioning governments',
          world: deny(sanctioned, (d) => d.family === 'engagement', engagers, 'no-engagement'),
        },
      ];
    },
    measure: (w, end) => provocationsBy(w, end, 'DPRK'),
    rests:
      'Engagement earns trust only as a record: the target’s trust grows each quarter the giver has kept engaging over the last year without a hostile act toward it, not per shipment (rules); the metric is what the DPRK then chooses.',
    why: "A model problem. When the others may engage, the easy and normal players' DPRK provokes no less: at 200 pairs a cell the effect is +0.00 to +0.45 a game in the present day and the Panmunjom thaw on seeds 1 to 3, significantly the opposite way in four cells (the easy players in the present day on seeds 1 and 3, +0.29 ± 0.17 and +0.45 ± 0.40, and in the Panmunjom thaw on seed 3, +0.07 ± 0.03; the normal players in the present day on seed 3, +0.17 ± 0.16): engagement's record changes only the trust others read, and nothing in it changes what the North values. In the missile crisis the North almost never provokes in either world. The hard players' North provokes about as often in both worlds: in the Panmunjom thaw −0.15 ± 0.13 on seed 1 (session 18's runs, the one hard cell that held), 0.00 and +0.07 on seeds 2 and 3, and +0.05 to +0.07 in the present day. Session 10 tried the stake the sources point to (engagement that pays the North, as Kaesong's wages and Mount Kumgang's tours did, and that a provocation suspends, as in 2008 and 2016): a rule that a provocation ends the lifelines its rivals run to it, with the sanctioning governments free to extend one. It was not kept. At the Six-Party Talks the normal North then provoked more where the others could engage (0.64 against 0.08 a game, +0.56 ± 0.47 on seed 1): the US extended its lifeline to the top within three rounds, and a border provocation aimed at the South does not touch the US's. Income from engagement lowers the North's need to deal, as China's lifeline does (claim 5), more than a stake restrains it. And the players engage in spells, not as a policy: in 30 normal games the US engaged the North 4.6 to 5.3 times a game in the present day and the Panmunjom thaw, four quarters running in at most 3 % of games, which a record of engagement needs to earn its full goodwill.",
  },
  {
    id: 'multilateral',
    claim: 10,
    text: 'Multilateral talks widen the possible deals but make consensus harder than bilateral ones.',
    metric: 'share of offers signed',
    scenarios: ['six-party-talks', 'panmunjom-2018', 'hanoi-2019'],
    expect: 'lower',
    arms: (w) => [
      { label: 'six-party talks may be convened (as shipped)', world: w },
      {
        label: 'no multilateral talks: convening denied to everyone, and no scheduled round convenes them',
        world: withoutForum(w),
      },
    ],
    measure: signedShare,
    // The hard players' effect is about a twentieth of the offers (−0.05 to −0.09), where 40 pairs a cell give
    // intervals of ±0.04 to ±0.11: at 160 (seed 1, session 11) every hard cell held with ±0.01 to ±0.03, and
    // seeds 2 and 3 were then run at that size to confirm it (session 13).
    hardPower: 4,
    rests:
      'Deals among three or more governments are possible only while talks sit, and need every party’s yes (rules); whether they are put, and whether they fail more often, is the players’ choice. The second world has no talks at all: nobody may convene them, and the scenario’s scheduled rounds happen without convening them.',
    why: 'With the easy and normal players the talks lower the share of offers signed in every scenario and on every seed (by 0.04 to 0.16): a three-way package is signed a quarter to a third of the time, against half to three quarters for a two-way offer, because each party reads the others’ promises by its trust in the least trusted of them. The hard players’ effect is smaller (−0.03 to −0.10), with the sign on every seed since session 9, when the planner began reading a deal to the end of the next round (before, it scored a three-way package by its first step alone and missed the disputes its six watching pairs bring the round after). At 40 pairs a cell it held on seed 2 only at the Six-Party Talks; at 160 pairs (`hardPower`, session 13) it holds in every scenario on every seed, and again since session 18’s planner (−0.03 to −0.10).',
  },
];

export const experimentById = (id: string): Experiment | undefined => EXPERIMENTS.find((e) => e.id === id);

// ---------------------------------------------------------------------------------------------
// Running

/** One batch of one cell: a claim, a scenario, the players, a batch number. */
export interface Unit {
  claim: string;
  scenario: string;
  players: Players;
  batch: number;
}

/** The paired metrics of one batch (pairs where either arm's metric is NaN left out). */
export interface UnitResult {
  a: number[];
  b: number[];
}

export interface ProtocolOptions {
  /** Paired games per batch. */
  games: number;
  /**
   * Paired games per batch for the hard players, whose games cost about thirty times the default players'
   * (`games` when left out). Their rows then rest on fewer games, which their intervals show.
   */
  hardGames?: number;
  /** Batches (of `games` each) per cell: the interval comes from their spread. */
  seeds: number;
  seed: string | number;
  /** The players measured (all four when left out). */
  players?: readonly Players[];
  /** The scenarios measured, of each claim's own (all of them when left out). */
  scenarios?: readonly string[];
}

/** The scenarios of a claim a run measures: its own, narrowed by `opts.scenarios`. */
export const scenariosOf = (e: Experiment, opts: ProtocolOptions): readonly string[] =>
  opts.scenarios ? e.scenarios.filter((s) => opts.scenarios!.includes(s)) : e.scenarios;

/**
 * The easy and normal players' paired games per batch: 40, so a cell rests on 200 pairs. At 10 (session 7 to 10)
 * effects with the same sign on every seed and in every cell, such as the lifeline's, the trust deficit's and
 * mediation's after Hanoi, had intervals as wide as themselves; at 40 the easy and normal run of all ten claims takes
 * about five and a half minutes of wall time with 2 workers (session 11), against the hard players' twenty at 8.
 */
export const DEFAULT_GAMES = 40;
/**
 * The hard players' paired games per batch: 8, so a cell rests on 40 pairs. At 2 (10 pairs) the hard players'
 * leadership, phasing and verification cells had the sign every other difficulty shows and intervals wider than
 * it; at 8 all nine held (session 7, seed 1).
 */
export const DEFAULT_HARD_GAMES = 8;
export const DEFAULT_SEEDS = 5;

/** Paired games per batch for these players, in this claim's cells when it is named (see `hardPower`, `power`). */
export const gamesFor = (
  opts: Pick<ProtocolOptions, 'games' | 'hardGames'>,
  players: Players,
  claim?: string,
): number =>
  players === 'hard'
    ? (opts.hardGames ?? opts.games) * ((claim !== undefined && experimentById(claim)?.hardPower) || 1)
    : opts.games * ((claim !== undefined && experimentById(claim)?.power) || 1);

/** The batches a claim's table needs, in table order. */
export function unitsOf(e: Experiment, opts: ProtocolOptions): Unit[] {
  const out: Unit[] = [];
  for (const players of opts.players ?? PLAYER_KINDS)
    for (const scenario of scenariosOf(e, opts))
      for (let batch = 0; batch < opts.seeds; batch++) out.push({ claim: e.id, scenario, players, batch });
  return out;
}

export const unitKey = (u: Unit): string => `${u.claim}|${u.scenario}|${u.players}|${u.batch}`;

/** The seed of paired game `i` of a batch (the same in both arms, distinct across claims, scenarios, batches). */
export const protocolSeed = (u: Unit, seed: string | number, i: number): string =>
  `${u.claim}:${u.scenario}:${seed}/${u.batch}:${i}`;

function play(world: World, strategy: string, seed: string): GameState {
  const strategies = seatStrategies(seatsFor(world, {}, strategy));
  return runGame(world, startGame(world, seed), computerChooser(world, seed, strategies));
}

/** Plays one batch: `games` paired games of both arms. */
export function playUnit(
  load: (scenario: string) => World,
  u: Unit,
  games: number,
  seed: string | number,
): UnitResult {
  const e = experimentById(u.claim);
  if (!e) throw new Error(`Unknown experiment "${u.claim}".`);
  const [a, b] = e.arms(load(u.scenario));
  const strategy = PLAYERS[u.players];
  const out: UnitResult = { a: [], b: [] };
  for (let i = 0; i < games; i++) {
    const s = protocolSeed(u, seed, i);
    const va = e.measure(a.world, play(a.world, strategy, s));
    const vb = e.measure(b.world, play(b.world, strategy, s));
    if (Number.isNaN(va) || Number.isNaN(vb)) continue;
    out.a.push(va);
    out.b.push(vb);
  }
  return out;
}

export interface RobustnessRow {
  players: Players;
  /** The strategy those players are. */
  strategy: string;
  scenario: string;
  /** Means per game over every batch. */
  a: number;
  b: number;
  /** Mean of the batches' mean paired differences (a − b). */
  effect: number;
  /** Half-width of its 95 % interval, from the spread across batches (Infinity with fewer than two batches). */
  ci95: number;
  /** Batches that had at least one pair, and pairs in all. */
  batches: number;
  games: number;
  /**
   * Each batch's mean paired difference, in batch order (the effect is their mean): what a test replaying one batch
   * of a costly cell checks against the published run. Runs made before session 16 do not have it.
   */
  batchEffects?: number[];
  /** The interval excludes zero. */
  significant: boolean;
  /** The claim holds in this cell: the predicted sign, significantly. */
  holds: boolean;
}

export type Verdict = 'robust' | 'conditional' | 'not-shown';

export interface ClaimResult {
  id: string;
  claim: number;
  text: string;
  metric: string;
  expect: 'higher' | 'lower';
  arms: { a: string; b: string };
  /** Paired games per batch in the easy and normal players' cells (the run's size times the claim's `power`). */
  games: number;
  /** The same in the hard players' cells (times the claim's `hardPower`). */
  hardGames: number;
  seeds: number;
  seed: string;
  robustness: RobustnessRow[];
  verdict: Verdict;
  /** Where the claim holds and where it does not, in words, from the table. */
  where: string;
  /** Why (the experiment's own reading of the mechanism), given when the verdict is conditional or not shown. */
  why: string;
  /** What the effect rests on, and what remains an assumption of the model. */
  rests: string;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Student's t, two-sided 95 %, by degrees of freedom (1..30; beyond, the normal's 1.96 is close enough). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const t95 = (df: number): number => (df < 1 ? Infinity : (T95[df - 1] ?? 1.96));

const round3 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

/** One cell's row from its batches. */
export function rowOf(
  e: Experiment,
  players: Players,
  scenario: string,
  batches: readonly UnitResult[],
): RobustnessRow {
  const used = batches.filter((r) => r.a.length > 0);
  const effects = used.map((r) => mean(r.a.map((x, k) => x - r.b[k]!)));
  const effect = mean(effects);
  const k = effects.length;
  const sd = k > 1 ? Math.sqrt(effects.reduce((s, x) => s + (x - effect) ** 2, 0) / (k - 1)) : Infinity;
  const ci95 = k > 1 ? (t95(k - 1) * sd) / Math.sqrt(k) : Infinity;
  const significant = k > 1 && Math.abs(effect) > ci95;
  const sign = e.expect === 'higher' ? 1 : -1;
  return {
    players,
    strategy: PLAYERS[players],
    scenario,
    a: round3(mean(used.flatMap((r) => r.a))),
    b: round3(mean(used.flatMap((r) => r.b))),
    effect: round3(k ? effect : 0),
    ci95: round3(ci95),
    batches: k,
    games: used.reduce((s, r) => s + r.a.length, 0),
    batchEffects: effects,
    significant,
    holds: significant && Math.sign(effect) === sign,
  };
}

const list = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** Where the claim holds, in words, from the table. */
export function whereOf(rows: readonly RobustnessRow[]): string {
  const by = (pred: (r: RobustnessRow) => boolean): string => {
    const parts: string[] = [];
    for (const p of PLAYER_KINDS) {
      const s = rows.filter((r) => r.players === p && pred(r)).map((r) => r.scenario);
      if (s.length) parts.push(`${p} players (${PLAYERS[p]}) on ${list(s)}`);
    }
    return parts.join('; ');
  };
  const held = by((r) => r.holds);
  const opposite = by((r) => r.significant && !r.holds);
  const none = by((r) => !r.significant);
  const out: string[] = [];
  out.push(held ? `Holds with ${held}.` : 'Holds nowhere.');
  if (none) out.push(`No significant effect with ${none}.`);
  if (opposite) out.push(`The opposite, significantly, with ${opposite}.`);
  return out.join(' ');
}

/** The claim's table and verdict from every batch's result (`results` by `unitKey`). */
export function summariseClaim(
  e: Experiment,
  load: (scenario: string) => World,
  opts: ProtocolOptions,
  results: ReadonlyMap<string, UnitResult>,
): ClaimResult {
  const rows: RobustnessRow[] = [];
  for (const players of opts.players ?? PLAYER_KINDS)
    for (const scenario of scenariosOf(e, opts)) {
      const batches: UnitResult[] = [];
      for (let batch = 0; batch < opts.seeds; batch++) {
        const r = results.get(unitKey({ claim: e.id, scenario, players, batch }));
        if (!r)
          throw new Error(`No result for ${e.id} on ${scenario} with ${players} players, batch ${batch}.`);
        batches.push(r);
      }
      rows.push(rowOf(e, players, scenario, batches));
    }
  const verdict: Verdict =
    rows.length > 0 && rows.every((r) => r.holds)
      ? 'robust'
      : rows.some((r) => r.holds)
        ? 'conditional'
        : 'not-shown';
  const [a, b] = e.arms(load(e.scenarios[0]!));
  return {
    id: e.id,
    claim: e.claim,
    text: e.text,
    metric: e.metric,
    expect: e.expect,
    arms: { a: a.label, b: b.label },
    games: gamesFor(opts, 'normal', e.id),
    hardGames: gamesFor(opts, 'hard', e.id),
    seeds: opts.seeds,
    seed: String(opts.seed),
    robustness: rows,
    verdict,
    where: whereOf(rows),
    why: verdict === 'robust' ? '' : e.why,
    rests: e.rests,
  };
}

/** Runs a claim's whole table on this thread. */
export function runClaim(
  e: Experiment,
  load: (scenario: string) => World,
  opts: ProtocolOptions,
  onUnit?: (u: Unit) => void,
): ClaimResult {
  const results = new Map<string, UnitResult>();
  for (const u of unitsOf(e, opts)) {
    results.set(unitKey(u), playUnit(load, u, gamesFor(opts, u.players, u.claim), opts.seed));
    onUnit?.(u);
  }
  return summariseClaim(e, load, opts, results);
}
