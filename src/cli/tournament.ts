/**
 * `qpq tournament [--strategies a,b,...] [--noise P] [--rounds R] [--repetitions K] [--seed S] [--generations G] [--json]`:
 * a round-robin of the computer strategies in the style of Axelrod's tournaments, on the engine's rules.
 */
import { parseArgs } from 'node:util';
import { isStrategy } from '../ai/index.ts';
import { TOURNAMENT_DEFAULT, tournament } from '../ai/tournament.ts';
import { plain } from './terminal.ts';

export function runTournament(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      strategies: { type: 'string', default: TOURNAMENT_DEFAULT.join(',') },
      noise: { type: 'string', default: '0.1' },
      rounds: { type: 'string', default: '30' },
      repetitions: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      generations: { type: 'string', default: '200' },
      json: { type: 'boolean', default: false },
    },
  });
  const strategies = values.strategies
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!strategies.length) {
    process.stderr.write(
      `qpq tournament: --strategies names no strategy ("${plain(values.strategies)}"); give a comma-separated list such as ${TOURNAMENT_DEFAULT.slice(0, 3).join(',')}.\n`,
    );
    return 1;
  }
  const unknown = strategies.filter((s) => !isStrategy(s));
  if (unknown.length) {
    process.stderr.write(
      `qpq tournament: unknown strateg${unknown.length > 1 ? 'ies' : 'y'} ${plain(unknown.join(', '))}; known: ${TOURNAMENT_DEFAULT.join(', ')}.\n`,
    );
    return 1;
  }
  const num = (name: string, v: string, lo: number, hi: number, int: boolean): number | null => {
    // Number("") is 0: an empty value is refused, not read as zero.
    const x = v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(x) || x < lo || x > hi || (int && !Number.isInteger(x))) {
      process.stderr.write(
        `qpq tournament: --${name} must be ${int ? 'a whole number' : 'a number'} from ${lo} to ${hi}, not "${plain(v)}".\n`,
      );
      return null;
    }
    return x;
  };
  const noise = num('noise', values.noise, 0, 0.5, false);
  const rounds = num('rounds', values.rounds, 1, 400, true);
  const repetitions = num('repetitions', values.repetitions, 1, 1000, true);
  const generations = num('generations', values.generations, 0, 10000, true);
  if (noise === null || rounds === null || repetitions === null || generations === null) return 1;
  const r = tournament({ strategies, noise, rounds, repetitions, seed: values.seed, generations });
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ ranking: r.ranking, ecology: r.ecology, table: r.table, options: r.options }) + '\n',
    );
    return 0;
  }
  const lines = [
    `Round-robin tournament: ${strategies.length} strategies, ${rounds} rounds a match, noise ${noise}, ${repetitions} repetitions, seed ${values.seed}`,
    '',
    '  rank  strategy                 mean score   ±95 %',
    ...r.ranking.map(
      (s, i) =>
        `  ${String(i + 1).padStart(4)}  ${s.strategy.padEnd(24)} ${s.meanScore.toFixed(2).padStart(10)}   ${s.ci95.toFixed(2).padStart(5)}`,
    ),
    '',
    `Ecological analysis (population shares after ${generations} generations):`,
    ...r.ecology.map((e) => `  ${e.strategy.padEnd(24)} ${(100 * e.share).toFixed(1).padStart(5)} %`),
    '',
    'Scores are per round on 0..100: 67 is mutual honour, 33 mutual reneging, 100 reneging on one who honours.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
