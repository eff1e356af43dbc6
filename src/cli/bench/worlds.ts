/**
 * The worlds the benchmark measures besides the shipped scenario: a thirty-round one with no clash ending (so
 * that every game lasts the full thirty rounds), and generated scenarios with more governments, written as
 * YAML and loaded through the normal scenario loader.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { hashText } from '../../engine/index.ts';
import type { World } from '../../engine/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { defaultCatalogue, readScenario } from '../files.ts';

/**
 * The world with `rounds` rounds and no clash by miscalculation: the same actors, actions, events and
 * rules otherwise. Its own hash, so that records of it are never mistaken for the scenario's.
 */
export function fixedLength(world: World, rounds: number): World {
  return {
    ...world,
    id: `${world.id}-${rounds}-rounds`,
    hash: hashText(`${world.hash}:${rounds}-rounds-no-clash`),
    rounds,
    rules: { ...world.rules, clashChance: 0 },
  };
}

/**
 * The scenario file with governments added until there are `actors`: copies of the six (in turn) under new
 * ids (X7, X8, ...), with the same variables, leaders and objectives, and default relations with everyone.
 * The text goes through `loadScenario` like an instructor's file.
 */
export function scenarioWithActors(file: string, actors: number): { text: string; world: World } {
  const base = readScenario(file);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const core = Object.keys(base.scenario.actors);
  for (let k = core.length; k < actors; k++) {
    const from = core[k % core.length]!;
    const copy = doc.getIn(['actors', from]) as { clone(): unknown; set(k: string, v: unknown): void };
    const c = copy.clone() as typeof copy;
    c.set('name', `Government ${k + 1}`);
    c.set('capital', `Capital ${k + 1}`);
    doc.setIn(['actors', `X${k + 1}`], c);
  }
  doc.set('id', `${base.scenario.id}-${actors}-actors`);
  const text = doc.toString();
  const path = file.replace(/\.yaml$/, `-${actors}-actors.yaml`);
  return { text, world: loadScenario(path, text, defaultCatalogue()).world };
}
