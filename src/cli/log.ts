/**
 * `qpq log <record.json> [--as ACTOR]`: replays a game record (a saved game or a downloaded record from the
 * browser, or one the command line wrote) and prints its log round by round, in the same words the screens use
 * (src/text). With --as, only what that government saw, written to it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ReplayError, playerView, replay } from '../engine/index.ts';
import type { GameRecord, LogEntry } from '../engine/index.ts';
import { kindText, logText } from '../text/index.ts';
import { readScenario } from './files.ts';

export function runLog(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('qpq log: name a game record, e.g. qpq-my-game.json.\n');
    return 1;
  }
  let json: { record?: GameRecord } & Partial<GameRecord>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as typeof json;
  } catch (e) {
    process.stderr.write(`qpq log: ${file} is not readable JSON: ${(e as Error).message}\n`);
    return 1;
  }
  const record = (json.record ?? json) as GameRecord;
  if (!record.scenario?.id || !Array.isArray(record.inputs)) {
    process.stderr.write(`qpq log: ${file} is not a game record (no scenario or inputs).\n`);
    return 1;
  }
  const { world } = readScenario(record.scenario.id);
  const me = values.as;
  if (me !== undefined && !world.actors.some((a) => a.id === me)) {
    process.stderr.write(
      `qpq log: --as ${me}: no such government in ${world.id} (${world.actors.map((a) => a.id).join(', ')}).\n`,
    );
    return 1;
  }
  let log: LogEntry[];
  try {
    const end = replay(world, record);
    log = me ? playerView(world, end, me).log.filter((e) => e.to === null || e.to.includes(me)) : end.log;
  } catch (e) {
    if (!(e instanceof ReplayError)) throw e;
    process.stderr.write(`qpq log: ${file} does not replay: ${e.message}\n`);
    return 1;
  }
  let round = 0;
  for (const e of log) {
    if (e.round !== round) process.stdout.write(`\nRound ${(round = e.round)}\n`);
    process.stdout.write(`  ${kindText(e).padEnd(10)} ${logText(e, { world, ...(me ? { me } : {}) })}\n`);
  }
  return 0;
}
