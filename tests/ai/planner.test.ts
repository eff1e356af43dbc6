import { describe, expect, it } from 'vitest';
import { beliefState } from '../../src/ai/belief.ts';
import { computerChooser, seatRng, strategyById } from '../../src/ai/index.ts';
import { outlook } from '../../src/ai/need.ts';
import { leafValue, lookaheadRound, othersFirst, playAhead } from '../../src/ai/planner.ts';
import { standIn, titForTat } from '../../src/ai/strategies.ts';
import { readScenario } from '../../src/cli/files.ts';
import {
  allIn,
  cloneState,
  closePhaseMut,
  collectMut,
  hashValue,
  pairIndex,
  playerView,
  pursuedScore,
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
            : standIn.decide({ world: w, view: playerView(w, s, a.id), rng }, phase);
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

describe("the planner's value of where a lookahead ends", () => {
  const world = shipped;
  const n = world.actors.length;
  const DPRK = world.actors.findIndex((a) => a.id === 'DPRK');
  const USA = world.actors.findIndex((a) => a.id === 'USA');
  const PRC = world.actors.findIndex((a) => a.id === 'PRC');

  it('is the score as it stands when the economy needs nothing and no pressure moved', () => {
    const s0 = startGame(world, 'leaf-0');
    for (const a of s0.actors) a.economy = 80;
    const look = outlook(world, s0, 4);
    expect(look.need[DPRK]).toBe(0);
    expect(leafValue(world, cloneState(s0), 'DPRK', s0, look, 2)).toBeCloseTo(
      pursuedScore(world, s0, 'DPRK', s0),
      9,
    );
  });

  it('counts a sanction lifted in the lookahead over the outlook’s year, not the rounds it played', () => {
    const s0 = startGame(world, 'leaf-1');
    s0.sanctions[pairIndex(n, USA, DPRK)] = 3;
    const look = outlook(world, s0, 4);
    const lifted = cloneState(s0);
    lifted.sanctions[pairIndex(n, USA, DPRK)] = 0;
    const gain =
      leafValue(world, lifted, 'DPRK', s0, look, 2) - leafValue(world, cloneState(s0), 'DPRK', s0, look, 2);
    expect(gain).toBeGreaterThan(
      pursuedScore(world, lifted, 'DPRK', s0) - pursuedScore(world, s0, 'DPRK', s0),
    );
    expect(gain).toBeGreaterThan(0);
  });

  it('weighs its own economy more when, without its lifeline, the economy is heading low', () => {
    const fed = startGame(world, 'leaf-2');
    fed.lifeline[pairIndex(n, PRC, DPRK)] = 3;
    const cut = cloneState(fed);
    cut.lifeline[pairIndex(n, PRC, DPRK)] = 0;
    for (const s of [fed, cut]) s.actors[DPRK]!.economy = 40;
    const lookFed = outlook(world, fed, 4);
    const lookCut = outlook(world, cut, 4);
    expect(lookCut.need[DPRK]).toBeGreaterThan(lookFed.need[DPRK]!);
    // The same ten points of economy at the end of the lookahead, from either world.
    const worth = (s0: GameState, look: ReturnType<typeof outlook>): number => {
      const richer = cloneState(s0);
      richer.actors[DPRK]!.economy += 10;
      return (
        leafValue(world, richer, 'DPRK', s0, look, 2) - leafValue(world, cloneState(s0), 'DPRK', s0, look, 2)
      );
    };
    expect(worth(cut, lookCut)).toBeGreaterThan(worth(fed, lookFed));
  });
});

describe('the stand-ins the planner looks ahead with', () => {
  it('deal with a government trusted too little for tit-for-tat (no fixed line: a distrusted partner is not one no one deals with)', () => {
    const s = startGame(shipped, 'lines');
    const n = shipped.actors.length;
    const rok = shipped.actors.findIndex((a) => a.id === 'ROK');
    // The South trusts everyone at 22: enough to talk directly (20), under tit-for-tat's line to propose (25).
    for (let j = 0; j < n; j++) if (j !== rok) s.trust[pairIndex(n, rok, j)] = 22;
    const ctx = () => ({ world: shipped, view: playerView(shipped, s, 'ROK'), rng: rngFrom(seedState(1)) });
    const tft = titForTat.decide(ctx(), 'proposing');
    const stand = standIn.decide(ctx(), 'proposing');
    expect(tft.phase === 'proposing' && tft.offers).toEqual([]);
    expect(stand.phase === 'proposing' && stand.offers.length).toBe(1);
  });
});
