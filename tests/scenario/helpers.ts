/** Shared by the scenario tests: where the fixtures are, and checking one the way `qpq check` does. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFiles } from '../../src/cli/check.ts';
import { ROOT, SCENARIO_DIR, defaultCatalogue } from '../../src/cli/files.ts';
import type { Problem } from '../../src/scenario/index.ts';

export { ROOT, SCENARIO_DIR, defaultCatalogue };

export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const BROKEN = join(FIXTURES, 'broken');

/** A path relative to the project root, as a person would type it after `qpq check`. */
export const rel = (path: string): string => relative(ROOT, path);

/** The `.yaml` files of a folder, sorted, read at test time so that files added in parallel are included. */
export const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));

/** Checks one broken fixture exactly as `qpq check` does (reading the file from disk). */
export function checkBroken(name: string): { path: string; lines: string[]; problems: Problem[] } {
  const path = rel(join(BROKEN, `${name}.yaml`));
  const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
  return { path, lines, problems: checkFiles([join(ROOT, path)]).map((p) => ({ ...p, file: rel(p.file) })) };
}
