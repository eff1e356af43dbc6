/**
 * scripts/experiment-results.ts, the developer's tool that writes docs/experiments.md's Results from saved runs: a
 * wrong page or wrong arguments get a sentence, not a stack trace, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files.ts';

const run = (args: string[], page?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/experiment-results.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...(page ? { QPQ_EXPERIMENTS_PAGE: page } : {}) },
  });

describe('scripts/experiment-results.ts', () => {
  it('names a page it cannot read and how to point it elsewhere, without a stack trace', () => {
    const r = run(['--kept'], '/nonexistent/experiments.md');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^\/nonexistent\/experiments\.md: cannot be read \(ENOENT.*QPQ_EXPERIMENTS_PAGE/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its usage for too many arguments to --kept', () => {
    const r = run(['--kept', 'a command', 'a stray file']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: experiment-results.ts --kept');
  });
});
