/**
 * The story holds together: one change of leader per government per round, scripted leader changes only when
 * their premise holds, walk-aways name the leader who really signed, a deal that went on under protest never
 * reads as carried out in full, names keep their capitals, and player-facing text cites articles by title.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, readScenario } from '../../src/cli/files.ts';
import {
  beginRound,
  describeTerms,
  inSentence,
  rngFrom,
  seedState,
  startGame,
} from '../../src/engine/index.ts';
import type { GameState, Rng, World } from '../../src/engine/index.ts';
import { changeLeader, checkSupport } from '../../src/engine/politics.ts';
import { logText } from '../../src/text/index.ts';
import { WORLD, copy, ix, offer, play, signed, term, withRules } from './helpers.ts';
import type { StrategyId } from './helpers.ts';

const TUTORIAL = readScenario('tutorial').world;
const rng = (): Rng => rngFrom(seedState('story'));
/** A fresh game (a copy the test may change). */
const startOf = (world: World): GameState => copy(startGame(world, 'story'));

describe('one change of leader per government per round', () => {
  test('a second change in the same round is ignored, and the next round may change again', () => {
    const s = startOf(WORLD);
    const i = ix('ROK');
    changeLeader(WORLD, s, i, 'First newcomer', 50, { cause: 'collapse' }, rng());
    changeLeader(WORLD, s, i, 'Second newcomer', 50, { cause: 'event' }, rng());
    expect(s.actors[i]!.leader.name).toBe('First newcomer');
    expect(s.log.filter((e) => e.kind === 'leader' && e.actor === 'ROK')).toHaveLength(1);
    s.round++;
    changeLeader(WORLD, s, i, 'Second newcomer', 50, { cause: 'event' }, rng());
    expect(s.actors[i]!.leader.name).toBe('Second newcomer');
  });

  test('a leader who took office this round does not fall the same round for want of support', () => {
    const s = startOf(WORLD);
    const i = ix('ROK');
    changeLeader(WORLD, s, i, 'Newcomer', 50, { cause: 'event' }, rng());
    s.actors[i]!.support = 1;
    checkSupport(WORLD, s, i, rng());
    expect(s.actors[i]!.leader.name).toBe('Newcomer');
  });

  test('in random games no government changes leader twice in a round', () => {
    for (const world of [TUTORIAL, WORLD, readScenario('present-day').world])
      for (const seats of ['random', 'reciprocal'] as StrategyId[])
        for (let k = 0; k < 8; k++) {
          const { final } = play(world, `leaders-${k}`, seats);
          const seen = new Set<string>();
          for (const e of final.log) {
            if (e.kind !== 'leader') continue;
            const key = `${e.round}/${e.actor}`;
            expect(seen.has(key), `${world.id} ${e.round} ${e.actor}`).toBe(false);
            seen.add(key);
          }
        }
  });
});

describe('a scripted change of leader needs its premise', () => {
  test("the tutorial's impeachment of President Park does not fire once Moon Jae-in has replaced her", () => {
    const s = startOf(TUTORIAL);
    const i = ix('ROK', TUTORIAL);
    s.round = 5;
    changeLeader(TUTORIAL, s, i, 'Moon Jae-in', 80, { cause: 'collapse' }, rng());
    s.round = 6;
    s.phase = 'events';
    const after = beginRound(TUTORIAL, s);
    expect(after.actors[i]!.leader.name).toBe('Moon Jae-in');
    expect(after.log.some((e) => e.kind === 'event' && e.ref === 'park-impeached')).toBe(false);
  });

  test('with Park still in office it fires as in history', () => {
    const s = startOf(TUTORIAL);
    s.round = 6;
    s.phase = 'events';
    const after = beginRound(TUTORIAL, s);
    expect(after.actors[ix('ROK', TUTORIAL)]!.leader.name).toBe('Hwang Kyo-ahn (acting)');
  });
});

test('a new leader walking away from a deal names the leader who signed it, not the one just replaced', () => {
  const world = withRules(WORLD, { walkAwayPerStance: 1 });
  const { s, id } = signed(
    world,
    offer([term('DPRK', 'family-reunions', 'ROK'), term('ROK', 'humanitarian-aid', 'DPRK')], 'none', 3),
    'ROK',
  );
  const signer = s.agreements.find((g) => g.id === id)!.signers['ROK']!;
  const i = ix('ROK');
  changeLeader(world, s, i, 'A dove', 100, { cause: 'event' }, rng()); // more dovish: keeps the deal
  expect(s.agreements.find((g) => g.id === id)!.status).toBe('active');
  s.round++;
  changeLeader(world, s, i, 'A hawk', 0, { cause: 'event' }, rng());
  const walk = s.log.find((e) => e.kind === 'walked-away');
  expect(walk?.kind === 'walked-away' && walk.signer).toBe(signer);
  expect(logText(walk!, { world, me: 'USA' })).toContain(signer);
  expect(logText(walk!, { world, me: 'USA' })).not.toContain('A dove');
});

describe('what a finished deal is said to be', () => {
  test('no deal is ever reported carried out in full, and a completed deal with disputed steps says so', () => {
    for (const seats of ['random', 'reciprocal'] as StrategyId[])
      for (let k = 0; k < 6; k++) {
        const { final } = play(WORLD, `ends-${k}`, seats);
        for (const e of final.log)
          expect(logText(e, { world: WORLD, me: 'ROK' })).not.toMatch(/carried out in full/);
        for (const g of final.agreements.filter((x) => x.status === 'completed')) {
          const end = final.log.find((e) => e.kind === 'completed' && e.ref === g.id)!;
          expect(end.kind === 'completed' && end.disputed === true).toBe(g.record.some((r) => r.disputed));
          expect(logText(end, { world: WORLD, me: 'ROK' }).includes('disputed')).toBe(
            g.record.some((r) => r.disputed),
          );
        }
      }
  });
});

describe('names in sentences', () => {
  test.each([
    ['Appeal to the UN', 'appeal to the UN'],
    ['Ship munitions to Russia', 'ship munitions to Russia'],
    ['THAAD for the South', 'THAAD for the South'],
    ['Humanitarian aid', 'humanitarian aid'],
  ])('%s reads as "%s" inside a sentence', (name, want) => expect(inSentence(name)).toBe(want));

  test('terms of a deal keep the capitals of proper nouns', () => {
    expect(describeTerms(WORLD, [{ by: 'USA', action: 'appeal-to-un' }])).not.toMatch(/\bun\b/);
    for (const a of WORLD.actions) {
      const text = describeTerms(WORLD, [{ by: 'USA', action: a.id }]);
      for (const word of a.name.split(/\s+/).slice(1)) if (/^[A-Z]/.test(word)) expect(text).toContain(word);
    }
  });
});

test('scenarios and the catalogue cite the source articles by title, never by file name', () => {
  const dir = join(ROOT, 'scenarios');
  const files = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(dir, f)),
    ...readdirSync(join(dir, 'catalogue')).map((f) => join(dir, 'catalogue', f)),
  ];
  expect(files.length).toBeGreaterThan(5);
  for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/seed \d{3}|\d{3}_[0-9a-f]{16}/);
});
