/**
 * Hashes seeded games' full end states (log, history, agreements, trust, numbers, result) per scenario and
 * strategy, so that a change meant to leave games alone (an optimisation) can be checked to do so:
 *
 *   node --import tsx scripts/same-games.ts > /tmp/before.txt   # on the code before the change
 *   node --import tsx scripts/same-games.ts > /tmp/after.txt    # after it
 *   diff <(awk '{print $1,$2,$3,$4}' /tmp/before.txt) <(awk '{print $1,$2,$3,$4}' /tmp/after.txt)   # not the times
 *
 * Each line is a scenario, a strategy in every seat, the number of games, and the hash of their end states; the last
 * line hashes them all. QPQ_GAMES sets the Normal games per scenario (default 40).
 */
import { createHash } from 'node:crypto';
import { playGames } from '../src/ai/simulate.ts';
import { readScenario } from '../src/cli/files.ts';

const SCENARIOS = [
  'tutorial',
  'missile-crisis-2017',
  'panmunjom-2018',
  'hanoi-2019',
  'six-party-talks',
  'present-day',
];
/** Normal (objective), Easy, hard (the planner: slow, so few) and the reciprocal batch players. */
const PLAN: [string, number][] = [
  ['objective', Number(process.env.QPQ_GAMES ?? 40)],
  ['objective-easy', 12],
  ['planner', 2],
  ['reciprocal', 10],
];

const all = createHash('sha256');
for (const id of SCENARIOS) {
  const { world } = readScenario(id);
  for (const [strategy, games] of PLAN) {
    const h = createHash('sha256');
    const t = performance.now();
    playGames(world, { seed: 7, fallback: strategy }, 0, games, (i, r, end) => {
      const { log, history, agreements, trust, actors } = end;
      h.update(JSON.stringify({ i, r, log, history, agreements, trust, actors }));
    });
    const d = h.digest('hex').slice(0, 16);
    all.update(d);
    process.stdout.write(
      `${id.padEnd(22)} ${strategy.padEnd(15)} ${String(games).padStart(3)} ${d} ${Math.round(performance.now() - t)} ms\n`,
    );
  }
}
process.stdout.write(`ALL ${all.digest('hex').slice(0, 16)}\n`);
