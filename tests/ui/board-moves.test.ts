/**
 * The board's animations come from the player's view only: each move points at an entry of that
 * government's log, names only known governments, and reveals only what this government saw.
 */
import { describe, expect, it } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import { closePhaseMut, collectMut, playerView, startGame, waitingPhase } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/index.ts';
import { movesOf } from '../../src/ui/board/model.ts';
import { beatsOf } from '../../src/ui/board/play.ts';
import { logTexts } from '../../src/text/index.ts';

const { world } = readScenario('panmunjom-2018');

function playRounds(seed: string, rounds: number): GameState {
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('objective')]));
  const choose = computerChooser(world, seed, seats);
  const s = startGame(world, seed);
  for (let p = waitingPhase(s); p && s.round <= rounds; p = waitingPhase(s)) {
    for (const a of world.actors) collectMut(world, s, a.id, choose(s, a.id, p));
    closePhaseMut(world, s);
  }
  return s;
}

describe('moves on the board', () => {
  const s = playRounds('board-moves', 4);
  const ids = new Set(world.actors.map((a) => a.id));

  it.each(world.actors.map((a) => a.id))('for %s, come only from its own log', (me) => {
    const view = playerView(world, s, me);
    const moves = movesOf(view, 1, world);
    const texts = logTexts(view.log, { world, me });
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      const entry = view.log[m.index]!;
      expect(texts[m.index]).toBe(m.text); // the log's own line (a repeated event named, not told again)
      expect(entry.round).toBe(m.round);
      if (m.from !== undefined) expect(ids.has(m.from)).toBe(true);
      for (const t of m.to) expect(ids.has(t)).toBe(true);
      if (m.kind === 'reveal') {
        expect(m.to).toEqual([me]);
        expect(entry.kind).toBe('compliance');
        expect(m.label.startsWith('✗')).toBe(entry.kind === 'compliance' && !entry.kept);
      }
    }
    // What others saw in private is not in this government's moves. (The same fact may be logged more than once:
    // an act seen by its target in one round and unnoticed in another; so entries are told apart by round and
    // content, and facts this government was told itself are not hidden.)
    const key = (e: object): string => JSON.stringify({ ...e, to: undefined });
    const own = new Set(view.log.map(key));
    const hidden = new Set(
      s.log
        .filter((e) => e.to !== null && !e.to.includes(me))
        .map(key)
        .filter((k) => !own.has(k)),
    );
    for (const m of moves) expect(hidden.has(key(view.log[m.index]!))).toBe(false);
  });

  it('keeps only the rounds asked for, in log order', () => {
    const view = playerView(world, s, 'ROK');
    const moves = movesOf(view, view.round - 1, world);
    expect(moves.every((m) => m.round >= view.round - 1)).toBe(true);
    expect(moves.map((m) => m.index)).toEqual([...moves.map((m) => m.index)].sort((a, b) => a - b));
  });

  it('groups moves of one kind into beats of up to six, and plays each card alone', () => {
    const view = playerView(world, s, 'USA');
    const moves = movesOf(view, 1, world);
    const beats = beatsOf(moves);
    expect(beats.flatMap((b) => b.moves)).toEqual(moves);
    for (const b of beats) {
      expect(b.moves.length).toBeLessThanOrEqual(6);
      expect(new Set(b.moves.map((m) => m.kind)).size).toBe(1);
      if (b.moves[0]!.kind === 'card') expect(b.moves).toHaveLength(1);
    }
  });
});
