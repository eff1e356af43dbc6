/**
 * A game the instructor stops before its last round is seen as a finished game is: each seat's view gets the
 * outcome as things stand and every government's score, and its log reveals what was hidden from it, as the
 * end screen tells the student it does.
 */
import { expect, test } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { ClassroomGame } from '../../src/server/game.ts';

test('a stopped game reveals every seat everything, with the outcome and scores as they stand', () => {
  const g = ClassroomGame.start(readScenario('panmunjom-2018'), {
    seed: 'stopped',
    seats: { ROK: { kind: 'human' } },
  });
  while (g.round() <= 4) {
    const r = g.submit('ROK', g.defaultInput('ROK'));
    expect(r.ok).toBe(true);
  }
  const live = g.view('ROK');
  expect(live.end).toBeNull();
  const hiddenFromRok = (e: (typeof live.log)[number]): boolean => e.to !== null && !e.to.includes('ROK');
  expect(live.log.some(hiddenFromRok)).toBe(false);
  const stopped = g.stoppedView('ROK');
  expect(stopped.end).toMatchObject({ reason: 'rounds', round: g.round() });
  expect(Object.keys(stopped.scores ?? {})).toEqual(g.actors);
  expect(stopped.myInput).toBeNull();
  // What the others saw and did out of South Korea's sight is in its log now.
  expect(stopped.log.some(hiddenFromRok)).toBe(true);
  expect(stopped.log.length).toBeGreaterThan(live.log.length);
  // Plain data: the view survives JSON as it is.
  expect(JSON.parse(JSON.stringify(stopped))).toEqual(stopped);
});
