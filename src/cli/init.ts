/**
 * `qpq init <file> [--from <scenario>]`: a new scenario, copied from a shipped one (Panmunjom 2018 unless
 * --from names another), with its id taken from the file name and a `$schema` line that points at the format's
 * schema from wherever the file is saved, so an editor completes and checks it in any folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIO_DIR } from './files.ts';

export const SCHEMA_FILE = join(SCENARIO_DIR, 'scenario.schema.json');
const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/m;

/** The `$schema` line for a scenario saved at `file`: the schema's path relative to the file's folder. */
export function schemaLine(file: string): string {
  const rel = relative(dirname(resolve(file)), SCHEMA_FILE)
    .split(sep)
    .join('/');
  return `# yaml-language-server: $schema=${rel.startsWith('.') || rel.startsWith('/') ? rel : `./${rel}`}`;
}

/** A scenario id from a file name: letters, digits and hyphens, starting with a letter. */
export function idFromFile(file: string): string {
  const id = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return id || 'my-scenario';
}

export function runInit(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string', default: 'panmunjom-2018' } },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('qpq init: name the file to write, e.g. qpq init my-scenario.yaml.\n');
    return 1;
  }
  if (existsSync(file)) {
    process.stderr.write(`qpq init: ${file} exists already; choose another name, or remove it first.\n`);
    return 1;
  }
  const source = /[/\\.]/.test(values.from) ? values.from : join(SCENARIO_DIR, `${values.from}.yaml`);
  if (!existsSync(source)) {
    process.stderr.write(`qpq init: there is no scenario "${values.from}" to start from.\n`);
    return 1;
  }
  const text = readFileSync(source, 'utf8');
  const withSchema = SCHEMA_LINE.test(text)
    ? text.replace(SCHEMA_LINE, schemaLine(file))
    : `${schemaLine(file)}\n${text}`;
  const out = withSchema.replace(/^id: .*$/m, `id: ${idFromFile(file)}`);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, out);
  process.stdout.write(
    `wrote ${file}, a copy of ${relative(process.cwd(), source) || source} with id ${idFromFile(file)}; check it with qpq check ${file}.\n`,
  );
  return 0;
}
