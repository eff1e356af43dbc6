/**
 * Mediation in the offer composer: a government that may mediate is told between whom it could broker (pairs not
 * on speaking terms), and a package between two who already talk shows why it is refused before it is added.
 * South Korea in the Panmunjom thaw: it talks to everyone; the North talks to neither Washington nor Tokyo.
 * Screenshots at 1280×720 and 1920×1080 go to tests/e2e/screenshots/.
 */
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { phaseHeading, startFromMenu, watchErrors } from './helpers.ts';

const site = useSite();

describe('mediation in the composer', () => {
  test.each([
    [1280, 720],
    [1920, 1080],
  ])('at %i×%i: who may be brought together, and a package between two who talk is refused', async (w, h) => {
    const page = await site.browser.newPage({ viewport: { width: w, height: h } });
    const errors = watchErrors(page);
    await startFromMenu(page, site.url, { seed: 'e2e-mediate' });
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');

    const hint = page.locator('.mediation-hint');
    await expect.poll(() => hint.textContent()).toMatch(/North Korea and United States/);
    expect(await hint.textContent()).toMatch(/North Korea and Japan/);

    // Japan and the United States, allies who talk: the problem is shown at once, and the parties line says why.
    await page.getByRole('combobox', { name: 'Term 1: who acts' }).selectOption('JPN', F);
    await page.getByRole('combobox', { name: 'Term 2: who acts' }).selectOption('USA', F);
    const problem = page.getByRole('status').filter({ hasText: 'cannot mediate between governments' });
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await problem.textContent()).toMatch(/Japan and United States/);
    expect(await page.locator('.preview', { hasText: 'Parties:' }).textContent()).toMatch(
      /they already talk directly/,
    );
    await problem.scrollIntoViewIfNeeded();
    await shot(page, `mediation-01-no-bridge-${w}`);

    // Japan and North Korea cannot talk: the package is a bridge, and it can be added.
    await page.getByRole('combobox', { name: 'Term 2: who acts' }).selectOption('DPRK', F);
    await expect.poll(() => problem.isVisible()).toBe(false);
    expect(await page.locator('.preview', { hasText: 'Parties:' }).textContent()).toMatch(
      /bridging Japan and North Korea, who cannot talk directly/,
    );
    // What the package would do to the peace process, carried out in full: Japan and the North are rivals.
    expect(await page.locator('.preview-notes').textContent()).toMatch(
      /Carried out in full, it (can|will not) move the peace process/,
    );
    await page.locator('.preview-notes').scrollIntoViewIfNeeded();
    await shot(page, `mediation-02-bridge-${w}`);
    await page.getByRole('button', { name: /^Add this offer/ }).click(F);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Offers to send this round (1 of 3)' }).isVisible())
      .toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
