/**
 * The classroom server as a child process (`src/server/main.ts`), for the benchmark and the crash and takeover
 * tests: started with the environment given, resolved once it says it listens.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the server with `env` added to this process's; rejects with what it printed if it exits first.
 * `nodeArgs` go to node before the script (e.g. `--cpu-prof`, `--cpu-prof-dir=DIR` to profile the server).
 */
export function startServerProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      if (out.includes('Quid Pro Quo on')) ok(child);
    });
    child.stderr!.on('data', (d: Buffer) => (out += String(d)));
    child.once('exit', (code) => fail(new Error(`The server exited (${code}) before listening:\n${out}`)));
  });
}
