/**
 * Resource limits and smaller holes from the audit (issue 15), each a regression test named after what failed:
 * a 20 MB scenario, too many governments, --games 1e9, --workers 100, the wrapper killed while the real process
 * ran on, escape codes in a title reaching the terminal, a CR-only file, --noise "" and --strategies ",".
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, SCENARIO_DIR, defaultCatalogue } from '../../src/cli/files.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import { plain } from '../../src/cli/terminal.ts';
import { runTournament } from '../../src/cli/tournament.ts';
import { checkScenario, loadScenario } from '../../src/scenario/index.ts';

const tutorial = readFileSync(join(SCENARIO_DIR, 'tutorial.yaml'), 'utf8');
const check = (text: string) => checkScenario('s.yaml', text, defaultCatalogue().file).problems;
const tmp = mkdtempSync(join(tmpdir(), 'qpq-limits-'));

const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
const said = (spy: typeof err): string => spy.mock.calls.map((c) => String(c[0])).join('');
afterEach(() => {
  err.mockClear();
  out.mockClear();
});

describe('resource limits', () => {
  it('a 20 MB scenario with a syntax error near its end answers at once, with the size', () => {
    const big = tutorial + '\n# ' + 'x'.repeat(20 * 1024 * 1024) + '\nbroken: [\n';
    check(tutorial); // the catalogue is read once, before the clock starts
    const t0 = performance.now();
    const problems = check(big);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/the file is 20\.\d MB; a scenario may be at most 4 MB/);
  });

  it('200 added governments are refused with a message at actors:', () => {
    const extra = Array.from({ length: 200 }, (_, i) => `  X${i}:\n    name: Extra ${i}\n`).join('');
    const text = tutorial.replace('actors:\n', () => `actors:\n${extra}`);
    const problems = check(text);
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /206 governments is more than a game can seat \(at most 24/,
    );
  });

  it.each([
    ['--games', '1e9', /--games must be a whole number from 1 to 100000, not "1e9"/],
    ['--games', '1000000000', /--games must be a whole number from 1 to 100000/],
    ['--workers', '100', new RegExp(`--workers must be a whole number from 1 to ${availableParallelism()}`)],
    ['--workers', '0x2', /--workers must be a whole number/],
  ])('simulate %s %s is refused (exit 1)', async (flag, value, message) => {
    expect(await runSimulate(['tutorial', flag, value])).toBe(1);
    expect(said(err)).toMatch(message);
    expect(out).not.toHaveBeenCalled();
  });
});

describe('smaller holes', () => {
  it('ANSI escape codes in a title do not reach the terminal raw', async () => {
    const file = join(tmp, 'ansi.yaml');
    writeFileSync(
      file,
      tutorial.replace(/^title: .*$/m, () => 'title: "The \\e[2J\\e[31mred\\u0007 thaw"'),
    );
    expect(await runSimulate([file, '--games', '1'])).toBe(0);
    const text = said(out);
    expect(text).toContain('The [2J[31mred thaw');
    expect(plain(text)).toBe(text);
    expect(plain('a\u001b[1mb\u202ec\n\td')).toBe('a[1mbc\n\td');
  });

  it('a CR-only file is read as lines, not as "only comments and blank lines"', () => {
    const cr = tutorial.replace(/\r?\n/g, '\r');
    const lf = loadScenario('lf.yaml', tutorial, defaultCatalogue());
    const fromCr = loadScenario('cr.yaml', cr, defaultCatalogue());
    expect({ ...fromCr.world, hash: '' }).toEqual({ ...lf.world, hash: '' });
    // A problem in it is placed on its line.
    const broken = cr.replace('rounds: 6', 'rounds: six');
    const line = tutorial.slice(0, tutorial.indexOf('rounds: 6')).split('\n').length;
    expect(check(broken).map((p) => p.line)).toContain(line);
  });

  it('tournament --noise "" is refused instead of running with noise 0', () => {
    expect(runTournament(['--noise', ''])).toBe(1);
    expect(said(err)).toMatch(/--noise must be a number from 0 to 0.5, not ""/);
  });

  it('tournament --strategies , is refused instead of printing an empty ranking with exit 0', () => {
    expect(runTournament(['--strategies', ','])).toBe(1);
    expect(said(err)).toMatch(/--strategies names no strategy/);
    expect(out).not.toHaveBeenCalled();
  });
});

describe('bin/qpq.js', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'killing the wrapper leaves the real process running: no longer (%s)',
    async (sig) => {
      const wrapper = spawn(
        process.execPath,
        [join(ROOT, 'bin/qpq.js'), 'simulate', 'tutorial', '--games', '100000'],
        {
          cwd: ROOT,
          stdio: 'ignore',
        },
      );
      const children = (): number[] => {
        try {
          return execFileSync('ps', ['-o', 'pid=', '--ppid', String(wrapper.pid)], { encoding: 'utf8' })
            .split('\n')
            .map((l) => Number(l.trim()))
            .filter((n) => n > 0);
        } catch {
          return [];
        }
      };
      await vi.waitFor(() => expect(children()).toHaveLength(1), { timeout: 20_000, interval: 100 });
      const [child] = children();
      const exited = new Promise<NodeJS.Signals | null>((r) =>
        wrapper.on('exit', (_code, signal) => r(signal)),
      );
      // SIGTERM is passed on; after SIGKILL (which no process can catch) the orphan notices its parent is gone.
      wrapper.kill(sig);
      expect(await exited).toBe(sig);
      const alive = (): boolean => {
        try {
          process.kill(child!, 0);
          return true;
        } catch {
          return false;
        }
      };
      await vi.waitFor(() => expect(alive()).toBe(false), { timeout: 10_000, interval: 100 });
    },
  );
});
