/**
 * The long fuzz run: `node --import tsx tests/fuzz/run.ts [--runs N] [--seed S]` fuzzes every surface with N inputs
 * each and prints the audit's table (and the first bad inputs, if any). Exit 1 when anything crashed, was silently
 * wrong or lost data.
 */
import { parseArgs } from 'node:util';
import { fuzzAll, table } from './surfaces.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '200' }, seed: { type: 'string', default: '15' } },
});
const t0 = performance.now();
const tallies = await fuzzAll({ runs: Number(values.runs), seed: Number(values.seed) });
process.stdout.write(table(tallies) + '\n');
process.stdout.write(`\n${((performance.now() - t0) / 1000).toFixed(0)} s, seed ${values.seed}\n`);
let bad = 0;
for (const t of tallies)
  for (const e of t.examples) {
    bad++;
    process.stdout.write(`${t.surface}: ${e}\n`);
  }
process.exit(bad ? 1 : 0);
