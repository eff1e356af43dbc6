/**
 * `qpq bench --browser`: how fast the board starts in headless Chromium, against a bare Phaser page in the
 * same run, how much of the app's own JavaScript a player downloads, and the board's frame rate.
 *
 * Both pages are built with Vite (the site as `npm start` builds it; the bare page from bench/bare-phaser/)
 * and served by `vite preview` on 127.0.0.1. Each run opens each page in a fresh browser context (an empty
 * cache), the two alternating which goes first; figures are medians over the runs. Times are read in the page
 * with performance.now(), whose zero is the start of the navigation, so the harness's own latency is not in them:
 * - menu ready: the menu's "Start the game" button is in the page and enabled;
 * - board ready: a script in the page pressed "Start the game" (The Panmunjom thaw, all six governments, as
 *   South Korea) at once when the menu was ready, and the board then drew its first frame with the map
 *   (`data-ready="map"` on its container, set by the board scene after Phaser's post-render); the phase's
 *   controls are in the page by then (their time is reported too);
 * - bare Phaser: an empty scene in a Game made as the board's is (same renderer choice, canvas size,
 *   background and scale mode) drew its first frame after create.
 * The app's JavaScript is gzipped from the build: what index.html loads at start (its script and its
 * modulepreloads), and everything the page had fetched by the time the board was ready, Phaser's chunk and the
 * compiled scenario and map data (data, not code) counted apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, framesPerSecond, freePort, launchChromium } from '../chromium.ts';
import type { PreviewServer } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SITE_DIR = path.join(ROOT, 'node_modules/.cache/bench-site');
const BARE_DIR = path.join(ROOT, 'node_modules/.cache/bench-bare');
const BARE_SRC = path.join(ROOT, 'bench/bare-phaser');
const VIEWPORT = { width: 1280, height: 720 };
const TIMEOUT = 60_000;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BrowserBench {
  runs: number;
  chromium: string;
  viewport: { width: number; height: number };
  /** Medians, in milliseconds from the start of navigation. */
  app: { menuReadyMs: number; controlsReadyMs: number; boardFirstFrameMs: number; boardReadyMs: number };
  bare: { firstFrameMs: number };
  /** Board ready over the bare page's first frame (medians). */
  ratio: number;
  canvas: { width: number; height: number; shownWidth: number; renderer: 'webgl' | 'canvas' };
  js: {
    /** The app's code that index.html loads at start, gzipped (kB), Phaser excluded. */
    startKb: number;
    /** The app's code the page had fetched when the board was ready (kB gzip), Phaser and data excluded. */
    boardReadyKb: number;
    phaserKb: number;
    /** The compiled scenarios (`virtual:qpq-content`): data, fetched while the code starts. */
    contentKb: number;
    /** Natural Earth's coastlines cut to the region (`virtual:qpq-atlas`): data, fetched with the board. */
    atlasKb: number;
    start: ChunkSize[];
    boardReady: ChunkSize[];
  };
  fps: { animating: number; idle: number; stillPlaying: boolean; governments: number; ms: number };
  samples: { app: BrowserBench['app'][]; bare: number[] };
  elapsedMs: number;
}

export interface BrowserBenchOptions {
  runs?: number;
  /** One run of each page first, not counted (the browser's own first start). */
  warmup?: boolean;
  log?: (line: string) => void;
}

async function serve(
  root: string,
  outDir: string,
  configFile?: false,
): Promise<{ url: string; server: PreviewServer }> {
  const port = await freePort();
  const server = await preview({
    root,
    ...(configFile === false ? { configFile } : {}),
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  return { url: `http://127.0.0.1:${port}/`, server };
}

/**
 * Put in the page before its own scripts: records when each mark first happens, and presses "Start the
 * game" on The Panmunjom thaw as South Korea as soon as the menu can start one.
 */
function appProbe(): void {
  const w = window as unknown as { __bench: Record<string, number> };
  const marks: Record<string, number> = {};
  w.__bench = marks;
  const mark = (k: string): void => {
    if (!(k in marks)) marks[k] = performance.now();
  };
  const look = (): void => {
    if (!('menu' in marks)) {
      const start = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Start the game');
      if (!start || start.disabled) return;
      mark('menu');
      const label = [...document.querySelectorAll('label')].find((l) =>
        l.textContent?.includes('The Panmunjom thaw'),
      );
      label?.querySelector<HTMLInputElement>('input[type=radio]')?.click();
      document.querySelector<HTMLInputElement>('input[name=government][value=ROK]')?.click();
      const seed = document.querySelector<HTMLInputElement>('#seed');
      if (seed) seed.value = 'bench-browser';
      start.click();
    }
    if (document.getElementById('phase-h')?.textContent?.startsWith('Round 1')) mark('controls');
    const ready = document.querySelector<HTMLElement>('[data-ready]')?.dataset.ready;
    if (ready) mark('frame');
    if (ready === 'map') mark('map');
  };
  new MutationObserver(look).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-ready', 'disabled'],
  });
}

