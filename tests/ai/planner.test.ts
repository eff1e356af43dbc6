import { describe, expect, it } from 'vitest';
import { beliefState } from '../../src/ai/belief.ts';
import { computerChooser, seatRng, strategyById } from '../../src/ai/index.ts';
import { lookaheadRound, othersFirst, playAhead } from '../../src/ai/planner.ts';
import { titForTat } from '../../src/ai/strategies.ts';
import { readScenario } from '../../src/cli/files.ts';
import {
  allIn,
  cloneState,
  closePhaseMut,
  collectMut,
  hashValue,
  playerView,
  rngFrom,
  seedState,
  startGame,
  waitingPhase,
} from '../../src/engine/index.ts';
import type { GameState, PhaseInput, World } from '../../src/engine/index.ts';

/** The Panmunjom thaw with every step misread: whatever a party does, the others see it broken. */
const { world: shipped } = readScenario('panmunjom-2018');
const blind: World = {
  ...shipped,
  rules: { ...shipped.rules, accuracy: { none: 0, partial: 0, inspections: 0 } },
  hash: `${shipped.hash}+blind`,
};

/** Normal players in every seat up to the first responding phase. */
function firstAnswers(w: World, seed: string): GameState {
  const seats = Object.fromEntries(w.actors.map((a) => [a.id, strategyById('objective')]));
  const choose = computerChooser(w, seed, seats);
  const s = startGame(w, seed);
  for (let p = waitingPhase(s); p && p !== 'responding'; p = waitingPhase(s)) {
    for (const a of w.actors) collectMut(w, s, a.id, choose(s, a.id, p));
    closePhaseMut(w, s);
  }
  return s;
}

describe('the planner reads an answer until the others answer the deal it signs', () => {
  it('sees the partner repay a first step it saw broken, where stopping at the round’s end saw no answer', () => {
    const s = firstAnswers(blind, 'a');
    // A phased two-way offer waiting for its receiver's answer (its proposer has accepted it already).
    const deal = s.offers.find(
      (o) => o.status === 'open' && !o.mediator && o.parties.length === 2 && o.steps > 2,
    );
    expect(deal).toBeDefined();
    const me = deal!.parties.find((x) => x !== deal!.from)!;
    const view = playerView(blind, s, me);
    const answers = view.offers
      .filter((o) => o.status === 'open' && o.from !== me && !o.accepted.includes(me))
      .map((o) => ({ offer: o.id, reply: o.id === deal!.id ? ('accept' as const) : ('reject' as const) }));
    const mine = { phase: 'responding' as const, answers };
    const belief = beliefState(blind, view, seatRng('planner-test', me));
    const signed = (end: GameState) => end.agreements.find((g) => g.offer === deal!.id)!;

    const partner = deal!.from;
    const answered = (end: GameState) =>
      end.log.filter((e) => e.kind === 'action' && e.actor === partner && e.round > view.round);

    // The old reading: to the end of this round. The deal is signed and its first step kept by both, but each saw
    // the other break it. That is all the lookahead saw: a step disputed, and nobody yet answering it.
    const old = playAhead(blind, belief, me, mine, view.round, 1);
    expect(signed(old).record).toHaveLength(1);
    expect(signed(old).record[0]!.disputed).toBe(true);
    expect(answered(old)).toEqual([]);

    // The reading now: to the round in which the others answer that first step. The partner, having seen a
    // breach, withholds its next step and acts against the breaker: what accepting the offer brings.
    const last = lookaheadRound(view.round, 1);
    expect(last).toBe(view.round + 1);
    const now = playAhead(blind, belief, me, mine, last, 1);
    expect(signed(now).record[1]!.honoured[partner]).toBe(false);
    expect(answered(now).some((e) => e.kind === 'action' && e.target === me)).toBe(true);
  });
});

describe('the planner reads the others’ first inputs once a sample', () => {
  /** The lookahead as it was before `othersFirst`: every seat's first input read again in each rollout. */
  function playAheadEachTime(
    w: World,
    s0: GameState,
    me: string,
    mine: PhaseInput,
    last: number,
    seed: number,
  ) {
    const s = cloneState(s0);
    const rng = rngFrom(seedState(seed));
    let first = true;
    for (let phase = waitingPhase(s); phase && s.round <= last; phase = waitingPhase(s)) {
      for (const a of w.actors) {
        if (s.inbox[w.actors.indexOf(a)] !== null) continue;
        const input =
          first && a.id === me
            ? mine
            : titForTat.decide({ world: w, view: playerView(w, s, a.id), rng }, phase);
        collectMut(w, s, a.id, input);
      }
      first = false;
      if (allIn(s)) closePhaseMut(w, s);
    }
    return s;
  }

  it('plays every candidate to the state reading them each time reaches, in each phase', () => {
    let compared = 0;
    for (const seed of ['a', 'b', 'c']) {
      const seats = Object.fromEntries(shipped.actors.map((a) => [a.id, strategyById('objective')]));
      const choose = computerChooser(shipped, seed, seats);
      const s = startGame(shipped, seed);
      for (let p = waitingPhase(s); p && s.round <= 3; p = waitingPhase(s)) {
        for (const [k, a] of shipped.actors.entries()) {
          if (k % 2) continue;
          const view = playerView(shipped, s, a.id);
          const belief = beliefState(shipped, view, seatRng(`first-${seed}`, a.id));
          const base = choose(s, a.id, p);
          const candidates: PhaseInput[] = [
            base,
            strategyById('tit-for-tat').decide({ world: shipped, view, rng: seatRng(seed, a.id) }, p),
          ];
          const dice = 1000 + k;
          const first = othersFirst(shipped, belief, a.id, dice);
          for (const mine of candidates) {
            const last = lookaheadRound(view.round, 1);
            expect(hashValue(playAhead(shipped, belief, a.id, mine, last, dice, first))).toBe(
              hashValue(playAheadEachTime(shipped, belief, a.id, mine, last, dice)),
            );
            compared++;
          }
        }
        for (const a of shipped.actors) collectMut(shipped, s, a.id, choose(s, a.id, p));
        closePhaseMut(shipped, s);
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
