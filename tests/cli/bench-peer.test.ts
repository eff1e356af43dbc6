/**
 * The benchmark's fixtures: the boardgame.io peer runs our rules to the very same final state, the worlds it
 * measures are what they claim, and the growth exponent is a log-log slope.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { growthExponent } from '../../src/cli/bench/measure.ts';
import type { BenchFigures } from '../../src/cli/bench/measure.ts';
import { runThroughPeer } from '../../src/cli/bench/peer.ts';
import { formatMarkdown, updateDoc } from '../../src/cli/bench/report.ts';
import { fixedLength, scenarioWithActors } from '../../src/cli/bench/worlds.ts';
import { ROOT, SCENARIO_DIR, readScenario } from '../../src/cli/files.ts';
import { hashValue, runGame, startGame } from '../../src/engine/index.ts';
import type { RecordedInput, World } from '../../src/engine/index.ts';

function recorded(world: World, seed: string, strategy = 'reciprocal') {
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById(strategy)]));
  const inputs: RecordedInput[] = [];
  const end = runGame(world, startGame(world, seed), computerChooser(world, seed, seats), (r) =>
    inputs.push(r),
  );
  return { end, inputs };
}

describe('the boardgame.io peer', () => {
  const world = readScenario('tutorial').world;
  const { end, inputs } = recorded(world, 'peer-1');

  it('reaches the same final state as the engine, through its client and through its reducer', () => {
    expect(inputs.length).toBeGreaterThan(0);
    expect(hashValue(runThroughPeer(world, 'peer-1', inputs, 'client'))).toBe(hashValue(end));
    expect(hashValue(runThroughPeer(world, 'peer-1', inputs, 'reducer'))).toBe(hashValue(end));
  });

  it('refuses an input the rules reject, as the engine does', () => {
    const bad = inputs.map((r, k) =>
      k === 0 ? { ...r, input: { phase: 'proposing' as const, offers: [{ nonsense: true }] } } : r,
    ) as RecordedInput[];
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // boardgame.io logs the refusal
    expect(() => runThroughPeer(world, 'peer-1', bad, 'reducer')).toThrow(/refused/);
    quiet.mockRestore();
  });
});

describe('the benchmark worlds', () => {
  it('a fixed-length world lasts its rounds, with no clash ending', () => {
    const w = fixedLength(readScenario('missile-crisis-2017').world, 30);
    expect(w.rounds).toBe(30);
    expect(w.rules.clashChance).toBe(0);
    expect(recorded(w, 'x', 'tit-for-tat').end.end!.round).toBe(30);
  });

  it('a generated scenario has the governments asked for, and loads through the scenario loader', () => {
    const { world, text } = scenarioWithActors(`${SCENARIO_DIR}/panmunjom-2018.yaml`, 12);
    expect(world.actors.map((a) => a.id)).toEqual([
      ...['DPRK', 'ROK', 'USA', 'PRC', 'RUS', 'JPN'],
      ...['X7', 'X8', 'X9', 'X10', 'X11', 'X12'],
    ]);
    expect(text).toContain('X12:');
    expect(recorded(fixedLength(world, 2), 'y', 'tit-for-tat').end.end!.round).toBe(2);
  });
});

describe('growthExponent', () => {
  it('is the slope of log cost on log size', () => {
    expect(growthExponent([6, 12, 24], [36, 144, 576])).toBeCloseTo(2, 10);
    expect(growthExponent([6, 12, 24], [5, 10, 20])).toBeCloseTo(1, 10);
    expect(growthExponent([1, 2, 4], [3, 3, 3])).toBeCloseTo(0, 10);
  });
});

describe('BENCHMARKS.md', () => {
  const file = join(ROOT, 'BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const quoted = (): BenchFigures =>
    JSON.parse(/<!-- bench:json -->\s*```json\n([\s\S]*?)\n```/.exec(doc)![1]!) as BenchFigures;

  it('shows the figures of the JSON it quotes: its tables are what `qpq bench --update` writes from it', async () => {
    expect(await formatMarkdown(file, updateDoc(doc, quoted()))).toBe(doc);
  });

  it('an update rewrites only the marked parts, and names a missing one', () => {
    const f = quoted();
    const changed = updateDoc(doc, { ...f, peerRatio: 12345 });
    expect(changed).toContain('12345× the client');
    expect(changed.replace(/<!-- bench:(\w+) -->[\s\S]*?<!-- \/bench:\1 -->/g, '')).toBe(
      doc.replace(/<!-- bench:(\w+) -->[\s\S]*?<!-- \/bench:\1 -->/g, ''),
    );
    expect(() => updateDoc('no markers here', f)).toThrow(/bench:figures/);
  });
});