function bareProbe(): void {
  const w = window as unknown as { __bench: Record<string, number> };
  const marks: Record<string, number> = {};
  w.__bench = marks;
  new MutationObserver(() => {
    if (!('frame' in marks) && document.querySelector('[data-ready]')) marks.frame = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

/**
 * A function run in the page goes as its source text; when this file runs under tsx, esbuild has wrapped the
 * page's inner functions in its `__name` helper, which the page lacks: give it one that does nothing.
 */
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';
const inPage = (fn: () => void): { content: string } => ({ content: `${NAME_SHIM}\n(${fn.toString()})();` });

const marksOf = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);

async function waitMark(page: Page, key: string): Promise<void> {
  await page.waitForFunction(
    (k) => k in ((window as unknown as { __bench?: Record<string, number> }).__bench ?? {}),
    key,
    { timeout: TIMEOUT, polling: 50 },
  );
}

interface AppRun {
  times: BrowserBench['app'];
  canvas: BrowserBench['canvas'];
  scripts: string[];
}

async function runApp(browser: Browser, url: string): Promise<AppRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(inPage(appProbe));
    await page.goto(url);
    await waitMark(page, 'map');
    await waitMark(page, 'controls');
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
    const m = await marksOf(page);
    const info = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-ready] canvas')!;
      return {
        width: c.width,
        height: c.height,
        shownWidth: Math.round(c.getBoundingClientRect().width),
        renderer: (c.getContext('2d') === null ? 'webgl' : 'canvas') as 'webgl' | 'canvas',
        scripts: performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => /\.js(\?|$)/.test(n)),
      };
    });
    const { scripts, ...canvas } = info;
    return {
      times: {
        menuReadyMs: m.menu!,
        controlsReadyMs: m.controls!,
        boardFirstFrameMs: m.frame!,
        boardReadyMs: m.map!,
      },
      canvas,
      scripts: scripts.map((s) => path.basename(new URL(s).pathname)),
    };
  } finally {
    await context.close();
  }
}

async function runBare(browser: Browser, url: string, canvas: BrowserBench['canvas']): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(inPage(bareProbe));
    await page.goto(`${url}?w=${canvas.width}&h=${canvas.height}&shown=${canvas.shownWidth}`);
    await waitMark(page, 'frame');
    return (await marksOf(page)).frame!;
  } finally {
    await context.close();
  }
}

/** Plays round 1 (aid to North Korea) on the board with six governments; frames per second while its moves animate, then idle. */
async function measureFps(browser: Browser, url: string, ms: number): Promise<BrowserBench['fps']> {
  const F = { force: true } as const;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(inPage(appProbe));
    await page.goto(url);
    await waitMark(page, 'map');
    const until = async (text: RegExp): Promise<void> => {
      await page.waitForFunction(
        (src) => new RegExp(src).test(document.getElementById('phase-h')?.textContent ?? ''),
        text.source,
        { timeout: TIMEOUT },
      );
    };
    await until(/^Round 1: Propose/);
    await page.getByRole('button', { name: 'Send offers and end proposals' }).click(F);
    await until(/^Round 1: Answer/);
    await page
      .getByRole('button', { name: /^(Send answers and end this phase|Continue to commitments)$/ })
      .click(F);
    await until(/^Round 1: Keep/);
    await page.getByRole('combobox', { name: 'Action 1' }).selectOption('humanitarian-aid');
    const toward = page.getByRole('combobox', { name: 'toward' });
    if (await toward.isVisible()) await toward.selectOption('DPRK');
    await page.getByRole('button', { name: 'Commit and resolve the round' }).click(F);
    const dialog = page.getByRole('dialog', { name: /^Round \d+ \(.+\) resolved$/ });
    await dialog.waitFor({ timeout: TIMEOUT });
    await dialog.getByRole('button', { name: /^Continue to round \d+$/ }).click(F);
    const skip = page
      .getByRole('group', { name: 'Board animation' })
      .getByRole('button', { name: 'Skip animation' });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some(
          (b) => b.textContent === 'Skip animation' && !b.disabled,
        ),
      null,
      { timeout: TIMEOUT, polling: 50 },
    );
    const animating = await framesPerSecond(page, ms);
    const stillPlaying = await skip.isEnabled();
    await skip.click(F);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some(
          (b) => b.textContent === 'Skip animation' && b.disabled,
        ),
      null,
      { timeout: TIMEOUT },
    );
    await page.waitForTimeout(300);
    const idle = await framesPerSecond(page, ms);
    const governments = await page.locator('table').first().locator('tbody tr').count();
    return { animating, idle, stillPlaying, governments, ms };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (bytes: number): number => Math.round(bytes / 102.4) / 10;

