/**
 * `qpq schema [--check]`: writes the JSON Schemas editors use and the field reference of the instructor's guide,
 * all generated from the zod schema; with --check, fails when any written file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueJsonSchema, scenarioJsonSchema } from '../scenario/index.ts';
import { fieldReference } from '../scenario/reference.ts';
import { ROOT, SCENARIO_DIR } from './files.ts';

export const schemaText = (make: () => unknown): string => JSON.stringify(make(), null, 2) + '\n';

export const GUIDE = join(ROOT, 'docs', 'scenario-authoring.md');
export const GUIDE_MARKER = '<!-- generated field reference: do not edit below this line -->';

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** The guide with its generated part replaced by the current reference. */
export function guideText(current: string): string {
  const at = current.indexOf(GUIDE_MARKER);
  const head = at >= 0 ? current.slice(0, at) : current.trimEnd() + '\n\n';
  return `${head}${GUIDE_MARKER}\n\n${fieldReference()}\n`;
}

/** The JSON Schemas, by path and the function that makes each. */
export const SCHEMA_FILES = [
  { path: join(SCENARIO_DIR, 'scenario.schema.json'), make: scenarioJsonSchema },
  { path: join(SCENARIO_DIR, 'catalogue.schema.json'), make: catalogueJsonSchema },
];

/** Every generated file: its path and what it should contain now. */
export function generatedFiles(): { path: string; text: string }[] {
  return [
    ...SCHEMA_FILES.map((f) => ({ path: f.path, text: schemaText(f.make) })),
    { path: GUIDE, text: guideText(read(GUIDE)) },
  ];
}

export function runSchema(args: string[]): number {
  const check = args.includes('--check');
  let stale = 0;
  for (const f of generatedFiles()) {
    if (check) {
      if (read(f.path) !== f.text) {
        process.stderr.write(`${f.path}: out of date; run: npm run qpq -- schema\n`);
        stale++;
      }
    } else {
      writeFileSync(f.path, f.text);
      process.stdout.write(`wrote ${f.path}\n`);
    }
  }
  return stale ? 1 : 0;
}
