/**
 * Once per e2e run: build the site with Vite and serve it with the classroom server (as `npm start` does) on a
 * free port, its event log in a temp folder. Test files get the address with `inject('siteUrl')` and launch
 * their own Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { createClassroomServer } from '../../src/server/server.ts';
import type { ClassroomServer } from '../../src/server/server.ts';
import { aptInstall } from '../system.ts';
import { CHROMIUM } from '../../src/cli/chromium.ts';
import { SqliteStore } from '../../src/server/store.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'node_modules/.cache/e2e-dist');

let server: ClassroomServer | undefined;
let store: SqliteStore | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM)) aptInstall(['chromium']);
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  dataDir = mkdtempSync(path.join(tmpdir(), 'qpq-e2e-'));
  store = new SqliteStore(dataDir);
  server = createClassroomServer({
    store,
    scenarioDir: path.join(root, 'scenarios'),
    distDir: outDir,
    graceMs: 3_000,
  });
  const port = await server.listen(0, '127.0.0.1');
  project.provide('siteUrl', `http://127.0.0.1:${port}/`);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