function chunk(file: string): ChunkSize {
  const buf = readFileSync(path.join(SITE_DIR, 'assets', file));
  return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** The JS files index.html loads at start: its module script and its modulepreloads. */
function startScripts(): string[] {
  const html = readFileSync(path.join(SITE_DIR, 'index.html'), 'utf8');
  const files: string[] = [];
  for (const m of html.matchAll(
    /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
  ))
    files.push(path.basename(m[1]!));
  return files;
}

const isPhaser = (f: string): boolean => /^phaser-/.test(f);
const isData = (f: string): boolean => /^_virtual_qpq-/.test(f);

export async function runBrowserBench(opts: BrowserBenchOptions = {}): Promise<BrowserBench> {
  const runs = Math.max(1, opts.runs ?? 5);
  const log = opts.log ?? ((): void => undefined);
  const t0 = performance.now();
  log('building the site and the bare Phaser page…');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: SITE_DIR, emptyOutDir: true } });
  await build({
    root: BARE_SRC,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: BARE_DIR, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
  const site = await serve(ROOT, SITE_DIR);
  const bare = await serve(BARE_SRC, BARE_DIR, false);
  const browser = await launchChromium();
  try {
    const appRuns: AppRun[] = [];
    const bareRuns: number[] = [];
    if (opts.warmup ?? true) {
      log('warm-up run (not counted)…');
      const w = await runApp(browser, site.url);
      await runBare(browser, bare.url, w.canvas);
    }
    for (let k = 0; k < runs; k++) {
      // Alternate which page goes first, so neither always meets a warmer browser.
      if (k % 2 === 0) {
        appRuns.push(await runApp(browser, site.url));
        bareRuns.push(await runBare(browser, bare.url, appRuns[appRuns.length - 1]!.canvas));
      } else {
        bareRuns.push(await runBare(browser, bare.url, appRuns[appRuns.length - 1]!.canvas));
        appRuns.push(await runApp(browser, site.url));
      }
      const a = appRuns[appRuns.length - 1]!.times;
      log(
        `run ${k + 1}/${runs}: menu ${a.menuReadyMs.toFixed(0)} ms, board ${a.boardReadyMs.toFixed(0)} ms, bare Phaser ${bareRuns[bareRuns.length - 1]!.toFixed(0)} ms`,
      );
    }
    log('frames per second on the board…');
    const fps = await measureFps(browser, site.url, 2000);

    const med = (k: keyof BrowserBench['app']): number => Math.round(median(appRuns.map((r) => r.times[k])));
    const app = {
      menuReadyMs: med('menuReadyMs'),
      controlsReadyMs: med('controlsReadyMs'),
      boardFirstFrameMs: med('boardFirstFrameMs'),
      boardReadyMs: med('boardReadyMs'),
    };
    const bareMs = Math.round(median(bareRuns));
    const start = startScripts().map(chunk);
    const fetched = [...new Set(appRuns.flatMap((r) => r.scripts))].sort().map(chunk);
    const sum = (xs: ChunkSize[]): number => kb(xs.reduce((t, c) => t + c.gzip, 0));
    const own = (xs: ChunkSize[]): ChunkSize[] => xs.filter((c) => !isPhaser(c.file) && !isData(c.file));
    const find = (re: RegExp): number => sum(fetched.filter((c) => re.test(c.file)));
    return {
      runs,
      chromium: CHROMIUM,
      viewport: VIEWPORT,
      app,
      bare: { firstFrameMs: bareMs },
      ratio: Math.round((median(appRuns.map((r) => r.times.boardReadyMs)) / median(bareRuns)) * 100) / 100,
      canvas: appRuns[0]!.canvas,
      js: {
        startKb: sum(own(start)),
        boardReadyKb: sum(own(fetched)),
        phaserKb: find(/^phaser-/),
        contentKb: find(/^_virtual_qpq-content/),
        atlasKb: find(/^_virtual_qpq-atlas/),
        start,
        boardReady: fetched,
      },
      fps: {
        ...fps,
        animating: Math.round(fps.animating * 10) / 10,
        idle: Math.round(fps.idle * 10) / 10,
      },
      samples: {
        app: appRuns.map((r) => ({
          menuReadyMs: Math.round(r.times.menuReadyMs),
          controlsReadyMs: Math.round(r.times.controlsReadyMs),
          boardFirstFrameMs: Math.round(r.times.boardFirstFrameMs),
          boardReadyMs: Math.round(r.times.boardReadyMs),
        })),
        bare: bareRuns.map((x) => Math.round(x)),
      },
      elapsedMs: Math.round(performance.now() - t0),
    };
  } finally {
    await browser.close();
    await site.server.close();
    await bare.server.close();
  }
}

export function formatBrowserBench(b: BrowserBench): string {
  const ok = (pass: boolean): string => (pass ? 'met' : 'NOT met');
  const files = (xs: ChunkSize[]): string =>
    xs.map((c) => `${c.file.replace(/-[\w-]{8}\.js$/, '')} ${kb(c.gzip)}`).join(', ');
  return [
    `Browser benchmark: headless Chromium (${b.chromium}), ${b.viewport.width}×${b.viewport.height}, ${b.runs} run${b.runs === 1 ? '' : 's'} alternating, medians`,
    `  board canvas          ${b.canvas.width}×${b.canvas.height} px (${b.canvas.renderer}), shown ${b.canvas.shownWidth} px wide`,
    `  menu ready            ${b.app.menuReadyMs} ms   navigation → "Start the game" enabled`,
    `  controls ready        ${b.app.controlsReadyMs} ms   → round 1's controls, "Start the game" pressed as soon as the menu was ready`,
    `  board first frame     ${b.app.boardFirstFrameMs} ms`,
    `  board ready           ${b.app.boardReadyMs} ms   → first frame with the map drawn (target < 1500 ms: ${ok(b.app.boardReadyMs < 1500)})`,
    `  bare Phaser page      ${b.bare.firstFrameMs} ms   navigation → an empty scene's first frame`,
    `  ratio                 ${b.ratio.toFixed(2)}×     board ready / bare Phaser (target ≤ 1.3×: ${ok(b.ratio <= 1.3)})`,
    `  app JS at start       ${b.js.startKb} kB gzip (${files(b.js.start)}) (target < 100 kB: ${ok(b.js.startKb < 100)})`,
    `  app JS at board ready ${b.js.boardReadyKb} kB gzip, beyond Phaser ${b.js.phaserKb} kB and data (scenarios ${b.js.contentKb} kB, map ${b.js.atlasKb} kB)`,
    `  frames per second     ${b.fps.animating} while a round's moves animate${b.fps.stillPlaying ? '' : ' (they ended before the count did)'}, ${b.fps.idle} idle; ${b.fps.governments} governments`,
    `  samples: board ready ${b.samples.app.map((a) => a.boardReadyMs).join(', ')} ms; bare ${b.samples.bare.join(', ')} ms; ${(b.elapsedMs / 1000).toFixed(0)} s in all`,
  ].join('\n');
}

/** `qpq bench --browser [--runs N] [--json]`. */
export async function runBrowserBenchCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args[at + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write('qpq bench --browser: --runs takes a whole number of runs, 1 or more.\n');
    return 1;
  }
  const b = await runBrowserBench({ runs, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(json ? `${JSON.stringify(b, null, 2)}\n` : `${formatBrowserBench(b)}\n`);
  return 0;
}
