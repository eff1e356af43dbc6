import { describe, expect, it } from 'vitest';
import { STRATEGIES, computerChooser, seatRng, strategyById } from '../../src/ai/index.ts';
import { promisable } from '../../src/ai/moves.ts';
import { TOURNAMENT_DEFAULT, tournament } from '../../src/ai/tournament.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../../src/ai/simulate.ts';
import { SCENARIO_DIR, defaultCatalogue, readScenario } from '../../src/cli/files.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import {
  cloneState,
  closePhaseMut,
  collectMut,
  playerView,
  runGame,
  startGame,
  waitingPhase,
} from '../../src/engine/index.ts';
import type { GameState, InputPhase, PhaseInput, World } from '../../src/engine/index.ts';

const { world } = readScenario('panmunjom-2018');
const fast = Object.keys(STRATEGIES).filter((s) => s !== 'planner');

/** Plays with every seat on `strategy` until `phase` of `round`, and returns that state (waiting for inputs). */
function playUntil(w: World, strategy: string, seed: string, round: number, phase: InputPhase): GameState {
  const seats = Object.fromEntries(w.actors.map((a) => [a.id, strategyById(strategy)]));
  const choose = computerChooser(w, seed, seats);
  const s = startGame(w, seed);
  for (let p = waitingPhase(s); p && !(s.round === round && p === phase); p = waitingPhase(s)) {
    for (const a of w.actors) collectMut(w, s, a.id, choose(s, a.id, p));
    closePhaseMut(w, s);
  }
  return s;
}

describe('every strategy plays only legal moves', () => {
  it.each(fast)('%s completes whole games with no input the engine rejects', (id) => {
    for (const seed of ['a', 'b']) {
      const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById(id)]));
      const end = runGame(world, startGame(world, seed), computerChooser(world, seed, seats));
      expect(end.end).not.toBeNull();
    }
  });

  it('the planner completes a game among objective players', () => {
    const seats = Object.fromEntries(
      world.actors.map((a, i) => [a.id, strategyById(i === 0 ? 'planner' : 'objective')]),
    );
    const end = runGame(world, startGame(world, 'p'), computerChooser(world, 'p', seats));
    expect(end.end).not.toBeNull();
  });
});

describe('strategies read only their own view', () => {
  /** Changes every part of the state that `me` may not know. */
  function scrambleHidden(s: GameState, me: string): GameState {
    const c = cloneState(s);
    const n = world.actors.length;
    const i = world.actors.findIndex((a) => a.id === me);
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        if (a !== i && a !== b) c.trust[a * n + b] = (c.trust[a * n + b]! + 37) % 100;
    c.rng = { c: 1, s0: 0.1, s1: 0.2, s2: 0.3 };
    c.agreements = c.agreements.map((g) => ({
      ...g,
      record: g.record.map((r) => ({
        ...r,
        honoured: Object.fromEntries(Object.entries(r.honoured).map(([k, v]) => [k, k === me ? v : !v])),
        observed: Object.fromEntries(
          Object.entries(r.observed).map(([o, seen]) => [
            o,
            o === me ? seen : Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, !v])),
          ]),
        ),
      })),
    }));
    c.log = c.log.filter((e) => e.to === null || e.to.includes(me));
    return c;
  }

  const phases: InputPhase[] = ['proposing', 'responding', 'commitment'];
  it.each(fast)('%s decides the same when hidden parts of the state change', (id) => {
    for (const phase of phases) {
      const s = playUntil(world, 'tit-for-tat', 'hidden', 5, phase);
      expect(s.agreements.length).toBeGreaterThan(0);
      for (const me of world.actors.map((a) => a.id)) {
        const decide = (st: GameState): PhaseInput =>
          strategyById(id).decide(
            { world, view: playerView(world, st, me), rng: seatRng('same', me) },
            phase,
          );
        expect(decide(scrambleHidden(s, me)), `${id} as ${me} in ${phase}`).toEqual(decide(s));
      }
    }
  });
});

describe('explanations', () => {
  it.each(fast.filter((s) => s !== 'random'))(
    'every decision of %s carries a sentence naming its government',
    (id) => {
      const names = new Map(world.actors.map((a) => [a.id, a.name]));
      const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById(id)]));
      runGame(world, startGame(world, 'why'), computerChooser(world, 'why', seats), (r) => {
        expect(r.input.why, `${id} ${r.actor} round ${r.round} ${r.input.phase}`).toMatch(/\.$/);
        expect(r.input.why).toContain(names.get(r.actor));
      });
    },
  );
});

