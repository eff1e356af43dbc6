/**
 * What a scenario's calibration rests on: for each shipped scenario, the governments' most frequent two-party deals
 * outside its flashpoint pairs (China and Russia summiting, Seoul and Moscow, ...), and how the historical outcome's
 * share, the most frequent outcome and the final tension move when each of those pairs is kept from dealing (a
 * refusal, `World.refusals`, added for the run only). A cell that meets the goals only through deals the record does
 * not show is fragile, and the table says which:
 *
 *   node --import tsx scripts/calibration-audit.ts [strategy] [games] [scenario ...]
 *
 * Defaults: the Normal players (`objective`), 300 games a run (seed 1), every scenario in `scenarios/` (a new one is
 * audited as soon as it is there). Investigation only:
 * nothing here changes a scenario.
 */
import { readdirSync } from 'node:fs';
import { playGames } from '../src/ai/simulate.ts';
import { SCENARIO_DIR, readScenario } from '../src/cli/files.ts';
import type { World } from '../src/engine/index.ts';

const [strategy = 'objective', gamesArg = '300', ...only] = process.argv.slice(2);
const games = Number(gamesArg);
if (!Number.isInteger(games) || games < 1) {
  process.stderr.write(`games must be a whole number of at least 1, not "${gamesArg}".\n`);
  process.exit(2);
}
const SCENARIOS = only.length
  ? only
  : readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => f.slice(0, -'.yaml'.length));

const pairKey = (a: string, b: string): string => [a, b].sort().join('–');

interface Run {
  historical: number;
  top: string;
  tension: number;
  /** Two-party agreements a game, by pair. */
  pairs: Map<string, number>;
}

function run(world: World): Run {
  let historical = 0;
  let tension = 0;
  const outcomes = new Map<string, number>();
  const pairs = new Map<string, number>();
  playGames(world, { seed: 1, fallback: strategy }, 0, games, (_, r, end) => {
    tension += end.tension;
    if (r.outcome === world.historical) historical++;
    outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    for (const g of end.agreements)
      if (g.parties.length === 2) {
        const k = pairKey(g.parties[0]!, g.parties[1]!);
        pairs.set(k, (pairs.get(k) ?? 0) + 1 / games);
      }
  });
  const [topId, topN] = [...outcomes].sort((x, y) => y[1] - x[1])[0]!;
  return {
    historical: historical / games,
    top: `${topId} ${pct(topN / games)}`,
    tension: tension / games,
    pairs,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

for (const id of SCENARIOS) {
  const { world } = readScenario(id);
  const flash = new Set(world.flashpoints.map(([a, b]) => pairKey(a, b)));
  const base = run(world);
  const frequent = [...base.pairs]
    .filter(([k]) => !flash.has(k))
    .sort((x, y) => y[1] - x[1])
    .slice(0, 2);
  process.stdout.write(
    `${id} (${strategy}, ${games} games): ${world.historical} ${pct(base.historical)}, most frequent ${base.top}, ` +
      `tension ${base.tension.toFixed(1)}; deals a game outside the flashpoints: ${frequent
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')}\n`,
  );
  for (const [k] of frequent) {
    const [a, b] = k.split('–') as [string, string];
    const r = run({ ...world, refusals: [...(world.refusals ?? []), [a, b]] });
    process.stdout.write(
      `  without ${k} deals: ${world.historical} ${pct(r.historical)}, most frequent ${r.top}, tension ${r.tension.toFixed(1)}\n`,
    );
  }
}
