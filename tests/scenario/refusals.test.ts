/**
 * Refusals (`relations › refusals` in a scenario, `World.refusals` in the engine): a government that signs nothing
 * with another for the whole game. The present day has one: since January 2024 the North deals with the South on
 * nothing ("two hostile states"). Before, the hard players' North and South held summits and opened hotlines in most
 * games, and a new peace process ended two games in three.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { simulate } from '../../src/ai/simulate.ts';
import { checkInput, pairIndex, playerView, seatOptions, startGame } from '../../src/engine/index.ts';
import type { GameState, World } from '../../src/engine/index.ts';
import { checkScenario } from '../../src/scenario/index.ts';
import { boardModel } from '../../src/ui/board/model.ts';
import { relationLines } from '../../src/ui/board/hotspots.ts';
import { boardDescription } from '../../src/ui/play/panels.ts';
import { WORLD, ix, offer, proposing, term } from '../engine/helpers.ts';
import { SCENARIO_DIR, defaultCatalogue } from './helpers.ts';

const present = readScenario('present-day');
const REFUSED = 'North Korea signs nothing with South Korea in this world';

/** Panmunjom's world, where the Koreas talk, with a refusal added (or the present day's taken away). */
const refusing: World = { ...WORLD, refusals: [['DPRK', 'ROK']] };

/**
 * The start of `world`, with a hotline open between the Koreas and each trusting the other well past contact, as
 * the US trusts both.
 */
function openedUp(world: World): GameState {
  const s = startGame(world, 'refusals');
  const n = world.actors.length;
  for (const [a, b] of [
    ['DPRK', 'ROK'],
    ['ROK', 'DPRK'],
    ['USA', 'DPRK'],
    ['USA', 'ROK'],
  ] as const) {
    s.hotline[pairIndex(n, ix(a, world), ix(b, world))] = 1;
    s.trust[pairIndex(n, ix(a, world), ix(b, world))] = 80;
  }
  return s;
}

const southOffers = proposing([
  offer([term('ROK', 'humanitarian-aid', 'DPRK'), term('DPRK', 'summit', 'ROK')]),
]);

describe('the scenario field', () => {
  it('is read from the present day: the North refuses the South', () => {
    expect(present.world.refusals).toEqual([['DPRK', 'ROK']]);
    expect(readScenario('panmunjom-2018').world.refusals).toBeUndefined();
  });

  it('reports a refusal of oneself and of an unknown government where they are written', () => {
    const file = join(SCENARIO_DIR, 'present-day.yaml');
    const text = readFileSync(file, 'utf8').replace(
      'refusals: [[DPRK, ROK]]',
      'refusals: [[DPRK, DPRK], [DPRK, SKOR]]',
    );
    const { problems } = checkScenario(file, text, defaultCatalogue().file);
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toContain(
      'relations › refusals › #1: a refusal needs two different governments, but both are "DPRK".',
    );
    expect(messages).toContain(
      'relations › refusals › #2 › #2: there is no government "SKOR" in this scenario.',
    );
    // Each with the line it is on.
    const line = text.split('\n').findIndex((l) => l.includes('refusals:')) + 1;
    expect(problems.every((p) => p.line === line)).toBe(true);
  });
});

describe('the engine', () => {
  it('refuses a deal binding both, even with a hotline open and trust both ways, and takes it without the refusal', () => {
    expect(checkInput(WORLD, openedUp(WORLD), 'ROK', southOffers)).toBeNull();
    const no = checkInput(refusing, openedUp(refusing), 'ROK', southOffers);
    expect(no?.code).toBe('NOT_PERMITTED');
    expect(no?.message).toContain(REFUSED);
    // The refused side may not put it either.
    expect(checkInput(refusing, openedUp(refusing), 'DPRK', southOffers)?.message).toContain(REFUSED);
  });

  it('refuses a package or a mediated deal with both among the parties', () => {
    const s = openedUp(refusing);
    s.forum = 3;
    const trio = proposing([
      offer([
        term('USA', 'humanitarian-aid', 'DPRK'),
        term('ROK', 'humanitarian-aid', 'DPRK'),
        term('DPRK', 'missile-moratorium'),
      ]),
    ]);
    expect(checkInput(WORLD, { ...openedUp(WORLD), forum: 3 }, 'USA', trio)).toBeNull();
    expect(checkInput(refusing, s, 'USA', trio)?.message).toContain(REFUSED);
    const brokered = proposing([
      offer([term('ROK', 'humanitarian-aid', 'DPRK'), term('DPRK', 'missile-moratorium')]),
    ]);
    expect(checkInput(refusing, s, 'PRC', brokered)?.message).toContain(REFUSED);
  });

  it('keeps the pair off speaking terms and out of each other’s contacts, whatever the channels', () => {
    const s = openedUp(refusing);
    const south = playerView(refusing, s, 'ROK');
    expect(south.contacts).not.toContain('DPRK');
    expect(playerView(refusing, s, 'DPRK').contacts).not.toContain('ROK');
    expect(south.talking.some(([a, b]) => [a, b].sort().join() === 'DPRK,ROK')).toBe(false);
    expect(seatOptions(refusing, south).contacts).not.toContain('DPRK');
    // The same state without the refusal: the hotline makes them talk.
    expect(playerView(WORLD, s, 'ROK').contacts).toContain('DPRK');
  });

  it('leaves acts on one’s own toward the other possible', () => {
    const s = { ...openedUp(refusing), phase: 'commitment' as const };
    const aid = {
      phase: 'commitment' as const,
      actions: [{ action: 'humanitarian-aid', target: 'DPRK' }],
      decisions: [],
    };
    expect(checkInput(refusing, s, 'ROK', aid)).toBeNull();
  });
});

describe('the players and the board', () => {
  it('no computer player signs a deal binding the Koreas in the present day, and none puts an offer the engine refuses', () => {
    for (const strategy of ['objective', 'objective-easy', 'reciprocal']) {
      let signedByBoth = 0;
      simulate(present.world, {
        games: 6,
        seed: `refusals-${strategy}`,
        fallback: strategy,
        onGame: (_, end) => {
          for (const g of end.agreements)
            if (g.parties.includes('DPRK') && g.parties.includes('ROK')) signedByBoth++;
        },
      });
      expect(signedByBoth, strategy).toBe(0);
    }
  });

  it('tells the South on the map why it cannot make the North an offer', () => {
    const { world, scenario } = present;
    const capitals = Object.fromEntries(Object.entries(scenario.actors).map(([k, a]) => [k, a.capital]));
    const m = boardModel(world, capitals, playerView(world, startGame(world, 'map'), 'ROK'));
    expect(m.refusals).toEqual([
      { id: 'DPRK', text: 'North Korea signs nothing with South Korea in this scenario.' },
    ]);
    expect(relationLines(m, 'DPRK')).toContain(
      'North Korea signs nothing with South Korea in this scenario. No deal can bind you both, even through a mediator.',
    );
    expect(relationLines(m, 'PRC').join(' ')).not.toContain('signs nothing');
  });

  it('puts the refusal in the words a screen reader reads for the map, for every seat', () => {
    const { world } = present;
    const s = startGame(world, 'words');
    for (const me of ['ROK', 'USA'])
      expect(boardDescription(world, playerView(world, s, me))).toContain(
        'North Korea signs nothing with South Korea in this scenario.',
      );
    expect(boardDescription(WORLD, playerView(WORLD, startGame(WORLD, 'words'), 'ROK'))).not.toContain(
      'signs nothing',
    );
  });
});
