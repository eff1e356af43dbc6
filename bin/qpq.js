#!/usr/bin/env node
// The `qpq` command (package.json "bin"): runs the TypeScript command line through tsx.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Resolve tsx from this package, not from wherever the command is run.
const tsx = import.meta.resolve('tsx');
const r = spawnSync(
  process.execPath,
  ['--import', tsx, join(root, 'src/cli/qpq.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: process.cwd() },
);
process.exit(r.status ?? 1);
