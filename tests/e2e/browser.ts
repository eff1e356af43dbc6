/** Debian's Chromium through playwright-core, with the flags this sandbox needs. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../src/cli/chromium.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

export function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return launchChromium();
}

export const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

/**
 * Acts without Playwright's wait for the element to be stable over animation frames: while the board's
 * WebGL canvas renders in software, a frame takes long and that wait costs seconds per click.
 * Elements are still found by role and name, and the tests wait for the result of each step.
 */
export const F = { force: true } as const;

/**
 * For the menu, where nothing animates: Playwright's own wait for a stable element that receives the click.
 * A forced click at load time can land where a choice was a moment before the page finished laying out
 * (CI once saw "Clicking the checkbox did not change its state" on the first scenario choice).
 */
export const MENU = { timeout: 15_000 } as const;

/**
 * One Chromium for a test file and the address of the site the e2e run serves: registers the file's
 * beforeAll and afterAll. Read `site.browser` and `site.url` inside tests.
 */
export function useSite(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let url = '';
  beforeAll(async () => {
    url = inject('siteUrl');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('The browser is not started yet: use site.browser inside a test.');
      return browser;
    },
    get url(): string {
      return url;
    },
  };
}
