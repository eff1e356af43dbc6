/**
 * Real Postgres and Redis for the scale-out tests, each on a free loopback port with its data in a temp folder,
 * torn down after. Debian's `postgresql` and `redis-server` are installed with apt-get when missing and this runs
 * as root; otherwise `unavailable` says why and the tests that need them skip.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/cli/chromium.ts';
import { aptInstall } from '../system.ts';

const PG_ROOT = '/usr/lib/postgresql';
const isRoot = process.getuid?.() === 0;

function pgBin(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const v = readdirSync(PG_ROOT).sort().at(-1);
  return v && existsSync(join(PG_ROOT, v, 'bin', 'initdb')) ? join(PG_ROOT, v, 'bin') : null;
}

/** Installs what is missing (root only); returns why the services cannot run, or null when they can. */
export function unavailable(): string | null {
  const missing = [
    pgBin() ? null : 'postgresql',
    existsSync('/usr/bin/redis-server') ? null : 'redis-server',
  ].filter((x): x is string => x !== null);
  aptInstall(missing);
  if (!pgBin())
    return 'Postgres is not installed (apt-get install postgresql) and could not be installed here.';
  if (!existsSync('/usr/bin/redis-server'))
    return 'redis-server is not installed (apt-get install redis-server) and could not be installed here.';
  return null;
}

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export async function startServices(): Promise<Services> {
  const bin = pgBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'qpq-services-'));
  // Postgres refuses to run as root: run it as the postgres user Debian's package creates.
  const asPg = (cmd: string, args: string[]): void => {
    if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
    else execFileSync(cmd, args, { stdio: 'pipe' });
  };
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const pgData = join(dir, 'pg');
  const pgPort = await freePort();
  asPg(join(bin, 'initdb'), ['-D', pgData, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  asPg(join(bin, 'pg_ctl'), [
    '-D',
    pgData,
    '-w',
    '-l',
    join(dir, 'pg.log'),
    '-o',
    `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  const redisPort = await freePort();
  const redis: ChildProcess = spawn(
    '/usr/bin/redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise((r) => setTimeout(r, 300));
  return {
    databaseUrl: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    async stop() {
      redis.kill('SIGTERM');
      try {
        asPg(join(bin, 'pg_ctl'), ['-D', pgData, '-m', 'immediate', 'stop']);
      } catch {
        // already down
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
