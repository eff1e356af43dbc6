/**
 * Crises and clashes: no clash below crisis-at, a chance that grows with tension beyond it, lowered by
 * hotlines and backchannels on the flashpoint pairs; a clash ends the game with the on-clash outcome.
 */
import { describe, expect, test } from 'vitest';
import { channelFactor, pairFactors, react, resolve, seedState, submit } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/index.ts';
import {
  WORLD,
  atCommitment,
  collected,
  commitment,
  copy,
  resolveWith,
  setPair,
  withRules,
} from './helpers.ts';

const r = WORLD.rules;
/** The commitment phase of a fresh game, every seat in with nothing to do, and every channel closed. */
const READY: GameState = (() => {
  const s = collected(WORLD, atCommitment(WORLD, 'crisis'));
  s.hotline = s.hotline.map(() => 0);
  s.backchannel = s.backchannel.map(() => 0);
  return s;
})();
type Open = readonly ['hotline' | 'backchannel', string, string];
const withChannels = (s: GameState, open: readonly Open[]): GameState => {
  const c = copy(s);
  for (const [kind, a, b] of open) setPair(c, kind, a, b, 1, true);
  return c;
};

/** Each flashpoint carries a third of the chance; its own channels lower its third only. */
const F = WORLD.flashpoints.length;
const FACTORS: { name: string; open: Open[]; expected: number }[] = [
  { name: 'no channel on any flashpoint: 1', open: [], expected: 1 },
  {
    name: 'a hotline on DPRK–ROK: the hotline factor on that flashpoint’s share only',
    open: [['hotline', 'DPRK', 'ROK']],
    expected: (r.hotlineFactor + F - 1) / F,
  },
  {
    name: 'a backchannel on DPRK–USA: the backchannel factor on that flashpoint’s share only',
    open: [['backchannel', 'DPRK', 'USA']],
    expected: (r.backchannelFactor + F - 1) / F,
  },
  {
    name: 'a hotline and a backchannel on the same flashpoint multiply',
    open: [
      ['hotline', 'DPRK', 'JPN'],
      ['backchannel', 'DPRK', 'JPN'],
    ],
    expected: (r.hotlineFactor * r.backchannelFactor + F - 1) / F,
  },
  {
    name: 'hotlines on all three flashpoints: the hotline factor (not its cube: each line guards its own pair)',
    open: WORLD.flashpoints.map(([a, b]) => ['hotline', a, b] as Open),
    expected: r.hotlineFactor,
  },
  {
    name: 'channels between governments that are no flashpoint (USA–PRC, ROK–JPN) change nothing',
    open: [
      ['hotline', 'USA', 'PRC'],
      ['backchannel', 'ROK', 'JPN'],
    ],
    expected: 1,
  },
];

describe('channelFactor', () => {
  test('the scenario’s flashpoints are the DPRK’s borders with the ROK, the USA and Japan', () => {
    expect(WORLD.flashpoints.map((p) => [...p].sort().join('-')).sort()).toEqual([
      'DPRK-JPN',
      'DPRK-ROK',
      'DPRK-USA',
    ]);
    expect(r.hotlineFactor).toBeLessThan(1);
    expect(r.backchannelFactor).toBeLessThan(1);
  });
  test.each(FACTORS)('$name', ({ open, expected }) => {
    expect(channelFactor(WORLD, withChannels(READY, open))).toBeCloseTo(expected, 12);
  });
  test('a hotline acts on its own pair’s flashpoint: a US–DPRK line leaves the DPRK–Japan and DPRK–ROK chances as they were', () => {
    const at = (a: string, b: string): number =>
      WORLD.flashpoints.findIndex(([x, y]) => (x === a && y === b) || (x === b && y === a));
    const none = pairFactors(WORLD, READY);
    const line = pairFactors(WORLD, withChannels(READY, [['hotline', 'USA', 'DPRK']]));
    expect(line[at('DPRK', 'USA')]).toBeCloseTo(r.hotlineFactor * none[at('DPRK', 'USA')]!, 12);
    expect(line[at('DPRK', 'JPN')]).toBe(none[at('DPRK', 'JPN')]);
    expect(line[at('DPRK', 'ROK')]).toBe(none[at('DPRK', 'ROK')]);
  });
});

/** The share of seeded resolutions at this tension (and these channels) that end in a clash. */
function clashRate(tension: number, open: readonly Open[], n: number): number {
  const s = withChannels({ ...READY, tension }, open);
  let clashes = 0;
  for (let k = 0; k < n; k++)
    if (resolve(WORLD, { ...s, rng: seedState(`clash-${tension}-${open.length}-${k}`) }).end) clashes++;
  return clashes / n;
}

