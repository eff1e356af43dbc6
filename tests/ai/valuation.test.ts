/**
 * The Normal player's valuation cache (src/ai/valuation.ts): every value it keeps must be the value a fresh
 * what-if copy gives, whatever was valued before it on the same scratch copy, and a key must change whenever a
 * number the valuation reads changes (a stale value is the classic bug of a cache).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beliefFrom } from '../../src/ai/belief.ts';
import { STRATEGIES, computerChooser } from '../../src/ai/index.ts';
import type { Strategy } from '../../src/ai/index.ts';
import { objectiveStrategy } from '../../src/ai/objective.ts';
import { termWorth } from '../../src/ai/worth.ts';
import { legalActions, promisable, concessionOrFriendly } from '../../src/ai/moves.ts';
import { addFlows, decisionValue, outlook } from '../../src/ai/need.ts';
import {
  Valuation,
  believerAdvance,
  changedNumbers,
  sameKey,
  sameKeyOnSameState,
  valuationKey,
  valuationKeyOnSameState,
} from '../../src/ai/valuation.ts';
import type { AnyTerm } from '../../src/ai/valuation.ts';
import {
  applyAction,
  cloneState,
  findAction,
  hashValue,
  indexOf,
  playerView,
  runGame,
  startGame,
  whatIfCopy,
} from '../../src/engine/index.ts';
import type { ActorId, GameState, Term, World } from '../../src/engine/index.ts';
import { WORLD } from '../engine/helpers.ts';
import { readScenario } from '../../src/cli/files.ts';

const HORIZON = 4;
const GAIN = 2;

/** The value as the objective player computed it before the cache: a fresh what-if copy per list of terms. */
function reference(
  world: World,
  belief: GameState,
  who: ActorId,
  terms: readonly AnyTerm[],
  scale: number,
  fade: number,
): { value: number; reason: string } {
  const look = outlook(world, belief, HORIZON);
  const c = whatIfCopy(belief);
  for (const t of terms)
    applyAction(
      world,
      c,
      findAction(world, t.action)!,
      indexOf(world, t.by),
      t.target === undefined ? -1 : indexOf(world, t.target),
      scale,
      true,
      fade,
    );
  addFlows(world, c, look);
  return decisionValue(world, belief, c, who, look, GAIN);
}

/** States met in a game of Normal players, every waiting phase of the first `rounds` rounds. */
function statesOf(world: World, seed: string, rounds: number): GameState[] {
  const out: GameState[] = [];
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, STRATEGIES.objective!]));
  const choose = computerChooser(world, seed, seats);
  const start = startGame(world, seed);
  runGame(world, { ...start }, (s, actor, phase) => {
    if (actor === world.actors[0]!.id && s.round <= rounds) out.push(cloneState(s));
    return choose(s, actor, phase);
  });
  return out;
}

const STATES = statesOf(WORLD, 'valuation', 4);

/** Every term any government could promise any other, and every action the seat could take alone. */
function termsIn(world: World, s: GameState, me: ActorId): AnyTerm[] {
  const view = playerView(world, s, me);
  const out: AnyTerm[] = legalActions(world, view).map((c) => ({ ...c, by: me }));
  for (const a of world.actors)
    for (const b of world.actors)
      if (a.id !== b.id) out.push(...promisable(world, view, a.id, b.id, concessionOrFriendly));
  return out;
}

