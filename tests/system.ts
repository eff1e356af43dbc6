/**
 * Debian packages the tests need (chromium for the browser tests, postgresql and redis-server for the classroom
 * scale-out test): installed with apt-get when missing and this runs as root, so `npm test` on a fresh machine
 * needs nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs the named packages (root with apt-get only); quiet, and a no-op when the list is empty. */
export function aptInstall(packages: readonly string[]): void {
  if (!packages.length || !isRoot || !existsSync('/usr/bin/apt-get')) return;
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
