/**
 * Once per e2e run: build the site with Vite and serve it with `vite preview` on a free port.
 * Test files get the address with `inject('siteUrl')` and launch their own Chromium.
 */
import path from 'node:path';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../src/cli/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'node_modules/.cache/e2e-dist');

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  project.provide('siteUrl', `http://127.0.0.1:${port}/`);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
}