/** The chance of a clash in one resolution, as the rules define it. */
const clashChance = (tension: number, factor: number): number =>
  tension < r.crisisAt ? 0 : r.clashChance * ((tension - r.crisisAt) / (100 - r.crisisAt)) ** 2 * factor;

describe('clashes', () => {
  test.each([
    { name: 'just below crisis-at', tension: r.crisisAt - 1 },
    { name: 'exactly at crisis-at', tension: r.crisisAt },
  ])('no clash ever happens $name', ({ tension }) => {
    expect(clashRate(tension, [], 300)).toBe(0);
  });

  const ALL_HOTLINES = WORLD.flashpoints.map(([a, b]) => ['hotline', a, b] as Open);
  test.each([
    { name: 'at tension 100 with no channels: the full clash chance', tension: 100, open: [] as Open[] },
    {
      name: 'halfway from crisis-at to 100: a quarter of it (the chance grows with the square)',
      tension: (100 + r.crisisAt) / 2,
      open: [] as Open[],
    },
    {
      name: 'at tension 100 with hotlines on every flashpoint: lowered by the channel factor',
      tension: 100,
      open: ALL_HOTLINES,
    },
  ])('clash rate $name', ({ tension, open }) => {
    const N = 600;
    const p = clashChance(tension, channelFactor(WORLD, withChannels(READY, open)));
    expect(p).toBeGreaterThan(0);
    expect(Math.abs(clashRate(tension, open, N) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 0.01);
  });

  test('hotlines on the flashpoints make clashes rarer than none at the same tension', () => {
    expect(clashRate(100, ALL_HOTLINES, 400)).toBeLessThan(clashRate(100, [], 400) * 0.75);
  });

  test('a clash names the flashpoint pair it broke out on, each pair in proportion to its share of the chance', () => {
    // A hotline on DPRK-USA leaves that pair hotlineFactor of the others' share: its clashes become that much rarer.
    const world = withRules(WORLD, { clashChance: 1 }); // every clash chance at its largest: many clashes, quickly
    const s = withChannels({ ...READY, tension: 100 }, [['hotline', 'USA', 'DPRK']]);
    const pairs = new Map<string, number>();
    let clashes = 0;
    for (let k = 0; k < 3000 && clashes < 600; k++) {
      const end = resolve(world, { ...s, rng: seedState(`pair-${k}`) });
      const e = end.log.find((x) => x.kind === 'clash');
      if (!e || e.kind !== 'clash') continue;
      clashes++;
      const named = WORLD.flashpoints.find(([a, b]) => a === e.actor && b === e.target);
      expect(named, `${e.actor}-${e.target} is a flashpoint`).toBeDefined();
      pairs.set(`${e.actor}-${e.target}`, (pairs.get(`${e.actor}-${e.target}`) ?? 0) + 1);
    }
    expect(clashes).toBe(600);
    const share = (k: string): number => (pairs.get(k) ?? 0) / clashes;
    const f = r.hotlineFactor;
    expect(share('DPRK-USA')).toBeCloseTo(f / (2 + f), 1);
    expect(share('DPRK-ROK')).toBeCloseTo(1 / (2 + f), 1);
    expect(share('DPRK-JPN')).toBeCloseTo(1 / (2 + f), 1);
  });

  test('a clash ends the game with the on-clash outcome; the round ends there and later input meets GAME_OVER', () => {
    const hot = { ...READY, tension: 100 };
    let k = 0;
    let resolved = resolve(WORLD, { ...hot, rng: seedState(`end-${k}`) });
    while (!resolved.end && k < 200) resolved = resolve(WORLD, { ...hot, rng: seedState(`end-${++k}`) });
    const clashOutcome = WORLD.outcomes.find((o) => o.onClash)!.id;
    expect(resolved.end).toEqual({ outcome: clashOutcome, reason: 'clash', round: READY.round });
    expect(resolved.log.some((e) => e.kind === 'clash' && e.to === null)).toBe(true);
    const over = react(WORLD, resolved);
    expect(over.phase).toBe('over');
    expect(over.round).toBe(READY.round);
    expect(over.end).toEqual(resolved.end);
    const late = submit(WORLD, over, 'ROK', { phase: 'proposing', offers: [] });
    expect(late.ok ? null : late.rejection.code).toBe('GAME_OVER');
  });

  test('crossing crisis-at is logged as a crisis', () => {
    const s = { ...atCommitment(WORLD, 'crisis'), tension: r.crisisAt - 2 };
    const after = resolveWith(WORLD, s, { DPRK: commitment([{ action: 'missile-test' }]) });
    expect(after.tension).toBeGreaterThanOrEqual(r.crisisAt);
    expect(after.log.filter((e) => e.kind === 'crisis')).toHaveLength(1);
    const calm = resolveWith(WORLD, s);
    expect(calm.log.filter((e) => e.kind === 'crisis')).toHaveLength(0);
  });
});
