/**
 * Every shipped scenario and catalogue is valid, and the JSON Schemas editors read are up to date with the zod
 * schema. The folders are read when the tests run, so scenarios added in parallel are checked too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, schemaText } from '../../src/cli/schema.ts';
import { CORE_ACTORS } from '../../src/engine/index.ts';
import { checkScenario, formatProblem, loadScenario, parseCatalogue } from '../../src/scenario/index.ts';
import { FIXTURES, SCENARIO_DIR, defaultCatalogue, rel, yamlFiles } from './helpers.ts';

const scenarios = yamlFiles(SCENARIO_DIR);
const catalogues = yamlFiles(join(SCENARIO_DIR, 'catalogue'));
const validFixtures = yamlFiles(FIXTURES);

describe('shipped scenarios', () => {
  it('includes at least the Panmunjom scenario', () => {
    expect(scenarios.map(rel)).toContain('scenarios/panmunjom-2018.yaml');
  });

  it.each([...scenarios, ...validFixtures].map((f) => [rel(f), f]))(
    '%s is valid and compiles to a world',
    (name, file) => {
      const text = readFileSync(file, 'utf8');
      const r = checkScenario(name, text, defaultCatalogue().file);
      expect(r.problems.map(formatProblem)).toEqual([]);
      const { world } = loadScenario(name, text, defaultCatalogue());
      for (const a of CORE_ACTORS) expect(world.actors.map((x) => x.id)).toContain(a);
      expect(world.outcomes.filter((o) => o.onClash)).toHaveLength(1);
    },
  );

  // Calibration is measured against history (docs/scenarios.md): each shipped scenario names the outcome history
  // took, and it is not the end by military clash (the peninsula has had no war since 1953).
  it.each(scenarios.map((f) => [rel(f), f]))('%s names its historical outcome', (name, file) => {
    const { world } = loadScenario(name, readFileSync(file, 'utf8'), defaultCatalogue());
    const historical = world.outcomes.find((o) => o.id === world.historical);
    expect(historical, `${name}: historical`).toBeDefined();
    expect(historical!.onClash).toBeFalsy();
  });

  it.each(catalogues.map((f) => [rel(f), f]))('catalogue %s is valid', (name, file) => {
    expect(parseCatalogue(name, readFileSync(file, 'utf8')).problems.map(formatProblem)).toEqual([]);
  });
});

describe('published JSON Schemas', () => {
  it.each(SCHEMA_FILES.map((f) => [rel(f.path), f] as const))(
    '%s is up to date with src/scenario/schema.ts',
    (name, f) => {
      let written = '';
      try {
        written = readFileSync(f.path, 'utf8');
      } catch {
        /* a missing file is out of date too */
      }
      expect(
        written === schemaText(f.make),
        `${name} is out of date with src/scenario/schema.ts; regenerate it with: npm run qpq -- schema`,
      ).toBe(true);
    },
  );
});
