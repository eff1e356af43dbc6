/**
 * Regenerates the Results tables of docs/experiments.md from a saved run:
 *
 *   npm run -s qpq -- experiment --all --json > /tmp/run.json
 *   node --import tsx scripts/experiment-results.ts "npm run -s qpq -- experiment --all --json" /tmp/run.json \
 *     [/tmp/seed2.json /tmp/seed3.json]
 *
 * The first argument is the command the main run was made with, quoted on the page; runs of other seeds after
 * the main one make each cell say which seeds it holds on. Only the text between the page's
 * `results` markers changes; the reading above them is written by hand and must be checked against the new tables.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceResults, resultsMarkdown } from '../src/cli/experiment-markdown.ts';
import type { ExperimentRun } from '../src/cli/experiment-markdown.ts';

const [file, command, page = 'docs/experiments.md'] = process.argv.slice(2);
if (!file || !command) {
  process.stderr.write(
    'usage: experiment-results.ts <run.json> "<the command it was made with>" [page.md]\n',
  );
  process.exit(2);
}
const run = JSON.parse(readFileSync(file, 'utf8')) as ExperimentRun;
if (!Array.isArray(run.claims)) {
  process.stderr.write(`${file}: not the JSON of qpq experiment --json (no "claims" list).\n`);
  process.exit(1);
}
writeFileSync(page, replaceResults(readFileSync(page, 'utf8'), resultsMarkdown(run, command)));
process.stdout.write(`${page}: results of ${run.claims.length} claims written.\n`);
