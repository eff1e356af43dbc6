#!/usr/bin/env node
/**
 * `qpq`: the command line. check, simulate, tournament, experiment, bench, schema, log. See README and docs/design.md for the contract.
 */
import { runBench } from './bench.ts';
import { runCheck } from './check.ts';
import { runInit } from './init.ts';
import { runExperimentCommand } from './experiment.ts';
import { runLog } from './log.ts';
import { runSchema } from './schema.ts';
import { runSimulate } from './simulate.ts';
import { plain, watchParent } from './terminal.ts';
import { runTournament } from './tournament.ts';

const HELP = `qpq — Quid Pro Quo on the command line

Commands:
  check [--strict] <files...>            validate scenario files; one "path:line:column: message" per problem,
                                         "path:line:column: warning: message" per warning (--strict: warnings fail)
  simulate <scenario> --games N --seed S [--json] [--strategy ID] [--seat ACTOR=ID ...]
                                         N seeded computer-only games, summarised (Normal's players
                                         unless --strategy or the scenario names one)
  tournament [--strategies a,b] [--noise P] [--rounds R] [--repetitions K] [--seed S] [--json]
                                         an Axelrod-style round robin of the computer strategies
  experiment <id...> | --all [--games N] [--hard-games N] [--seeds B] [--seed S] [--players LIST]
             [--scenarios LIST] [--workers N] [--json | --markdown]
                                         each claim's two worlds under every kind of player on three scenarios:
                                         a robustness table and a verdict (robust, conditional, not shown)
  bench [--json] [--quick]               the benchmark figures
  bench --difficulties [--normal-games N] [--json] [--update BENCHMARKS.md]
                                         only the difficulties' cost: Normal vs tit-for-tat, hard vs Normal, workers
  bench --browser [--runs N] [--json]    the board's start-up time against bare Phaser, JS sizes, frame rate
  bench --classroom [--sessions N] [--clients M] [--rounds R] [--think MS] [--json]
                                         the classroom server under N sessions × M students: ack latency, lag, memory
  schema [--check]                       write (or check) scenarios/scenario.schema.json from the schema
  init <file> [--from SCENARIO]          a new scenario copied from a shipped one, with a $schema line that works
                                         from the file's folder
  log <record.json> [--as ACTOR]         a game record's log, round by round (with --as: what ACTOR saw)

A scenario is a path (scenarios/panmunjom-2018.yaml) or an id in scenarios/ (panmunjom-2018).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'simulate':
      return runSimulate(rest);
    case 'experiment':
      return runExperimentCommand(rest);
    case 'bench':
      // The browser's figures need Vite and Chromium: loaded only when asked for.
      if (rest.includes('--browser'))
        return (await import('./bench/browser.ts')).runBrowserBenchCommand(
          rest.filter((a) => a !== '--browser'),
        );
      if (rest.includes('--classroom'))
        return (await import('./bench/classroom.ts')).runClassroomBench(
          rest.filter((a) => a !== '--classroom'),
        );
      return runBench(rest);
    case 'tournament':
      return runTournament(rest);
    case 'schema':
      return runSchema(rest);
    case 'init':
      return runInit(rest);
    case 'log':
      return runLog(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP + '\n');
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`qpq: unknown command "${plain(command)}".\n\n${HELP}\n`);
      return 1;
  }
}

watchParent();
/** Exits once what was written to stdout and stderr is out: a pipe's reader under load can lag behind the writes. */
const exitAfterOutput = (code: number): void =>
  void process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

main(process.argv.slice(2)).then(exitAfterOutput, (err: unknown) => {
  process.stderr.write(`qpq: ${plain(err instanceof Error ? err.message : String(err))}\n`);
  exitAfterOutput(2);
});
