/**
 * Headless Chromium as this project drives it, for the browser benchmark and the end-to-end tests alike:
 * Debian's build through playwright-core, with the flags a sandboxed machine without a GPU needs, a free port
 * for a local server, and the frame rate a page manages.
 */
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Frames drawn per second over `ms`, counted with requestAnimationFrame in the page. */
export function framesPerSecond(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const t0 = performance.now();
        const step = (t: number): void => {
          frames++;
          if (t - t0 < ms) requestAnimationFrame(step);
          else resolve((frames * 1000) / (t - t0));
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}