describe('the tournament', () => {
  const base = {
    strategies: ['tit-for-tat', 'generous-tit-for-tat', 'grim-trigger', 'pavlov', 'hawk', 'dove', 'random'],
    rounds: 30,
    repetitions: 12,
    seed: 7,
    generations: 200,
  };

  it('is deterministic for a seed', () => {
    const o = { ...base, strategies: ['tit-for-tat', 'hawk'], repetitions: 3, noise: 0.1 };
    expect(tournament(o)).toEqual(tournament(o));
  });

  it('without noise, reciprocators cooperate throughout and the always-defector gains only against the naive', () => {
    const r = tournament({ ...base, noise: 0, repetitions: 1 });
    expect(r.table['tit-for-tat']!['tit-for-tat']).toBeCloseTo(66.67, 1);
    expect(r.table['generous-tit-for-tat']!['generous-tit-for-tat']).toBeCloseTo(66.67, 1);
    expect(r.table.hawk!.dove).toBeCloseTo(100, 1);
    expect(r.table.hawk!.hawk).toBeCloseTo(33.33, 1);
  });

  it('under noise 0.1, forgiveness pays: generous tit-for-tat sustains cooperation that tit-for-tat loses to echoes, and takes over the population', () => {
    const r = tournament({ ...base, noise: 0.1 });
    expect(r.table['generous-tit-for-tat']!['generous-tit-for-tat']).toBeGreaterThan(
      r.table['tit-for-tat']!['tit-for-tat']! + 5,
    );
    const share = Object.fromEntries(r.ecology.map((e) => [e.strategy, e.share]));
    expect(share['generous-tit-for-tat']).toBeGreaterThan(share['tit-for-tat']!);
    expect(r.ecology[0]!.strategy).toBe('generous-tit-for-tat');
  });

  it("with the whole field at the command's defaults (noise 0.1, 30 rounds, 30 repetitions, seed 1), generous tit-for-tat ranks above tit-for-tat, and the naive dove ranks last", () => {
    const r = tournament({
      strategies: [...TOURNAMENT_DEFAULT],
      noise: 0.1,
      rounds: 30,
      repetitions: 30,
      seed: 1,
      generations: 200,
    });
    const rank = (id: string): number => r.ranking.findIndex((x) => x.strategy === id);
    expect(rank('generous-tit-for-tat')).toBeLessThan(rank('tit-for-tat'));
    expect(r.ranking.at(-1)!.strategy).toBe('dove');
  });

  it("the objective player is nobody's sucker: against an unconditional defector it stops honouring, unlike the dove", () => {
    const r = tournament({ ...base, strategies: ['objective', 'hawk', 'dove'], noise: 0.1, repetitions: 6 });
    expect(r.table.objective!.hawk).toBeGreaterThan(25);
    expect(r.table.dove!.hawk).toBe(0);
  });
});

describe('regressions', () => {
  it('a mediator is never offered a backchannel between two others as a term, since it cannot see one (an invalid input in an experiment)', () => {
    const s = startGame(world, 'mediator');
    const n = world.actors.length;
    const [u, d] = [
      world.actors.findIndex((a) => a.id === 'USA'),
      world.actors.findIndex((a) => a.id === 'DPRK'),
    ];
    s.backchannel[u * n + d] = s.backchannel[d * n + u] = 1;
    const china = playerView(world, s, 'PRC');
    const terms = promisable(world, china, 'USA', 'DPRK', () => true);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.map((t) => t.action)).not.toContain('backchannel');
    // Its own backchannels it can see, and may still offer where none is open.
    expect(promisable(world, china, 'PRC', 'DPRK', () => true).map((t) => t.action)).toContain('backchannel');
  });
});

describe('rules that narrow offers', () => {
  // Regression: a scenario with `max-steps: 1` passed `qpq check`, but `simulate` stopped on the first offer with
  // "INVALID_OFFER … steps must be a whole number from 1 to 1": the computer players always wrote two steps.
  // Panmunjom has a rules section of its own (its clash chance): the narrowing rules join it.
  const text = readFileSync(join(SCENARIO_DIR, 'panmunjom-2018.yaml'), 'utf8').replace(
    /^rules:\n/m,
    'rules:\n  max-steps: 1\n  max-expiry: 1\n',
  );
  const narrow = loadScenario('one-step.yaml', text, defaultCatalogue()).world;

  it('the scenario under test has one-step, one-round offers and passes the checks', () => {
    expect(narrow.rules.maxSteps).toBe(1);
    expect(narrow.rules.maxExpiry).toBe(1);
  });

  it.each(fast)('%s plays whole games where deals have one step and offers last one round', (id) => {
    const summary = simulate(narrow, { games: 3, seed: 'one-step', fallback: id });
    expect(summary.games).toBe(3);
  });
});
