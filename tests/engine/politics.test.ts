/**
 * Domestic politics: elections on schedule, a new leader's review of inherited deals, the scenario's successors
 * in order, and what too little support does to an elected and to an unelected leader.
 */
import { describe, expect, test } from 'vitest';
import { rngFrom, seedState, submit } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/index.ts';
import { changeLeader, checkSupport, holdElection } from '../../src/engine/politics.ts';
import {
  REUNIONS_FOR_MORATORIUM,
  WORLD,
  commitment,
  copy,
  ix,
  offer,
  pairOf,
  resolveWith,
  signed,
  submitAll,
  withRules,
} from './helpers.ts';

const base = signed(WORLD, offer(REUNIONS_FOR_MORATORIUM, 'inspections', 3), 'ROK', 'politics');
const rng = (k: string | number) => rngFrom(seedState(`politics-${k}`));
const logistic = (support: number): number =>
  1 / (1 + Math.exp(-(support - 50) / WORLD.rules.electionSpread));
/** Elections decided by support alone: above 50 the incumbent always wins, below it always loses. */
const SURE = withRules(WORLD, { electionSpread: 1e-6 });

describe('elections', () => {
  test('the incumbent wins more often with high support, at about the logistic chance of the rules', () => {
    const N = 300;
    const rates = [20, 50, 80].map((support) => {
      let wins = 0;
      for (let k = 0; k < N; k++) {
        const s = copy(base.s);
        s.actors[ix('USA')]!.support = support;
        holdElection(WORLD, s, ix('USA'), rng(`${support}-${k}`));
        if (s.actors[ix('USA')]!.leader.name === WORLD.initial.actors.USA!.leader.name) wins++;
      }
      const p = logistic(support);
      expect(Math.abs(wins / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 0.02);
      return wins / N;
    });
    expect(rates[0]!).toBeLessThan(rates[1]!);
    expect(rates[1]!).toBeLessThan(rates[2]!);
  });

  test('a re-elected incumbent keeps office for another term', () => {
    const s = copy(base.s);
    s.actors[ix('USA')]!.support = 90;
    holdElection(SURE, s, ix('USA'), rng('win'));
    expect(s.actors[ix('USA')]!.leader).toMatchObject({
      name: 'Donald Trump',
      termEnds: s.round + WORLD.actors[ix('USA')]!.termRounds,
      since: 0,
    });
    expect(s.log.at(-1)).toMatchObject({ kind: 'election', actor: 'USA' });
  });

  test('the scenario’s successors take office in order, then a generic government with the opposite stance', () => {
    const s = copy(base.s);
    const usa = s.actors[ix('USA')]!;
    const def = WORLD.actors[ix('USA')]!;
    usa.support = 10;
    holdElection(SURE, s, ix('USA'), rng('lose-1'));
    expect(def.successors.length).toBe(1);
    const first = s.actors[ix('USA')]!;
    expect(first.leader).toMatchObject({
      name: def.successors[0]!.name,
      stance: def.successors[0]!.stance,
      since: s.round,
      termEnds: s.round + def.termRounds,
    });
    expect(first.successorsUsed).toBe(1);
    expect(first.support).toBe(WORLD.rules.honeymoonSupport);
    first.support = 10;
    s.round++; // one change of leader a round at most
    holdElection(SURE, s, ix('USA'), rng('lose-2'));
    expect(s.actors[ix('USA')]!.leader).toMatchObject({
      name: `New government of ${def.name}`,
      stance: 100 - def.successors[0]!.stance,
    });
    expect(s.actors[ix('USA')]!.successorsUsed).toBe(1);
  });

  test('an election falls due at the start of the round its term ends', () => {
    const s = copy(base.s);
    s.actors[ix('USA')]!.leader.termEnds = 2;
    const r2 = submitAll(WORLD, s);
    expect(r2.round).toBe(2);
    expect(r2.log.filter((e) => e.kind === 'election').map((e) => [e.round, e.actor])).toEqual([[2, 'USA']]);
    expect(r2.actors[ix('USA')]!.leader.termEnds).toBeGreaterThan(2);
  });
});

describe('a new leader and the deals of the old', () => {
  const agreementOf = (s: GameState) => s.agreements.find((g) => g.id === base.id)!;

  test('a more hawkish successor walks away at about walk-away-per-stance times the stance drop', () => {
    const N = 300;
    const stance = 25;
    const p = WORLD.rules.walkAwayPerStance * (WORLD.initial.actors.ROK!.leader.stance - stance);
    let walked = 0;
    for (let k = 0; k < N; k++) {
      const s = copy(base.s);
      changeLeader(WORLD, s, ix('ROK'), 'Yoon Suk-yeol', stance, { cause: 'collapse' }, rng(`walk-${k}`));
      if (agreementOf(s).status === 'abandoned') walked++;
    }
    expect(p).toBeGreaterThan(0.3);
    expect(Math.abs(walked / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 0.02);
  });

  test('walking away abandons the deal, raises tension by half a break, and costs the newcomer the other parties’ trust', () => {
    const world = withRules(WORLD, { walkAwayPerStance: 1 });
    const s = copy(base.s);
    changeLeader(world, s, ix('ROK'), 'Yoon Suk-yeol', 25, { cause: 'collapse' }, rng('walk'));
    expect(agreementOf(s)).toMatchObject({ status: 'abandoned', ended: s.round });
    expect(s.tension - base.s.tension).toBeCloseTo(WORLD.rules.tensionOnBreak / 2, 9);
    expect(pairOf(s, 'trust', 'DPRK', 'ROK') - pairOf(base.s, 'trust', 'DPRK', 'ROK')).toBeCloseTo(
      -WORLD.rules.trustBroken,
      9,
    );
    expect(s.log.at(-1)).toMatchObject({
      kind: 'walked-away',
      actor: 'ROK',
      ref: base.id,
      leader: 'Yoon Suk-yeol',
      signer: 'Moon Jae-in',
      to: null,
    });
    expect(agreementOf(s).signers.ROK).toBe('Moon Jae-in');
  });

  test('a successor as dovish as the predecessor, or more, never walks away', () => {
    const world = withRules(WORLD, { walkAwayPerStance: 1 });
    for (const stance of [85, 95]) {
      const s = copy(base.s);
      changeLeader(world, s, ix('ROK'), 'A dove', stance, { cause: 'collapse' }, rng(stance));
      expect(agreementOf(s).status).toBe('active');
    }
  });

  test('a leader change leaves the deals of other governments alone', () => {
    const world = withRules(WORLD, { walkAwayPerStance: 1 });
    const s = copy(base.s);
    changeLeader(world, s, ix('JPN'), 'A hawk', 0, { cause: 'collapse' }, rng('jpn'));
    expect(agreementOf(s).status).toBe('active');
  });

  test('an abandoned deal takes no further steps', () => {
    const world = withRules(WORLD, { walkAwayPerStance: 1 });
    const s = copy(base.s);
    changeLeader(world, s, ix('ROK'), 'Yoon Suk-yeol', 25, { cause: 'collapse' }, rng('walk'));
    const r = submit(world, s, 'ROK', commitment([], [{ agreement: base.id, honour: true }]));
    expect(r.ok ? null : r.rejection.code).toBe('UNKNOWN_AGREEMENT');
    expect(agreementOf(resolveWith(world, s)).record).toEqual([]);
  });
});

describe('low support', () => {
  test('an elected leader under the support floor falls; the first successor takes office with a honeymoon', () => {
    const s = copy(base.s);
    s.actors[ix('JPN')]!.support = WORLD.rules.supportFloor - 5;
    checkSupport(WORLD, s, ix('JPN'), rng('jpn'));
    const jpn = s.actors[ix('JPN')]!;
    expect(jpn.leader.name).toBe(WORLD.actors[ix('JPN')]!.successors[0]!.name);
    expect(jpn.support).toBe(WORLD.rules.honeymoonSupport);
  });

  test('an unelected leader under the support floor stays but turns hardline, and regains some support', () => {
    const s = copy(base.s);
    const before = s.actors[ix('DPRK')]!.leader.stance;
    s.actors[ix('DPRK')]!.support = WORLD.rules.supportFloor - 5;
    checkSupport(WORLD, s, ix('DPRK'), rng('dprk'));
    const dprk = s.actors[ix('DPRK')]!;
    expect(dprk.leader.name).toBe('Kim Jong-un');
    expect(dprk.leader.stance).toBe(before - WORLD.rules.hardlineShift);
    expect(dprk.support).toBe(WORLD.rules.supportFloor - 5 + WORLD.rules.hardlineShift / 2);
  });

  test('a leader at the support floor or above is left alone', () => {
    const s = copy(base.s);
    for (const id of ['JPN', 'DPRK']) s.actors[ix(id)]!.support = WORLD.rules.supportFloor;
    const before = copy(s);
    checkSupport(WORLD, s, ix('JPN'), rng('a'));
    checkSupport(WORLD, s, ix('DPRK'), rng('b'));
    expect(s).toEqual(before);
  });

  test('in play, the reaction phase checks support: the US president falls and the DPRK turns hardline', () => {
    const s = copy(base.s);
    s.actors[ix('USA')]!.support = 2;
    s.actors[ix('DPRK')]!.support = 2;
    const next = submitAll(WORLD, s);
    expect(next.actors[ix('USA')]!.leader.name).toBe('Joe Biden');
    expect(next.actors[ix('DPRK')]!.leader.stance).toBe(
      WORLD.initial.actors.DPRK!.leader.stance - WORLD.rules.hardlineShift,
    );
    expect(next.log.some((e) => e.kind === 'hardline' && e.actor === 'DPRK')).toBe(true);
  });
});