describe('the valuation cache', () => {
  it('gives exactly the value of a fresh what-if for every term, party, scale and fade, in any order', () => {
    expect(STATES.length).toBeGreaterThan(6);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: STATES.length - 1 }),
        fc.integer({ min: 0, max: WORLD.actors.length - 1 }),
        fc.array(
          fc.record({
            pick: fc.nat(),
            second: fc.option(fc.nat(), { nil: undefined }),
            who: fc.integer({ min: 0, max: WORLD.actors.length - 1 }),
            scale: fc.constantFrom(1, 1 / 2, 1 / 3),
            fade: fc.constantFrom(1, 0.25, 0.5),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (si, seat, asks) => {
          const s = STATES[si]!;
          const me = WORLD.actors[seat]!.id;
          const view = playerView(WORLD, s, me);
          const belief = beliefFrom(WORLD, view, 0.5, true);
          const valuation = new Valuation(WORLD, belief, HORIZON, GAIN);
          const terms = termsIn(WORLD, s, me);
          for (const a of asks) {
            const list = [terms[a.pick % terms.length]!];
            if (a.second !== undefined) list.push(terms[a.second % terms.length]!);
            const who = WORLD.actors[a.who]!.id;
            const want = reference(WORLD, belief, who, list, a.scale, a.fade);
            // Asked twice: the second answer comes from the cache.
            for (let k = 0; k < 2; k++) expect(valuation.value(who, list, a.scale, a.fade)).toEqual(want);
          }
          // The belief itself is never changed by valuing.
          expect(hashValue(belief)).toBe(hashValue(beliefFrom(WORLD, view, 0.5, true)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers every way of asking (valueOf, valued, valuedBy) exactly as a fresh what-if, on beliefs of one world', () => {
    // Whole terms' entries live in an array by the term's code, every entry's numbers in one pool, and who reads
    // each number is kept per world: a value read from the wrong place, a stale slot or another belief's readers
    // would differ from the reference here. Two beliefs of one world, valued alternately, share the per-world part.
    const states = [STATES[1]!, STATES[STATES.length - 1]!];
    const seats = [WORLD.actors[0]!.id, WORLD.actors[2]!.id];
    const valuations = states.map((s, k) => {
      const belief = beliefFrom(WORLD, playerView(WORLD, s, seats[k]!), 0.5, true);
      return {
        belief,
        valuation: new Valuation(WORLD, belief, HORIZON, GAIN),
        terms: termsIn(WORLD, s, seats[k]!),
      };
    });
    let asked = 0;
    for (let i = 0; i < 40; i++)
      for (const { belief, valuation, terms } of valuations) {
        const t = terms[(i * 7) % terms.length]!;
        for (const w of WORLD.actors) {
          const want = reference(WORLD, belief, w.id, [t], 1, 1);
          expect(valuation.valueOf(w.id, t)).toBe(want.value);
          expect(valuation.valued(w.id, t)).toEqual(want);
          asked++;
        }
        // An act of the seat's own, at full weight and faded, read without building the term.
        const fade = i % 2 ? 1 : 0.5;
        expect(valuation.valuedBy(t.by, t.action, t.target, fade)).toEqual(
          reference(WORLD, belief, t.by, [{ by: t.by, action: t.action, target: t.target }], 1, fade),
        );
      }
    expect(asked).toBe(40 * 2 * WORLD.actors.length);
  });

  it('gives every whole act exactly the value of a fresh what-if when the alliances differ between beliefs', () => {
    // A whole term's changes are compiled once per world and alliances (`Program`): an act whose effect reaches
    // the allies of its author or target must reach the allies the belief has, not those of the belief that
    // compiled it first. Two beliefs of one state, one with an alliance broken, valued alternately.
    const reachesAllies = WORLD.actions.filter((d) =>
      d.effects.some((e) => e.kind === 'var' && (e.who === 'allies' || e.who === 'target-allies')),
    );
    expect(reachesAllies.length).toBeGreaterThan(0);
    const s = STATES[STATES.length - 1]!;
    const me = WORLD.actors[0]!.id;
    const view = playerView(WORLD, s, me);
    const allied = beliefFrom(WORLD, view, 0.5, true);
    const pair = allied.alliance.findIndex((x) => x === 1);
    expect(pair).toBeGreaterThanOrEqual(0);
    const n = WORLD.actors.length;
    const [a, b] = [Math.floor(pair / n), pair % n];
    const broken = beliefFrom(WORLD, view, 0.5, true);
    broken.alliance[a * n + b] = broken.alliance[b * n + a] = 0;
    const beliefs = [allied, broken];
    const valuations = beliefs.map((belief) => new Valuation(WORLD, belief, HORIZON, GAIN));
    const acts: AnyTerm[] = [];
    for (const d of WORLD.actions)
      for (const by of [a, b, (a + 1) % n])
        if (d.targeted)
          for (const to of [a, b])
            acts.push({ by: WORLD.actors[by]!.id, action: d.id, target: WORLD.actors[to]!.id });
        else acts.push({ by: WORLD.actors[by]!.id, action: d.id });
    let differ = 0;
    for (const t of acts)
      for (const fade of [1, 0.5])
        for (let k = 0; k < 2; k++)
          for (const w of WORLD.actors) {
            const want = reference(WORLD, beliefs[k]!, w.id, [t], 1, fade);
            expect(valuations[k]!.value(w.id, [t], 1, fade)).toEqual(want);
            if (k === 1 && want.value !== reference(WORLD, allied, w.id, [t], 1, fade).value) differ++;
          }
    // The broken alliance changes some values: the test would notice a program compiled for the other belief.
    expect(differ).toBeGreaterThan(0);
  });

  it("finds a seat's key among those kept without copying the phase's key, as comparing whole keys does", () => {
    // `sameKeyOnSameState(kept, known, advance)` must say exactly what `sameKey(kept, valuationKeyOnSameState(…))`
    // says, for every seat of a state against keys read on that state and on others.
    for (const s of [STATES[2]!, STATES[STATES.length - 1]!]) {
      const known = valuationKey(WORLD, playerView(WORLD, s, WORLD.actors[0]!.id));
      const kept = [...STATES.slice(0, 4), s].flatMap((x) =>
        WORLD.actors.map((a) => valuationKey(WORLD, playerView(WORLD, x, a.id))),
      );
      let matches = 0;
      for (const a of WORLD.actors) {
        const view = playerView(WORLD, s, a.id);
        const whole = valuationKeyOnSameState(WORLD, view, known);
        const advance = believerAdvance(WORLD, view);
        expect(whole[3]).toBe(advance);
        for (const k of kept) {
          const same = sameKeyOnSameState(k, known, advance);
          expect(same).toBe(sameKey(k, whole));
          if (same) matches++;
          // A believer that reads the stage the other way has another key, though every public number agrees.
          const other = whole.slice();
          other[3] = 1 - advance;
          expect(sameKeyOnSameState(k, known, 1 - advance)).toBe(sameKey(k, other));
          if (same) expect(sameKeyOnSameState(k, known, 1 - advance)).toBe(false);
        }
      }
      // Each seat at least finds its own key on this state.
      expect(matches).toBeGreaterThanOrEqual(WORLD.actors.length);
    }
  });

  it('keys every seat of one state alike, and tells apart states that differ in a number it reads', () => {
    const s = STATES[3]!;
    const keys = WORLD.actors.map((a) => valuationKey(WORLD, playerView(WORLD, s, a.id)));
    // Seats may differ only in whether they believe the stage may advance (the key's fourth number).
    for (const k of keys) expect(sameKey(k.slice(4), keys[0]!.slice(4))).toBe(true);
    const me = WORLD.actors[0]!.id;
    const base = valuationKey(WORLD, playerView(WORLD, s, me));
    const edits: ((c: GameState) => void)[] = [
      (c) => (c.actors[2]!.economy += 1),
      (c) => (c.actors[5]!.missile -= 1),
      (c) => (c.tension += 1),
      (c) => (c.stage = (c.stage + 1) % WORLD.stages.length),
      (c) => (c.sanctions[0 * WORLD.actors.length + 2] = (c.sanctions[2]! + 1) % 4),
      (c) => (c.lifeline[3 * WORLD.actors.length + 0] = (c.lifeline[18]! + 1) % 4),
      (c) => (c.alliance[1] = c.alliance[6] = 1 - c.alliance[1]!),
      (c) => (c.round += 1),
    ];
    for (const edit of edits) {
      const c = cloneState(s);
      edit(c);
      expect(sameKey(valuationKey(WORLD, playerView(WORLD, c, me)), base)).toBe(false);
    }
  });

  it('leaves the forum out of the key because no value depends on it', () => {
    const s = STATES[2]!;
    const me = WORLD.actors[1]!.id;
    const c = cloneState(s);
    c.forum = s.forum + 3;
    expect(
      sameKey(valuationKey(WORLD, playerView(WORLD, c, me)), valuationKey(WORLD, playerView(WORLD, s, me))),
    ).toBe(true);
    const a = new Valuation(WORLD, beliefFrom(WORLD, playerView(WORLD, s, me), 0.5, true), HORIZON, GAIN);
    const b = new Valuation(WORLD, beliefFrom(WORLD, playerView(WORLD, c, me), 0.5, true), HORIZON, GAIN);
    for (const t of termsIn(WORLD, s, me))
      for (const w of WORLD.actors) expect(b.value(w.id, [t])).toEqual(a.value(w.id, [t]));
  });

  it('plays the same games as Normal players that share no values at all', () => {
    // One strategy object in every seat shares its valuations between seats and phases, and (by the table token
    // `computerChooser` gives each state and phase) the valuation key's public numbers, the lists of terms each
    // pair could promise and the package search's best terms; a fresh one per decision, given no table, shares
    // nothing. A stale or wrongly shared value or list would make the games differ.
    // Six rounds (players that share nothing are slow); the Six-Party Talks convene talks, where packages are searched.
    const worlds: World[] = [
      { ...WORLD, rounds: 6 },
      { ...readScenario('six-party-talks').world, rounds: 6 },
    ];
    const play = (world: World, fresh: boolean, seed: string): string => {
      const shared = objectiveStrategy();
      const seat: Strategy = fresh
        ? {
            ...shared,
            decide: ({ world, view, rng }, phase) => objectiveStrategy().decide({ world, view, rng }, phase),
          }
        : shared;
      const seats = Object.fromEntries(world.actors.map((a) => [a.id, seat]));
      return hashValue(runGame(world, startGame(world, seed), computerChooser(world, seed, seats)));
    };
    for (const world of worlds)
      for (const seed of ['cache-1', 'cache-2'])
        expect(play(world, true, seed)).toBe(play(world, false, seed));
  });

  it("gives the reciprocity players each seat's own values when the seats of a state share the key's public numbers", () => {
    // Every seat values on a state in turn with one table token (as `computerChooser` and the planner's stand-ins
    // give it), against a valuation of that seat's own belief. Whether a seat thinks the stage may advance is the
    // key's one part each reads its own way: the sample must hold states where the seats disagree on it.
    const world = readScenario('present-day').world;
    const states = [
      ...STATES.map((s) => [WORLD, s] as const),
      ...statesOf(world, 'worth', 4).map((s) => [world, s] as const),
    ];
    let disagree = 0;
    for (const [w, s] of states) {
      const table = {};
      const advance = new Set(w.actors.map((a) => believerAdvance(w, playerView(w, s, a.id))));
      if (advance.size > 1) disagree++;
      for (const a of w.actors) {
        const view = playerView(w, s, a.id);
        const worth = termWorth(w, view, table);
        const own = new Valuation(w, beliefFrom(w, view, 0.5, true), HORIZON, GAIN);
        for (const t of termsIn(w, s, a.id))
          for (const who of w.actors) expect(worth(who.id, [t as Term])).toBe(own.valueOf(who.id, t));
      }
    }
    expect(disagree).toBeGreaterThan(0);
  });

  it("plays the same tit-for-tat games whether or not the seats read the key's public numbers once per state", () => {
    // The reciprocity players value terms on the objective player's valuations (worth.ts): given the table token,
    // the seats deciding on one state read the key's public numbers once, as the planner's stand-ins do in every
    // lookahead. Without it, each seat reads its whole key.
    const tft = STRATEGIES['tit-for-tat']!;
    const blind: Strategy = {
      ...tft,
      decide: ({ world, view, rng }, phase) => tft.decide({ world, view, rng }, phase),
    };
    const play = (world: World, seat: Strategy, seed: string): string => {
      const seats = Object.fromEntries(world.actors.map((a) => [a.id, seat]));
      return hashValue(runGame(world, startGame(world, seed), computerChooser(world, seed, seats)));
    };
    for (const world of [WORLD, readScenario('present-day').world])
      for (const seed of ['key-1', 'key-2', 'key-3'])
        expect(play(world, tft, seed)).toBe(play(world, blind, seed));
  });
});

describe("a valuation taking over a recent one (the support a round's signings cost)", () => {
  /**
   * A state some rounds in, and a copy in which two governments' support fell, as signing deals makes it: one to
   * nearly nothing, where a what-if's cost in support is cut short at 0 and so is worth less than before.
   */
  const state = STATES[STATES.length - 2]!;
  const signed = cloneState(state);
  signed.actors[0]!.support = 1;
  signed.actors[2]!.support = Math.max(0, signed.actors[2]!.support - 3);
  const me = WORLD.actors[1]!.id;
  const SUPPORT = 1; // its place in ACTOR_VARS, and so in each government's slots

  it('names the slots of the numbers that moved, and nothing when anything else a valuation reads moved', () => {
    const key = (s: GameState): Float64Array => valuationKey(WORLD, playerView(WORLD, s, me));
    const nv = 6;
    expect(changedNumbers(key(state), key(signed), WORLD.actors.length)).toEqual([SUPPORT, 2 * nv + SUPPORT]);
    expect(changedNumbers(key(state), key(state), WORLD.actors.length)).toEqual([]);
    // An economy weighs into every government's need, and tension is no government's number: neither is taken over.
    const poorer = cloneState(state);
    poorer.actors[0]!.economy = Math.max(0, poorer.actors[0]!.economy - 5);
    expect(changedNumbers(key(state), key(poorer), WORLD.actors.length)).toBeNull();
    const tenser = cloneState(state);
    tenser.tension = Math.min(100, tenser.tension + 5);
    expect(changedNumbers(key(state), key(tenser), WORLD.actors.length)).toBeNull();
  });

  it('gives every act, whole or faded, exactly the value a fresh what-if on its own belief gives', () => {
    const before = beliefFrom(WORLD, playerView(WORLD, state, me), 0.5, true);
    const after = beliefFrom(WORLD, playerView(WORLD, signed, me), 0.5, true);
    const terms = termsIn(WORLD, state, me);
    const parent = new Valuation(WORLD, before, HORIZON, GAIN);
    // Everything valued on the earlier belief first, as a round's proposals do.
    for (const t of terms) {
      for (const w of WORLD.actors) parent.valued(w.id, t);
      parent.valuedBy(t.by, t.action, t.target, 0.5);
    }
    const changed = changedNumbers(
      valuationKey(WORLD, playerView(WORLD, state, me)),
      valuationKey(WORLD, playerView(WORLD, signed, me)),
      WORLD.actors.length,
    )!;
    const child = new Valuation(WORLD, after, HORIZON, GAIN);
    child.inherit(parent, changed);
    let differs = 0;
    for (const t of terms) {
      for (const w of WORLD.actors) {
        const want = reference(WORLD, after, w.id, [t], 1, 1);
        expect(child.valued(w.id, t), `${t.by} ${t.action} ${t.target ?? ''} to ${w.id}`).toEqual(want);
        if (want.value !== reference(WORLD, before, w.id, [t], 1, 1).value) differs++;
      }
      expect(child.valuedBy(t.by, t.action, t.target, 0.5)).toEqual(
        reference(WORLD, after, t.by, [{ by: t.by, action: t.action, target: t.target }], 1, 0.5),
      );
    }
    // The fall of support does change some acts' values: those must have been worked out again.
    expect(differs).toBeGreaterThan(0);
  });
});

describe('the light belief a valuation reads', () => {
  // A round moves the stage at most one stage from where it began (`moveStage`). A belief that forgot where the
  // round began valued a summit at stage 2 as if the game still stood near the scenario's first stage: the what-if
  // stage was pulled down, and the summit looked harmful (+5.8 to South Korea at stage 0, -2.5 at stage 2).
  const stageActions = WORLD.actions.filter((a) => a.effects.some((e) => e.kind === 'stage'));

  /** A state some rounds in whose last round ended two or more stages above the scenario's start. */
  function advanced(): GameState {
    const s = cloneState(STATES[STATES.length - 1]!);
    const last = { ...s.history[s.history.length - 1]! }; // a clone shares history lines: copy the one changed
    s.history[s.history.length - 1] = last;
    s.stage = last.stage = WORLD.initial.stage + 2;
    return s;
  }

  it('moves the stage from where the round began, as the full belief does', () => {
    expect(stageActions.length).toBeGreaterThan(0);
    const s = advanced();
    for (const me of IDS_OF(WORLD)) {
      const view = playerView(WORLD, s, me);
      const light = beliefFrom(WORLD, view, 0.5, true);
      const full = beliefFrom(WORLD, view, 0.5, false);
      for (const action of stageActions)
        for (const target of [-1, ...WORLD.actors.map((_, i) => i)]) {
          const a = whatIfCopy(light);
          const b = whatIfCopy(full);
          applyAction(WORLD, a, action, indexOf(WORLD, me), target, 1, true);
          applyAction(WORLD, b, action, indexOf(WORLD, me), target, 1, true);
          expect(a.stage, `${me} ${action.id} → ${target}`).toBe(b.stage);
          expect(a.stage).toBeGreaterThanOrEqual(s.stage - 1);
        }
    }
  });

  it('keys the stage the round began at: the same stage reached from elsewhere values moves differently', () => {
    const s = advanced();
    const c = cloneState(s);
    c.history[c.history.length - 1] = { ...c.history[c.history.length - 1]!, stage: s.stage - 1 };
    const me = WORLD.actors[1]!.id;
    expect(
      sameKey(valuationKey(WORLD, playerView(WORLD, c, me)), valuationKey(WORLD, playerView(WORLD, s, me))),
    ).toBe(false);
  });
});

function IDS_OF(world: World): ActorId[] {
  return world.actors.map((a) => a.id);
}
