/**
 * The planner: looks ahead with the engine's own pure step functions. For each candidate choice (the objective
 * player's pick and a few alternatives) it samples the unknown (others' hidden trust, the dice) from its
 * believed state, plays the rest of this round and the next with quick reciprocal stand-ins for everyone
 * (`standIn`: tit-for-tat without a fixed trust line), and keeps the choice with the best mean score for its
 * government.
 *
 * It stops on a budget counted in rollouts, never in time, in every mode (batch games, the browser, a resumed
 * save): its draws come only from the seat's own generator, so the same game state and generator give the same
 * decision on any machine, however busy, and a game saved and continued ends as the unsaved one does. A clock in
 * the context (`ctx.now`) is ignored.
 */
import {
  allIn,
  closePhaseMut,
  collectMut,
  indexOf,
  playerView,
  leaderPriority,
  objectiveValue,
  rngFrom,
  seedState,
  waitingPhase,
} from '../engine/index.ts';
import type {
  ActionChoice,
  ActorId,
  GameState,
  InputPhase,
  PhaseInput,
  RngState,
  World,
} from '../engine/index.ts';
import { cloneState } from '../engine/index.ts';
import { beliefState } from './belief.ts';
import { addFlows, needWeight, outlook } from './need.ts';
import type { Outlook } from './need.ts';
import { NORMAL_PARAMS, objectiveStrategy } from './objective.ts';
import { nameOf } from './policy.ts';
import { standIn } from './strategies.ts';
import type { DecisionContext, Strategy } from './types.ts';

export interface PlannerParams {
  /** Rounds to look ahead after the current one. */
  horizon: number;
  /** Samples of the unknown per candidate. */
  samples: number;
  /** Rollouts per decision: the whole budget (sized so a decision takes tens of milliseconds; see BENCHMARKS.md). */
  maxRollouts: number;
}

/**
 * One sampled future a decision, played to the end of the next round, every candidate against the same sample:
 * measured against two samples two rounds ahead (each candidate with dice of its own), one planner seat among
 * Normal players on `panmunjom-2018` gained as much over Normal (about +1 point, within noise, 24 and 48
 * paired games) at a sixth of the cost (BENCHMARKS.md, "The hard difficulty").
 */
const DEFAULTS: PlannerParams = {
  horizon: 1,
  samples: 1,
  maxRollouts: 8,
};

