/** `qpq check <files...>`: every problem in every file, one `path:line:column: message` line each, on stderr. */
import { readFileSync } from 'node:fs';
import { checkScenario, formatProblem } from '../scenario/index.ts';
import type { Problem } from '../scenario/index.ts';
import { defaultCatalogue } from './files.ts';
import { plain } from './terminal.ts';

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
    problems.push(...checkScenario(file, text, catalogue).problems);
  }
  return problems;
}

export function runCheck(args: string[]): number {
  const files = args.filter((a) => !a.startsWith('-'));
  if (!files.length) {
    process.stderr.write('qpq check: name at least one scenario file.\n');
    return 1;
  }
  const problems = checkFiles(files);
  for (const p of problems) process.stderr.write(plain(formatProblem(p)) + '\n');
  if (problems.length === 0)
    process.stdout.write(`${files.length} scenario${files.length === 1 ? '' : 's'} valid.\n`);
  return problems.length ? 1 : 0;
}
