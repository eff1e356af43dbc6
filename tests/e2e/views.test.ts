/**
 * Every screen renders the same from a seat's view and from its plain JSON copy (what a classroom browser gets
 * over the network): the game's panels, the controls of every phase, the briefing, the round summary, the end
 * report, the debrief and replay frames. The render functions run in Chromium on a seeded game played in the
 * page; the test compares the HTML each builds (generated ids numbered by first appearance).
 */
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { useSite } from './browser.ts';
import type { Rendered } from './render/harness.ts';

const site = useSite();
const root = path.resolve(import.meta.dirname, '../..');

async function harnessCode(): Promise<string> {
  const out = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(root, 'tests/e2e/render/harness.ts'), formats: ['iife'], name: 'Harness' },
    },
  });
  const chunks = (Array.isArray(out) ? out[0]! : out) as { output: { type: string; code?: string }[] };
  return chunks.output.find((c) => c.type === 'chunk')!.code!;
}

describe('every screen from a plain JSON view', () => {
  test('renders the same as from the live view', async () => {
    const code = await harnessCode();
    const page = await site.browser.newPage();
    try {
      await page.goto(site.url);
      await page.addScriptTag({ content: code });
      const loaded = readScenario('tutorial');
      const rendered = (await page.evaluate(
        ([l, seed]) =>
          (
            window as unknown as { Harness: { renderAll: (l: unknown, s: string) => Promise<Rendered[]> } }
          ).Harness.renderAll(l, seed),
        [JSON.parse(JSON.stringify(loaded)), 'plain-views'] as const,
      )) as Rendered[];
      const screens = rendered.map((r) => r.screen);
      for (const kind of [
        'panels',
        'controls, round 1 proposing',
        'controls, round 1 responding',
        'controls, round 1 commitment',
        'briefing',
        'summary',
        'end report',
        'debrief',
        'replay frame',
      ])
        expect(
          screens.some((s) => s.startsWith(kind)),
          kind,
        ).toBe(true);
      for (const r of rendered) {
        expect(r.live.length, r.screen).toBeGreaterThan(200);
        expect(r.plain, r.screen).toBe(r.live);
      }
    } finally {
      await page.close();
    }
  });
});
