/**
 * The real command line, as CI and instructors run it: `qpq check <files...>` exits 0 when every file is valid,
 * else 1 with one `path:line:column: message` line per problem on stderr, and never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const LINE = /^(?<path>[^:\n]+):(?<line>\d+):(?<column>\d+): (?<message>\S.*)$/;

function qpqCheck(...files: string[]): { status: number | null; stdout: string; stderr: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/qpq.ts', 'check', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l !== '') };
}

describe('qpq check', () => {
  it('exits 0 and prints nothing on stderr for a valid file', () => {
    const r = qpqCheck('tests/fixtures/minimal.yaml');
    expect(r.stderr).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 scenario valid');
  });

  it('exits 1 with one path:line:column: message line per problem, in file order', () => {
    const file = 'tests/fixtures/broken/many-problems.yaml';
    const r = qpqCheck(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toHaveLength(6);
    const parsed = r.stderr.map((l) => LINE.exec(l)?.groups);
    for (const g of parsed) expect(g?.path).toBe(file);
    expect(parsed.map((g) => `${g!.line}:${g!.column}`)).toEqual([
      '3:1',
      '12:10',
      '13:16',
      '22:15',
      '96:5',
      '117:12',
    ]);
    expect(parsed[0]!.message).toBe('titel: this field is not part of the format. Did you mean "title"?');
  });

  it('checks every file it is given and exits 1 if any is broken', () => {
    const files = [
      'tests/fixtures/minimal.yaml',
      'tests/fixtures/broken/binary.yaml',
      'tests/fixtures/broken/empty.yaml',
      'tests/fixtures/broken/top-level-list.yaml',
      'tests/fixtures/broken/yaml-unclosed-quote.yaml',
    ];
    const r = qpqCheck(...files);
    expect(r.status).toBe(1);
    expect(r.stderr.map((l) => LINE.exec(l)?.groups?.path)).toEqual(files.slice(1));
    for (const l of r.stderr) expect(l).not.toMatch(/\bat .+:\d+:\d+\)|Error:|node:internal/);
  });
});
