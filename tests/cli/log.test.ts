/**
 * `qpq log` replays a game record and prints its log in the screens' words (src/text): a seat sees only its
 * own lines, in the second person; a record that is not one is refused with a sentence.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readScenario } from '../../src/cli/files.ts';
import { GameSession } from '../../src/session/index.ts';

const qpq = (...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/qpq.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('qpq log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qpq-log-'));
  const g = GameSession.start(readScenario('panmunjom-2018'), {
    seed: 'cli-log',
    seats: { USA: { kind: 'human' } },
  });
  expect(g.inject('food-shortage').ok).toBe(true);
  while (!g.over()) g.submit('USA', g.defaultInput('USA'));
  const file = join(dir, 'game.json');
  writeFileSync(file, JSON.stringify({ record: g.record() }));

  it('prints every round with names, the instructor’s inject, and the end', () => {
    const out = qpq('log', file);
    expect(out).toMatch(/^Round 1$/m);
    expect(out).toMatch(/Harvest failure in the North: .* \(set off by the instructor\)/);
    // The end, however the game ends: after its last round, or in a clash.
    expect(out).toMatch(/The game ends after \d+ rounds\.|turns into a military clash\./);
    expect(out).not.toMatch(/\bDPRK\b|undefined/);
  });

  it('with --as shows one government’s lines, its own acts as “You”', () => {
    const all = qpq('log', file).split('\n').length;
    const mine = qpq('log', file, '--as', 'DPRK');
    expect(mine.split('\n').length).toBeLessThan(all);
    expect(mine).toMatch(/ You: /);
  });

  it('refuses a file that is not a record', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    expect(() => qpq('log', bad)).toThrow(/not a game record/);
  });
});
