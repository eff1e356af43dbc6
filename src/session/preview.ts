/**
 * The likely effects of an offer, read from the catalogue's own effect data through the engine's `applyAction`
 * on a copy of the state as the player believes it (built from the player view alone, as the computer players
 * do): each term's effect on every government's variables, the tension, the stage, sanctions and channels;
 * what signing costs each party at home; and how often each step is observed correctly under the chosen
 * verification. Plain data: the screens (src/ui/play/preview.ts) turn it into words and never see the state.
 *
 * @example
 *   const p = previewOffer(world, view, { terms, verification: 'partial', steps: 2, expires: 1 });
 *   p.signingCost[view.me]; // support it pays at home to sign
 */
import {
  ACTOR_VARS,
  amongRivals,
  applyAction,
  cloneState,
  dealReach,
  fadeAfter,
  findAction,
  indexOf,
  pairIndex,
  partiesOf,
  recentKey,
  rngFrom,
  seedState,
  signingCost as costToSign,
  stepOf,
} from '../engine/index.ts';
import type { ActorId, ActorVar, GameState, OfferDraft, PlayerView, Term, World } from '../engine/index.ts';
import { beliefState } from '../ai/belief.ts';

/** One change the preview reports, in the units the board shows. */
export type Change =
  | { kind: 'var'; actor: ActorId; var: ActorVar; delta: number }
  | { kind: 'tension'; delta: number }
  | { kind: 'stage'; delta: number }
  | { kind: 'sanctions' | 'lifeline'; from: ActorId; to: ActorId; delta: number }
  | { kind: 'channel'; channel: 'hotline' | 'backchannel'; a: ActorId; b: ActorId; open: boolean };

export interface TermPreview {
  term: Term;
  /** The whole term carried out over every step, if its government keeps its word. */
  changes: Change[];
}

export interface OfferPreview {
  terms: TermPreview[];
  /** The whole deal carried out by everyone. */
  total: Change[];
  parties: ActorId[];
  /** The proposer brokers the deal without being a party to it. */
  mediated: boolean;
  /** Support each party loses at home when it signs (others' figures are guesses from public numbers). */
  signingCost: Record<ActorId, number>;
  /** Chance each observer reads one party's step correctly. */
  accuracy: number;
  /** Chance that, with every party keeping its word, nobody sees a breach in one step. */
  cleanStep: number;
  /** Trust each party gains in each other when every step is seen kept, and loses per step seen broken. */
  trustIfKept: number;
  trustPerBrokenStep: number;
  /**
   * What the deal carried out in full does to the peace process: nothing among partners (`rivals` false);
   * between rivals a stage forward a round, up to `upTo` (null: the last stage). `because` says what caps it:
   * declarations and aid without a real step, or security concessions alone where the scenario caps them.
   * `step`: it holds a concession on a weapons programme or on security.
   */
  process: {
    rivals: boolean;
    upTo: number | null;
    because: 'declarations' | 'security' | null;
    step: boolean;
  };
}

const EPS = 0.05;

/** The state as `view.me` believes it; the generator is fixed, since applying effects draws no dice. */
export function believed(world: World, view: PlayerView): GameState {
  return beliefState(world, view, rngFrom(seedState('preview')));
}

/** Runs `terms` step by step on a copy of `s`, as the engine runs an agreement's steps, and lists what changed. */
function changesOf(
  world: World,
  view: PlayerView,
  s: GameState,
  terms: readonly Term[],
  steps: number,
): Change[] {
  const c = cloneState(s);
  for (let k = 0; k < steps; k++)
    for (const t of terms) {
      const def = findAction(world, t.action);
      if (!def) continue;
      const fade =
        k === 0 ? fadeAfter(world, view.myRecent[recentKey(t.by, def.id, t.target)], view.round) : 1;
      applyAction(
        world,
        c,
        def,
        indexOf(world, t.by),
        t.target === undefined ? -1 : indexOf(world, t.target),
        1 / steps,
        k === steps - 1,
        fade,
      );
    }
  return diff(world, s, c);
}

function diff(world: World, a: GameState, b: GameState): Change[] {
  const out: Change[] = [];
  const ids = world.actors.map((x) => x.id);
  const n = ids.length;
  ids.forEach((id, i) => {
    for (const v of ACTOR_VARS) {
      const d = b.actors[i]![v] - a.actors[i]![v];
      if (Math.abs(d) >= EPS) out.push({ kind: 'var', actor: id, var: v, delta: d });
    }
  });
  if (Math.abs(b.tension - a.tension) >= EPS) out.push({ kind: 'tension', delta: b.tension - a.tension });
  if (b.stage !== a.stage) out.push({ kind: 'stage', delta: b.stage - a.stage });
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const k = pairIndex(n, i, j);
      for (const kind of ['sanctions', 'lifeline'] as const) {
        const d = b[kind][k]! - a[kind][k]!;
        if (d) out.push({ kind, from: ids[i]!, to: ids[j]!, delta: d });
      }
      if (j > i)
        for (const channel of ['hotline', 'backchannel'] as const)
          if (b[channel][k] !== a[channel][k])
            out.push({ kind: 'channel', channel, a: ids[i]!, b: ids[j]!, open: b[channel][k] === 1 });
    }
  return out;
}

/** The preview of a draft offer by `view.me`, on the state it believes. */
export function previewOffer(
  world: World,
  view: PlayerView,
  draft: OfferDraft,
  s: GameState = believed(world, view),
  /** Who brokers it, for an offer received from a mediator: then every party pays the mediated share. */
  broker: ActorId | null = null,
): OfferPreview {
  const r = world.rules;
  const parties = partiesOf(draft);
  const mediated = !parties.includes(view.me);
  const brokered = mediated || (broker !== null && !parties.includes(broker));
  const steps = Math.max(1, Math.min(r.maxSteps, Math.round(draft.steps) || 1));
  const n = world.actors.length;
  const signingCost: Record<ActorId, number> = {};
  for (const p of parties) {
    const i = indexOf(world, p);
    const trustIn = parties.filter((q) => q !== p).map((q) => s.trust[pairIndex(n, i, indexOf(world, q))]!);
    signingCost[p] = costToSign(world, p, trustIn, brokered);
  }
  const accuracy = r.accuracy[draft.verification];
  const observers = mediated ? [...parties, view.me] : parties;
  let reads = 0;
  for (const o of observers) reads += parties.filter((p) => p !== o).length;
  return {
    terms: draft.terms.map((t) => ({ term: t, changes: changesOf(world, view, s, [t], steps) })),
    total: changesOf(world, view, s, draft.terms, steps),
    parties,
    mediated,
    signingCost,
    accuracy,
    cleanStep: accuracy ** reads,
    trustIfKept: r.trustKept + r.trustCompleted,
    trustPerBrokenStep: r.trustBroken / steps,
    process: processOf(world, s, draft.terms, parties),
  };
}

/** How far a deal carried out in full can take the peace process (`dealReach`), and why no further. */
function processOf(
  world: World,
  s: GameState,
  terms: readonly Term[],
  parties: readonly ActorId[],
): OfferPreview['process'] {
  const rivals = amongRivals(world, s, parties);
  const upTo = rivals ? (dealReach(world, { terms }) ?? null) : null;
  const step = stepOf(world, terms);
  return {
    rivals,
    upTo,
    because: upTo === null ? null : step === 'security' ? 'security' : 'declarations',
    step: step !== undefined,
  };
}
