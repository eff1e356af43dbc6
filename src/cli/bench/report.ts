/**
 * The benchmark figures as Markdown, for BENCHMARKS.md: the figures, the goals of issue 6 with met or not met,
 * and the instructor's wait. `qpq bench --from bench.json --update BENCHMARKS.md` rewrites the parts between
 * the document's `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` markers, so the prose stays as written.
 */
import type { BenchFigures, DifficultyFigures } from './measure.ts';

const n = (x: number): string => x.toLocaleString('en');
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
/** A wait as a person reads it: seconds, minutes and seconds under ten minutes (a goal may sit at 60 s), then minutes. */
export const duration = (s: number): string => {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 600) {
    const whole = Math.round(s);
    return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  }
  return s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
};

const table = (head: string[], rows: string[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export function figuresTable(f: BenchFigures): string {
  return table(
    ['Figure', 'Value', 'JSON field'],
    [
      [
        'Rounds/s, pure step functions (`runGame` over recorded inputs)',
        n(f.pureRoundsPerSec),
        '`pureRoundsPerSec`',
      ],
      [
        'Rounds/s through the xstate machine (same records)',
        `${n(f.machineRoundsPerSec)} (${pct(f.machineShareOfPure)} of pure)`,
        '`machineRoundsPerSec`, `machineShareOfPure`',
      ],
      // Figures of runs from before the session layer have no session rows.
      ...(f.sessionInputs === undefined
        ? []
        : [
            [
              'µs per input through `GameSession`, six people entering recorded inputs (p50 / p95)',
              `${f.sessionInputP50Us} / ${f.sessionInputP95Us} (${n(f.sessionInputs)} inputs)`,
              '`sessionInputP50Us`, `sessionInputP95Us`',
            ],
            [
              'Ms per click of one person against computer seats, their choices included (p50 / p95)',
              `${f.sessionClickP50Ms} / ${f.sessionClickP95Ms} (${n(f.sessionClicks)} clicks)`,
              '`sessionClickP50Ms`, `sessionClickP95Ms`',
            ],
          ]),
      [
        `Whole computer-only games/s, ${f.scenario}, reciprocal players`,
        `${f.gamesPerSec} (${f.roundsPerGame} rounds each)`,
        '`gamesPerSec`, `roundsPerGame`',
      ],
      [
        `Batch of ${f.batchRounds}-round games, ${f.batchStrategy} in every seat`,
        `${n(f.batchGamesPerSec)} games/s (${n(f.batchRoundsPerSec)} rounds/s)`,
        '`batchGamesPerSec`, `batchRoundsPerSec`',
      ],
      [
        '… the same inputs through `runGame`',
        `${n(f.batchReplayRoundsPerSec)} rounds/s`,
        '`batchReplayRoundsPerSec`',
      ],
      [
        '… the tight loop (rule functions alone)',
        `${n(f.tightRoundsPerSec)} rounds/s (${n(f.tightGamesPerSec)} games/s)`,
        '`tightRoundsPerSec`, `tightGamesPerSec`',
      ],
      ['… batch as a share of the tight loop', pct(f.batchShareOfTight), '`batchShareOfTight`'],
      ...f.scaling.map((p) => [
        `µs per round with ${p.actors} governments (${f.scalingRounds}-round games)`,
        `${n(p.batchUsPerRound)} whole games; ${n(p.rulesUsPerRound)} rules alone`,
        '`scaling[]`',
      ]),
      [
        'Growth exponent with governments (log-log slope; 2 = quadratic)',
        `${f.scalingExponent} whole games; ${f.scalingRulesExponent} rules alone`,
        '`scalingExponent`, `scalingRulesExponent`',
      ],
      [
        `boardgame.io 0.50 on the same rules and records (${f.peerGames} games)`,
        `${n(f.peerClientRoundsPerSec)} rounds/s client; ${n(f.peerReducerRoundsPerSec)} reducer; ours ${n(f.peerOursRoundsPerSec)}`,
        '`peerClientRoundsPerSec`, `peerReducerRoundsPerSec`, `peerOursRoundsPerSec`',
      ],
      [
        'Ours / boardgame.io (same final state: ' + (f.peerSameFinalState ? 'yes' : '**no**') + ')',
        `${f.peerRatio}× the client; ${f.peerReducerRatio}× the reducer`,
        '`peerRatio`, `peerReducerRatio`',
      ],
      [
        `\`qpq simulate\`, ${f.workersGames} games, wall time`,
        `${f.workers1GamesPerSec} games/s on 1 worker; ${f.workers2GamesPerSec} on 2 (${f.workersSpeedup}×)`,
        '`workers1GamesPerSec`, `workers2GamesPerSec`, `workersSpeedup`',
      ],
      [
        '… once the workers have started',
        `${f.workersPlaySpeedup}× (start-up ${n(f.workersStartupMs)} ms)`,
        '`workersPlaySpeedup`, `workersStartupMs`',
      ],
      [
        '… what the machine allowed: 2 threads of plain arithmetic vs 1',
        `${f.workersCeiling}× (2 on two free cores)`,
        '`workersCeiling`',
      ],
      [
        '… CPU time on 1 worker / on 2 (1 = splitting adds no work)',
        String(f.workersCpuEfficiency),
        '`workersCpuEfficiency`',
      ],
      ['Finished game state, JSON', `${(f.stateBytes / 1024).toFixed(1)} KiB`, '`stateBytes`'],
      ['Game record, JSON', `${(f.recordBytes / 1024).toFixed(1)} KiB`, '`recordBytes`'],
      [
        'Planner decision time, p50 / p95',
        `${f.plannerP50Ms} / ${f.plannerP95Ms} ms (${f.plannerDecisions} decisions)`,
        '`plannerP50Ms`, `plannerP95Ms`',
      ],
      [
        'Wall seconds per CPU second while measuring (1 = idle machine)',
        String(f.wallPerCpuSecond),
        '`wallPerCpuSecond`',
      ],
    ],
  );
}

export function goalsTable(f: BenchFigures): string {
  const met = (ok: boolean): string => (ok ? '**met**' : '**not met**');
  return table(
    ['Goal (issue 6)', 'Measured', 'Result'],
    [
      [
        '≥ 20,000 thirty-round games/s per core, simple strategies',
        `${n(f.batchGamesPerSec)} games/s (${f.batchStrategy})`,
        met(f.batchGamesPerSec >= 20_000),
      ],
      ['Batch ≥ 80 % of the tight loop', pct(f.batchShareOfTight), met(f.batchShareOfTight >= 0.8)],
      [
        '≥ 20× boardgame.io on the same rules',
        `${f.peerRatio}× its client, ${f.peerReducerRatio}× its bare reducer`,
        f.peerRatio >= 20 && f.peerReducerRatio >= 20
          ? met(true)
          : f.peerRatio >= 20
            ? '**met** against the client, **not met** against the bare reducer'
            : met(false),
      ],
      [
        '2 workers ≥ 1.7× one',
        `${f.workersSpeedup}× (${f.workersPlaySpeedup}× once started), ${f.workersGames} games, where the machine allowed ${f.workersCeiling}×`,
        met(f.workersSpeedup >= 1.7) +
          (f.workersSpeedup < 1.7 && f.workersCeiling < 1.7
            ? ` on this machine, which allowed two threads of plain arithmetic only ${f.workersCeiling}×`
            : ''),
      ],
      [
        'Cost growth with governments no worse than quadratic',
        `exponent ${f.scalingExponent} whole games, ${f.scalingRulesExponent} rules alone`,
        met(f.scalingExponent <= 2 && f.scalingRulesExponent <= 2),
      ],
    ],
  );
}

export function waitsTable(f: BenchFigures): string {
  return table(
    ['Scenario', 'Rounds per game', 'Games/s, one thread', '10,000 games, one thread'],
    f.scenarios.map((w) => [
      `\`${w.scenario}\``,
      String(w.roundsPerGame),
      String(w.gamesPerSec),
      duration(w.secondsFor10000),
    ]),
  );
}

/** The Normal difficulty's cost per shipped scenario, and issue 16's goals for it. */
export function normalTable(f: DifficultyFigures): string {
  const met = (ok: boolean): string => (ok ? '**met**' : '**not met**');
  return (
    table(
      [
        'Scenario',
        'Normal games/s, one thread',
        'Tit-for-tat games/s',
        'CPU ms a game, Normal / tit-for-tat',
        'Normal / tit-for-tat cost',
        'Easy CPU ms a game (Easy / Normal cost)',
        '10,000 Normal games, one thread',
        `… with \`--workers auto\` (${f.normalWorkers})`,
      ],
      f.normal.map((c) => [
        `\`${c.scenario}\``,
        String(c.normalGamesPerSec),
        String(c.titForTatGamesPerSec),
        `${c.normalCpuMsPerGame} / ${c.titForTatCpuMsPerGame}`,
        `${c.ratio}×`,
        // A run saved before the easy difficulty was timed (session 7) has no easy figures.
        c.easyCpuMsPerGame === undefined ? 'not measured' : `${c.easyCpuMsPerGame} (${c.easyNormalRatio}×)`,
        duration(c.secondsFor10000),
        duration(c.secondsFor10000Auto),
      ]),
    ) +
    '\n\n' +
    table(
      ['Goal (issue 16)', 'Measured', 'Result'],
      [
        [
          'A Normal game costs at most 3× a tit-for-tat game (same run)',
          `${f.normalCostRatio}× (${f.scenario}); ${Math.max(...f.normal.map((c) => c.ratio))}× at most over the shipped scenarios`,
          met(f.normal.every((c) => c.ratio <= 3)),
        ],
        [
          `10,000 Normal games of ${f.scenario} ≤ 60 s with \`--workers auto\``,
          f.normal10000Measured
            ? `${duration(f.normal10000SecondsAuto)}, measured (${f.normalWorkersGamesPerSec} games/s over 10,000 games on ${f.normalWorkers} workers, start-up included)`
            : f.normalWorkersStartupMs === undefined
              ? `${duration(f.normal10000SecondsAuto)}, projected from ${f.normalWorkersGames} games (${f.normalWorkersGamesPerSec} games/s on ${f.normalWorkers} workers, start-up spread over every game)`
              : f.normalWorkersWarmMs === undefined
                ? `${duration(f.normal10000SecondsAuto)}, projected from ${f.normalWorkersGames} games: ${f.normalWorkers} workers ready in ${f.normalWorkersStartupMs.toLocaleString('en')} ms, then 10,000 games at the rate they played once started (\`--full\` plays them all)`
                : `${duration(f.normal10000SecondsAuto)}, projected from ${f.normalWorkersGames} games: ${f.normalWorkers} workers ready in ${f.normalWorkersStartupMs.toLocaleString('en')} ms, the first half of the batch as played (${f.normalWorkersWarmMs.toLocaleString('en')} ms, V8 still compiling), then the rest of 10,000 games at the second half's rate (\`--full\` plays them all)`,
          met(f.normal10000SecondsAuto <= 60),
        ],
        [
          `${f.normalWorkers} workers ≥ 1.7× one worker on 10,000 Normal games (wall time)`,
          `${f.normalWorkersSpeedup}× ${f.normal10000Measured ? 'measured over 10,000 games' : f.normalOneWorkerStartupMs === undefined ? `over ${f.normalWorkersGames} games` : `projected from ${f.normalWorkersGames} games (${duration(f.normal10000SecondsOne!)} on one worker; ${f.normalWorkersWarmMs === undefined ? 'once started' : "over the batch's second half"}, ${f.normalWorkersPlaySpeedup}× one worker's rate)`} (${f.normalWorkersCpuMsPerGame} CPU ms a game on ${f.normalWorkers} workers, ${f.normalOneWorkerCpuMsPerGame} on one; load average ${f.difficultyLoadAverage.join(' → ')})`,
          met(f.normalWorkersSpeedup >= 1.7),
        ],
        [
          '10,000 Normal games of any shipped scenario ≤ 3 min with `--workers auto`',
          `${duration(Math.max(...f.normal.map((c) => c.secondsFor10000Auto)))} at most (${f.normalWorkersStartupMs === undefined ? 'one-thread rates × the measured gain of the workers' : "the workers' start-up, then one-thread rates × the workers' gain in rate of play"})`,
          met(f.normal.every((c) => c.secondsFor10000Auto <= 180)),
        ],
        f.normal.every((c) => c.easyNormalRatio !== undefined)
          ? [
              'An Easy game costs no more than a Normal game (same run): a weaker player, not a slower one',
              `${Math.max(...f.normal.map((c) => c.easyNormalRatio ?? 0))}× at most over the shipped scenarios`,
              met(f.normal.every((c) => (c.easyNormalRatio ?? 0) <= 1)),
            ]
          : ['An Easy game costs no more than a Normal game (same run)', 'not measured in this run', '—'],
        [
          `A hard game (the planner in every seat) costs at most 10× a Normal game (${f.scenario}, same run)`,
          `${f.hardNormalRatio}× (${f.hardCpuMsPerGame} vs ${f.hardNormalCpuMsPerGame} CPU ms a game, ${f.hardGames} games a run); 2,000 hard games in ${duration(f.hard2000SecondsAuto)} with \`--workers auto\`, projected`,
          met(f.hardNormalRatio <= 10),
        ],
      ],
    )
  );
}

export function jsonBlock(f: BenchFigures): string {
  return '```json\n' + JSON.stringify(f) + '\n```';
}

const PARTS: Record<string, (f: BenchFigures) => string> = {
  figures: figuresTable,
  goals: goalsTable,
  waits: waitsTable,
  normal: normalTable,
  json: jsonBlock,
};

/** Replaces each `<!-- bench:NAME -->...<!-- /bench:NAME -->` part of `doc` with the figures' own. */
export function updateDoc(doc: string, f: BenchFigures): string {
  return updateParts(doc, PARTS, f);
}

/**
 * Puts a `qpq bench --difficulties` run into `doc`: its figures replace the difficulties' in the JSON the document
 * quotes, and every part is rewritten from that JSON, so the tables still show the JSON they quote. A document
 * without a quoted JSON gets only its difficulties' part.
 */
export function updateDifficulties(doc: string, f: DifficultyFigures): string {
  const quoted = /<!-- bench:json -->\s*```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
  if (!quoted) return updateParts(doc, { normal: normalTable }, f);
  return updateDoc(doc, { ...(JSON.parse(quoted) as BenchFigures), ...f });
}

function updateParts<F>(doc: string, parts: Record<string, (f: F) => string>, f: F): string {
  let out = doc;
  for (const [name, make] of Object.entries(parts)) {
    const re = new RegExp(`(<!-- bench:${name} -->)[\\s\\S]*?(<!-- /bench:${name} -->)`);
    if (!re.test(out))
      throw new Error(`The document has no <!-- bench:${name} --> ... <!-- /bench:${name} --> part.`);
    out = out.replace(re, (_, a: string, b: string) => `${a}\n\n${make(f)}\n\n${b}`);
  }
  return out;
}

/** Formats a Markdown document as `npm run format` would (CI checks it), with the project's prettier settings. */
export async function formatMarkdown(file: string, text: string): Promise<string> {
  const prettier = await import('prettier'); // a development dependency, like the benchmark's peer
  return prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
}

/** Every part, one after the other, for `qpq bench --markdown`. */
export const markdown = (f: BenchFigures): string =>
  Object.values(PARTS)
    .map((make) => make(f))
    .join('\n\n');
