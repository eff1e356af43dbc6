/**
 * How much weaker the Easy player is than Normal (docs/computer-players.md, "Easy"): for each seat, a game with
 * Normal in every seat against the same game seed with Easy in that seat alone; prints Normal's score minus Easy's in
 * the seat, mean and 95 % interval over the seats × seeds pairs (the measure of tests/ai/easy.test.ts):
 *
 *   node --import tsx scripts/easy-weaker.ts <scenario> [first seed index, 0] [seeds, 20]
 */
import { DIFFICULTIES, strategyById } from '../src/ai/index.ts';
import { meanInterval, seatGaps } from '../src/ai/strength.ts';
import { readScenario } from '../src/cli/files.ts';

const [id, from = '0', n = '20'] = process.argv.slice(2);
if (!id || !/^\d+$/.test(from) || !/^[1-9]\d*$/.test(n)) {
  process.stderr.write('usage: easy-weaker.ts <scenario> [first seed index, 0] [seeds, 20]\n');
  process.exit(2);
}
const { world } = readScenario(id);
const seeds = Array.from({ length: Number(n) }, (_, i) => `easy-${i + Number(from)}`);
const easy = strategyById(DIFFICULTIES.easy.strategy);
const normal = strategyById(DIFFICULTIES.normal.strategy);
const { mean, half } = meanInterval(seatGaps(world, seeds, normal, easy));
process.stdout.write(
  `${id}, seeds easy-${from} to easy-${Number(from) + Number(n) - 1}: Normal − Easy = ${mean.toFixed(2)} ± ${half.toFixed(2)} points in the seat\n`,
);
