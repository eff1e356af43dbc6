#!/usr/bin/env node
// The `qpq` command (package.json "bin"): runs the TypeScript command line through tsx, in a child process that
// ends with this one. A signal sent to this wrapper (Ctrl+C, kill, a closed terminal) is passed on to the child,
// and the wrapper exits as the child did, with its exit code or by the same signal.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Resolve tsx from this package, not from wherever the command is run.
const tsx = import.meta.resolve('tsx');
const child = spawn(
  process.execPath,
  ['--import', tsx, join(root, 'src/cli/qpq.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: process.cwd(), env: { ...process.env, QPQ_WRAPPER_PID: String(process.pid) } },
);
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of SIGNALS) process.on(signal, forward);
child.on('error', (e) => {
  process.stderr.write(`qpq: could not start: ${e.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  for (const s of SIGNALS) process.off(s, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
