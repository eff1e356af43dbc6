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
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { combineRuns, replaceResults, resultsMarkdown } from '../src/cli/experiment-markdown.ts';
import type { ExperimentRun } from '../src/cli/experiment-markdown.ts';

const page = process.env.QPQ_EXPERIMENTS_PAGE ?? 'docs/experiments.md';
const [command, ...files] = process.argv.slice(2);
if (!command || !files.length) {
  process.stderr.write(
    'usage: experiment-results.ts "<the command of the main run>" <run.json> [<more runs.json> ...]\n',
  );
  process.exit(2);
}
const runs = files.map((file) => {
  const run = JSON.parse(readFileSync(file, 'utf8')) as ExperimentRun;
  if (!Array.isArray(run.claims)) {
    process.stderr.write(`${file}: not the JSON of qpq experiment --json (no "claims" list).\n`);
    process.exit(1);
  }
  return run;
});
const [run, ...others] = combineRuns(runs) as [ExperimentRun, ...ExperimentRun[]];
writeFileSync(page, replaceResults(readFileSync(page, 'utf8'), resultsMarkdown(run, command, others)));
process.stdout.write(`${page}: results of ${run.claims.length} claims written.\n`);
