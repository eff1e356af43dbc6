/**
 * The round summary explains every number: for three rounds of a game, each change shown (its data-change, the
 * rounded end minus the rounded start) has causes whose amounts add up to it.
 */
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import {
  answerButton,
  commitButton,
  phaseHeading,
  proposeButton,
  startFromMenu,
  watchErrors,
} from './helpers.ts';

const site = useSite();

describe('the round summary', () => {
  test.each([
    [1280, 720],
    [1920, 1080],
  ])('at %ix%i shows causes that add up to every change, for three rounds', async (width, height) => {
    const page = await site.browser.newPage({ viewport: { width, height } });
    const errors = watchErrors(page);
    await startFromMenu(page, site.url, { seed: 'summary-causes' });
    let withCauses = 0;
    for (let round = 1; round <= 3; round++) {
      await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Propose deals`);
      await proposeButton(page).click(F);
      await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Answer offers`);
      const groups = page.getByRole('group', { name: /^Your answer to offer #\d+$/ });
      for (let k = 0; k < (await groups.count()); k++)
        await groups.nth(k).getByRole('radio', { name: 'Accept' }).check(F);
      await answerButton(page).click(F);
      await expect.poll(() => phaseHeading(page).textContent()).toMatch(new RegExp(`^Round ${round}: Keep`));
      await commitButton(page).click(F);
      const dialog = page.getByRole('dialog', { name: /^Round \d+ \(.+\) resolved$/ });
      await dialog.waitFor();
      const rows = await dialog.locator('[data-change]').evaluateAll((els) =>
        els.map((el) => ({
          text: el.textContent ?? '',
          change: Number(el.getAttribute('data-change')),
          causes: [...el.querySelectorAll('[data-amount]')].map((c) => Number(c.getAttribute('data-amount'))),
        })),
      );
      expect(rows.length).toBeGreaterThan(3);
      for (const r of rows) {
        if (r.change === 0 && r.causes.length === 0) continue;
        expect(
          r.causes.reduce((x, y) => x + y, 0),
          r.text,
        ).toBe(r.change);
        withCauses++;
      }
      await shot(page, `summary-causes-${width}-round-${round}`);
      await dialog.getByRole('button', { name: /^(Continue to round \d+|See the outcome)$/ }).click(F);
    }
    expect(withCauses).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
