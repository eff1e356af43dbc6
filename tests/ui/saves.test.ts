/**
 * Saved-game slots (issue 15, "lost saves"): each save has a key of its own, titles are kept as typed in any
 * script, a save under an existing title asks before replacing it, saves of older versions stay loadable, and
 * a full browser storage gets a sentence instead of a raw DOMException. localStorage is a small in-memory fake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index.ts';
import { SAVE_FORMAT, STORAGE_FULL, listSlots, saveSlot, writeSlot } from '../../src/ui/records/saves.ts';
import type { SaveFile } from '../../src/ui/records/saves.ts';
import { MemoryStorage, content, loaded } from './fixtures.ts';

const save = (title: string, seed = 's'): SaveFile => ({
  format: SAVE_FORMAT,
  title,
  savedAt: '2026-01-02T03:04:05.000Z',
  engine: engine.ENGINE_VERSION,
  record: {
    engine: engine.ENGINE_VERSION,
    scenario: { id: loaded.world.id, hash: loaded.world.hash },
    seed,
    seats: Object.fromEntries(loaded.world.actors.map((a) => [a.id, 'objective'])),
    inputs: [],
  },
});

let ls: MemoryStorage;
const g = globalThis as { window?: unknown };
beforeEach(() => {
  ls = new MemoryStorage();
  g.window = { localStorage: ls };
});
afterEach(() => delete g.window);

const never = (): boolean => {
  throw new Error('should not ask');
};

describe('saved-game slots', () => {
  it('lost saves: "Game 1" then "game-1!" are two saves, not one replacing the other', () => {
    expect(writeSlot(save('Game 1', 'a'), never)).toBeNull();
    expect(writeSlot(save('game-1!', 'b'), never)).toBeNull();
    const slots = listSlots(content);
    expect(slots.map((s) => s.name).sort()).toEqual(['Game 1', 'game-1!']);
    expect(new Set(slots.map((s) => s.key)).size).toBe(2);
  });

  it('lost saves: two titles in Korean, Chinese or Russian are kept apart and as typed', () => {
    const titles = ['첫 번째 게임', '두 번째 게임', '第一局', '第二局', 'Первая игра', 'Вторая игра'];
    for (const t of titles) expect(writeSlot(save(t), never)).toBeNull();
    const slots = listSlots(content);
    expect(slots.map((s) => s.name).sort()).toEqual([...titles].sort());
    expect(slots.every((s) => s.problem === null)).toBe(true);
  });

  it('asks before replacing a save with the same title; no keeps both the old save and nothing new', () => {
    expect(writeSlot(save('Class A', 'first'), never)).toBeNull();
    let asked = '';
    const no = (t: string): boolean => ((asked = t), false);
    const r = saveSlot(save('  Class A ', 'second'), no);
    expect(asked).toBe('Class A');
    expect(r).toMatchObject({ ok: false, cancelled: true });
    expect(listSlots(content).map((s) => s.save?.record.seed)).toEqual(['first']);
    const yes = saveSlot(save('Class A', 'third'), () => true);
    expect(yes).toMatchObject({ ok: true, replaced: true });
    expect(listSlots(content).map((s) => s.save?.record.seed)).toEqual(['third']);
  });

  it('saves of an older version (keyed by a title slug) stay listed, load, and are replaced in place', () => {
    ls.setItem('qpq.save.class-a', JSON.stringify(save('Class A', 'old')));
    ls.setItem('qpq.save.game', JSON.stringify(save('게임', 'old-ko')));
    const before = listSlots(content);
    expect(before.map((s) => [s.key, s.name, s.problem])).toEqual(
      expect.arrayContaining([
        ['qpq.save.class-a', 'Class A', null],
        ['qpq.save.game', '게임', null],
      ]),
    );
    // Listing never writes.
    expect(ls.items.size).toBe(2);
    expect(writeSlot(save('Class A', 'new'), () => true)).toBeNull();
    expect(JSON.parse(ls.getItem('qpq.save.class-a')!).record.seed).toBe('new');
    expect(writeSlot(save('게임 2'), never)).toBeNull();
    expect(ls.items.size).toBe(3);
  });

  it('a full browser storage gives a clear message, not a raw DOMException', () => {
    ls.quota = 100;
    const problem = writeSlot(save('Too big'), never);
    expect(problem).toBe(STORAGE_FULL);
    expect(problem).not.toMatch(/DOMException|setItem|quota/i);
    expect(ls.items.size).toBe(0);
  });
});
