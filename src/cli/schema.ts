/** `qpq schema [--check]`: writes the JSON Schemas editors use, or checks that the written ones are current. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueJsonSchema, scenarioJsonSchema } from '../scenario/index.ts';
import { SCENARIO_DIR } from './files.ts';

export const SCHEMA_FILES = [
  { path: join(SCENARIO_DIR, 'scenario.schema.json'), make: scenarioJsonSchema },
  { path: join(SCENARIO_DIR, 'catalogue.schema.json'), make: catalogueJsonSchema },
];

export const schemaText = (make: () => unknown): string => JSON.stringify(make(), null, 2) + '\n';

export function runSchema(args: string[]): number {
  const check = args.includes('--check');
  let stale = 0;
  for (const f of SCHEMA_FILES) {
    const text = schemaText(f.make);
    if (check) {
      let old = '';
      try {
        old = readFileSync(f.path, 'utf8');
      } catch {
        /* missing counts as stale */
      }
      if (old !== text) {
        process.stderr.write(`${f.path}: out of date; run npm run qpq -- schema\n`);
        stale++;
      }
    } else {
      writeFileSync(f.path, text);
      process.stdout.write(`wrote ${f.path}\n`);
    }
  }
  return stale ? 1 : 0;
}