/** Candidate inputs for a phase: the objective player's choice first, then a few alternatives. */
function candidates(base: PhaseInput): PhaseInput[] {
  const out: PhaseInput[] = [base];
  if (base.phase === 'proposing') {
    if (base.offers.length) out.push({ phase: 'proposing', offers: [] });
  } else if (base.phase === 'responding') {
    if (base.answers.length) {
      out.push({
        phase: 'responding',
        answers: base.answers.map((a) => ({ offer: a.offer, reply: 'accept' as const })),
      });
      out.push({
        phase: 'responding',
        answers: base.answers.map((a) => ({ offer: a.offer, reply: 'reject' as const })),
      });
    }
  } else if (base.phase === 'commitment') {
    const keepAll = base.decisions.map((d) => ({ ...d, honour: true }));
    const breakAll = base.decisions.map((d) => ({ ...d, honour: false }));
    const quiet: ActionChoice[] = [];
    if (base.decisions.some((d) => !d.honour)) out.push({ ...base, decisions: keepAll });
    if (base.decisions.length && base.decisions.some((d) => d.honour))
      out.push({ ...base, decisions: breakAll });
    if (base.actions.length) out.push({ ...base, actions: quiet });
    if (base.actions.length > 1) out.push({ ...base, actions: base.actions.slice(0, 1) });
  }
  // An alternative that is the choice itself (accepting every offer when it accepts them all) would meet the
  // same sampled future and score the same: it is not played again.
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = JSON.stringify({ ...c, why: undefined });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The last round a lookahead from `round` plays: the round the others answer the choice in. A step kept or broken,
 * or an act, is answered next round; so is an offer or an answer, since a deal signed this round takes its first
 * step this round, and what the others saw of that step (a dispute, a strike against a phased deal, a step seen
 * broken to repay) comes only in the next. Stopping at this round's end read a package by its first step alone,
 * before any of that: a misreading that flattered three-way packages, whose steps six pairs watch instead of two
 * (docs/experiments.md, claim 10).
 */
export const lookaheadRound = (round: number, horizon: number): number => round + horizon;

/**
 * What the others do in the phase a lookahead starts in, whatever my input there: they decide on the state as it
 * stands (my input in the inbox is not theirs to see), so every candidate of a sample meets the same inputs and
 * the same dice after them. Read once per sample (`othersFirst`) and handed to each of its rollouts.
 */
export interface FirstPhase {
  /** Each seat's input in the first phase (mine left null). */
  inputs: (PhaseInput | null)[];
  /** The stand-ins' generator after those inputs. */
  rng: RngState;
}

/** The others' inputs in the phase `s0` waits for, with `seed`'s dice (see `FirstPhase`). */
export function othersFirst(world: World, s0: GameState, me: ActorId, seed: number): FirstPhase {
  const rng = rngFrom(seedState(seed));
  const inputs: (PhaseInput | null)[] = world.actors.map(() => null);
  const phase = waitingPhase(s0);
  // One token for the seats deciding on this state (`DecisionContext.table`): what they read alike is read once.
  const table = {};
  if (phase)
    for (let i = 0; i < world.actors.length; i++) {
      const a = world.actors[i]!.id;
      if (a === me || s0.inbox[i] !== null) continue;
      inputs[i] = standIn.decide({ world, view: playerView(world, s0, a), rng, table }, phase);
    }
  return { inputs, rng: rng.save() };
}

/**
 * Plays a copy of `s0` (in its waiting phase, with `mine` as my input there) to the end of `horizonRound`, every
 * other input by the stand-in (and mine after the first phase), its dice from `seed`; the state reached. With
 * `first` (the others' inputs in the first phase, `othersFirst` of the same state and seed) they are not read again.
 */
export function playAhead(
  world: World,
  s0: GameState,
  me: ActorId,
  mine: PhaseInput,
  horizonRound: number,
  seed: number,
  first: FirstPhase = othersFirst(world, s0, me, seed),
): GameState {
  const s = cloneState(s0);
  const stand = standIn;
  // The stand-ins' dice come from their own seeded generator, never the game's: after the first phase, where
  // `first` has them.
  const rng = rngFrom(first.rng);
  const standCtx = (actor: ActorId, table: object) => ({
    world,
    view: playerView(world, s, actor),
    rng,
    table,
  });
  if (waitingPhase(s)) {
    for (let i = 0; i < world.actors.length; i++) {
      if (s.inbox[i] !== null) continue;
      const a = world.actors[i]!.id;
      collectMut(world, s, a, a === me ? mine : first.inputs[i]!);
    }
    if (allIn(s)) closePhaseMut(world, s);
  }
  for (let phase = waitingPhase(s); phase && s.round <= horizonRound; phase = waitingPhase(s)) {
    // A token per state and phase, as `computerChooser` gives one: collecting an input changes only the inbox.
    const table = {};
    for (const a of world.actors) {
      if (s.inbox[world.actors.indexOf(a)] !== null) continue;
      collectMut(world, s, a.id, stand.decide(standCtx(a.id, table), phase));
    }
    if (allIn(s)) closePhaseMut(world, s);
  }
  return s;
}

/**
 * My score in the state a lookahead reached (`s`, changed in place), as the objective player values a move: the
 * leader in office now weighs the objectives (its priorities, not the scenario's first weights), its own economy
 * weighs more the more it needs relief (the need read at the decision, `look`), and a change of sanctions or
 * lifelines since the decision counts over the outlook's year, not only the rounds the lookahead played.
 */
export function leafValue(
  world: World,
  s: GameState,
  me: ActorId,
  s0: GameState,
  look: Outlook,
  gain: number,
): number {
  addFlows(world, s, look);
  const def = world.actors[indexOf(world, me)]!;
  let sum = 0;
  let weights = 0;
  for (const o of def.objectives) {
    const w = o.weight * leaderPriority(world, s0, me, o);
    sum += w * needWeight(world, me, o, look, gain) * objectiveValue(world, s, me, o);
    weights += w;
  }
  return weights > 0 ? sum / weights : 0;
}

/** Plays from `s0` to the horizon (`playAhead`); my score at the end (`leafValue`). */
function rollout(
  world: World,
  s0: GameState,
  me: ActorId,
  mine: PhaseInput,
  horizonRound: number,
  seed: number,
  first: FirstPhase,
  look: Outlook,
  gain: number,
): number {
  const s = playAhead(world, s0, me, mine, horizonRound, seed, first);
  return leafValue(world, s, me, s0, look, gain);
}

export function plannerStrategy(params: Partial<PlannerParams> = {}): Strategy {
  const p = { ...DEFAULTS, ...params };
  const objective = objectiveStrategy();
  return {
    id: 'planner',
    name: 'Planner (looks ahead)',
    decide(ctx: DecisionContext, phase: InputPhase): PhaseInput {
      const { world, view, rng } = ctx;
      const base = objective.decide(ctx, phase);
      const options = candidates(base);
      if (options.length === 1) return base;
      const totals = options.map(() => 0);
      const counts = options.map(() => 0);
      let rollouts = 0;
      // Far enough for the others to answer the choice, whatever the phase (`lookaheadRound`).
      const last = lookaheadRound(view.round, p.horizon);
      outer: for (let k = 0; k < p.samples; k++) {
        const belief = beliefState(world, view, rng);
        // Every candidate meets the same sampled future (the same belief and the same dice for the stand-ins),
        // so the comparison between candidates is not swamped by the luck of separate draws.
        const seed = Math.floor(rng.next() * 2 ** 32);
        const first = othersFirst(world, belief, view.me, seed);
        // The need and pressure at the decision, as the objective player reads them (its horizon and gain).
        const look = outlook(world, belief, NORMAL_PARAMS.horizon);
        // Others have not necessarily submitted yet in the real game; in the sample their inputs come from the stand-in.
        for (let c = 0; c < options.length; c++) {
          if (rollouts >= p.maxRollouts) break outer;
          totals[c]! += rollout(
            world,
            belief,
            view.me,
            options[c]!,
            last,
            seed,
            first,
            look,
            NORMAL_PARAMS.need,
          );
          counts[c]!++;
          rollouts++;
        }
      }
      let best = 0;
      for (let c = 1; c < options.length; c++)
        if (counts[c]! > 0 && totals[c]! / counts[c]! > totals[best]! / Math.max(1, counts[best]!)) best = c;
      const chosen = options[best]!;
      const gain = counts[best]! ? totals[best]! / counts[best]! - totals[0]! / Math.max(1, counts[0]!) : 0;
      const why =
        best === 0
          ? `${base.why ?? ''} Looking ${p.horizon} rounds ahead over ${rollouts} simulated futures, ${nameOf(world, view.me)} finds nothing better.`.trim()
          : `${nameOf(world, view.me)} looked ${p.horizon} rounds ahead over ${rollouts} simulated futures and ${describeChange(base, chosen)}, which it expects to raise its score by ${gain.toFixed(1)}.`;
      return { ...chosen, why };
    },
  };
}

function describeChange(base: PhaseInput, chosen: PhaseInput): string {
  if (chosen.phase === 'proposing') return 'holds back its offer';
  if (chosen.phase === 'responding')
    return chosen.answers.every((a) => a.reply === 'accept')
      ? 'accepts every offer on the table'
      : 'rejects the offers on the table';
  if (base.phase === 'commitment' && chosen.phase === 'commitment') {
    if (chosen.decisions.some((d, i) => d.honour !== base.decisions[i]?.honour))
      return chosen.decisions.every((d) => d.honour)
        ? 'keeps every promise after all'
        : 'breaks its promises';
    return chosen.actions.length ? 'takes fewer actions' : 'holds back its actions';
  }
  return 'changes course';
}
