/**
 * Regenerates the Results tables of docs/experiments.md from saved runs:
 *
 *   npm run -s qpq -- experiment --all --json > /tmp/run.json
 *   node --import tsx scripts/experiment-results.ts "npm run -s qpq -- experiment --all --json" /tmp/run.json \
 *     [/tmp/hard.json] [/tmp/seed2.json /tmp/seed3.json]
 *
 * The first argument is the command (or commands) the main run was made with, quoted on the page. Runs of the
 * main run's seed with other players (the hard players apart, at their own size) join its tables; runs of other
 * seeds make each cell say which seeds it holds on. Only the text between the page's `results` markers changes;
 * the reading above them is written by hand and must be checked against the new tables.
 *
 * Some claims run again (on the page's seeds), every other claim kept as the page has it:
 *
 *   node --import tsx scripts/experiment-results.ts --splice "<what was run again, and why>" "<its command>" \
 *     /tmp/multilateral-s1.json /tmp/multilateral-s2.json /tmp/multilateral-s3.json
 *
 * The page as the runs kept in docs/runs make it (`KEPT_RUNS`, in their order), quoting the command it quotes now
 * unless another is given, formatted by prettier as the page test compares it:
 *
 *   node --import tsx scripts/experiment-results.ts --kept ["<the command>"]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import {
  KEPT_RUNS,
  combineRuns,
  quotedCommand,
  replaceResults,
  resultsMarkdown,
  spliceResults,
} from '../src/cli/experiment-markdown.ts';
import type { ExperimentRun } from '../src/cli/experiment-markdown.ts';

const page = process.env.QPQ_EXPERIMENTS_PAGE ?? 'docs/experiments.md';
const args = process.argv.slice(2);
const kept = args[0] === '--kept';
const splice = args[0] === '--splice' ? args.splice(0, 2)[1] : undefined;
let before: string;
try {
  before = readFileSync(page, 'utf8');
} catch (e) {
  process.stderr.write(
    `${page}: cannot be read (${(e as Error).message}); set QPQ_EXPERIMENTS_PAGE to the page.\n`,
  );
  process.exit(1);
}
const [command, ...files] = kept
  ? [
      args[1] ?? quotedCommand(before),
      ...KEPT_RUNS.map((f) => fileURLToPath(new URL(`../docs/runs/${f}`, import.meta.url))),
    ]
  : args;
if (kept && args.length > 2) {
  process.stderr.write('usage: experiment-results.ts --kept ["<the command>"]\n');
  process.exit(2);
}
if (!command || !files.length || splice === '') {
  process.stderr.write(
    kept
      ? `${page}: its Results section quotes no command; give it: experiment-results.ts --kept "<the command>"\n`
      : 'usage: experiment-results.ts [--splice "<note>"] "<the command of the main run>" <run.json> [<more runs.json> ...]\n' +
          '       experiment-results.ts --kept ["<the command>"]\n',
  );
  process.exit(2);
}
const runs = files.map((file) => {
  let run: ExperimentRun;
  try {
    run = JSON.parse(readFileSync(file, 'utf8')) as ExperimentRun;
  } catch (e) {
    process.stderr.write(
      `${file}: cannot be read as JSON (${(e as Error).message}); is the run still going?\n`,
    );
    process.exit(1);
  }
  if (!run || !Array.isArray(run.claims)) {
    process.stderr.write(`${file}: not the JSON of qpq experiment --json (no "claims" list).\n`);
    process.exit(1);
  }
  return run;
});
const [run, ...others] = combineRuns(runs) as [ExperimentRun, ...ExperimentRun[]];
const generated = resultsMarkdown(run, command, others);
const made = splice ? spliceResults(before, generated, splice) : replaceResults(before, generated);
writeFileSync(page, await prettier.format(made, { ...(await prettier.resolveConfig(page)), filepath: page }));
process.stdout.write(
  `${page}: results of ${run.claims.length} claim${run.claims.length === 1 ? '' : 's'} written${splice ? ', the others kept' : ''}${kept ? ` from the ${files.length} runs kept in docs/runs` : ''}.\n`,
);
