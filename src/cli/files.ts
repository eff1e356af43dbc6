/** Reading scenarios and the catalogue from disk, for the command line and tests. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue, loadScenario } from '../scenario/index.ts';
import type { Catalogue, LoadedScenario } from '../scenario/index.ts';
import type { World } from '../engine/index.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');
export const CATALOGUE_FILE = join(SCENARIO_DIR, 'catalogue', 'default.yaml');

let catalogue: Catalogue | null = null;

export function defaultCatalogue(): Catalogue {
  catalogue ??= loadCatalogue('scenarios/catalogue/default.yaml', readFileSync(CATALOGUE_FILE, 'utf8'));
  return catalogue;
}

/** Reads a scenario by path, or by id from the scenarios folder. Throws ScenarioError with every problem. */
export function readScenario(pathOrId: string): LoadedScenario {
  const path = /[/\\.]/.test(pathOrId) ? pathOrId : join(SCENARIO_DIR, `${pathOrId}.yaml`);
  return loadScenario(path, readFileSync(path, 'utf8'), defaultCatalogue());
}

/** A scenario's world by path or id, each read once: for runs that load the same few scenarios many times. */
export function worldLoader(): (pathOrId: string) => World {
  const worlds = new Map<string, World>();
  return (pathOrId) => {
    let w = worlds.get(pathOrId);
    if (!w) worlds.set(pathOrId, (w = readScenario(pathOrId).world));
    return w;
  };
}
