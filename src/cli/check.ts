/**
 * `qpq check [--strict] <files...>`: every problem in every file, one `path:line:column: message` line each, on
 * stderr, and every warning as `path:line:column: warning: message`. Warnings alone exit 0; `--strict` fails on them.
 */
import { readFileSync } from 'node:fs';
import { checkScenario, formatProblem } from '../scenario/index.ts';
import type { Problem } from '../scenario/index.ts';
import { defaultCatalogue } from './files.ts';

/** Every problem and warning (marked `warning: true`) in the files, each file's in the order of its lines. */
export function checkFiles(files: readonly string[]): Problem[] {
  const catalogue = defaultCatalogue().file;
  const problems: Problem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}).`,
      });
      continue;
    }
    const r = checkScenario(file, text, catalogue);
    problems.push(...[...r.problems, ...r.warnings].sort((a, b) => a.line - b.line || a.column - b.column));
  }
  return problems;
}

export function runCheck(args: string[]): number {
  const files = args.filter((a) => !a.startsWith('-'));
  const strict = args.includes('--strict');
  if (!files.length) {
    process.stderr.write('qpq check: name at least one scenario file.\n');
    return 1;
  }
  const found = checkFiles(files);
  for (const p of found) process.stderr.write(formatProblem(p) + '\n');
  const failing = found.filter((p) => strict || !p.warning).length;
  const warnings = found.filter((p) => p.warning).length;
  if (failing === 0)
    process.stdout.write(
      `${files.length} scenario${files.length === 1 ? '' : 's'} valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.\n`,
    );
  return failing ? 1 : 0;
}
