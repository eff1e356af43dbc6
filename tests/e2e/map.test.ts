/**
 * The map is where you play: a click on a capital opens your relations with that government and starts an
 * offer to it, which is sent from there; the same by keyboard, with names a screen reader reads; typing a number
 * and clicking "Add this offer" at once adds it; and the canvas has the device's pixels (sharp at 2×).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { F, SHOTS, shot, useSite } from './browser.ts';
import { phaseHeading, proposeButton, startFromMenu, watchErrors } from './helpers.ts';

const site = useSite();

describe('the map', () => {
  test('a click on a capital starts an offer to that government, which is sent from there', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await startFromMenu(page, site.url, { seed: 'map-offer' });
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    await page.locator('.board-canvas[data-ready] canvas').waitFor();

    // Each capital is a button named with your relations with it.
    const pyongyang = page.getByRole('button', { name: /^North Korea: / });
    expect(await pyongyang.getAttribute('aria-label')).toMatch(
      /^North Korea: trust \d+ from you \((low|guarded|high)\), its trust in you hidden; .*deals? in force with you; relations and offer$/,
    );
    expect(
      await page.getByRole('group', { name: 'Governments on the map' }).getByRole('button').count(),
    ).toBe(6);

    // The buttons' layer has the canvas's box, so each button sits on its marker.
    const boxes = await page.evaluate(() => {
      const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const [a, b] = [r('.board-canvas canvas'), r('.board-hotspots')];
      return [a.x, a.y, a.width, a.height, b.x, b.y, b.width, b.height];
    });
    for (let k = 0; k < 4; k++) expect(Math.abs(boxes[k]! - boxes[k + 4]!)).toBeLessThan(2);
    // A real click where North Korea's marker is drawn.
    const box = (await pyongyang.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const card = page.getByRole('dialog', { name: 'North Korea' });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Your trust in North Korea: \d+ of 100/);
    expect(await card.textContent()).toMatch(/North Korea’s trust in you: secret/);
    await shot(page, 'map-01-card-1280');
    await card.getByRole('button', { name: 'Make an offer to North Korea' }).click(F);

    // The composer now has North Korea as the other party, and the focus.
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Term 2: who acts' }).inputValue())
      .toBe('DPRK');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.composer') !== null))
      .toBe(true);

    // Type a number and click "Add this offer" at once (no Tab first): the first click adds the offer.
    await page.getByRole('spinbutton', { name: 'Steps' }).fill('2');
    await page.getByRole('button', { name: /^Add this offer/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Offers to send this round (1 of 3)' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('article', { name: 'Offer 1 to send' }).textContent()).toMatch(
      /with North Korea.*2 steps/,
    );
    await proposeButton(page).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Answer offers');
    const mine = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: /^Your offer #\d+$/ }) });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.textContent()).toMatch(/North Korea/);

    // In this phase the card says offers wait for the next round's phase 1.
    await pyongyang.click(F);
    await expect
      .poll(() => page.getByRole('dialog', { name: 'North Korea' }).textContent())
      .toMatch(/Offers are made in phase 1/);
    expect(await page.getByRole('button', { name: /^Make an offer to/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('by keyboard: Enter on a capital opens the card, Escape closes it and gives the focus back', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = watchErrors(page);
    await startFromMenu(page, site.url, { seed: 'map-keys' });
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    await page.locator('.board-canvas[data-ready] canvas').waitFor();
    const usa = page.getByRole('button', { name: /^United States: / });
    await usa.focus();
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: 'United States' });
    await card.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('United States');
    await page.waitForTimeout(300);
    await shot(page, 'map-02-card-1920');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toMatch(/^United States: /);
    // Your own marker tells your deals; the layer switch hides the deal lines and the legend names each state.
    expect(await page.getByRole('button', { name: /^South Korea \(you\): / }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Deal lines' }).textContent()).toMatch(
      /kept.*disputed.*broken/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the canvas has the device pixels: sharp at a 2× pixel ratio', async () => {
    const context = await site.browser.newContext({
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await startFromMenu(page, site.url, { seed: 'map-sharp' });
    await page.locator('.board-canvas[data-ready] canvas').waitFor();
    const size = await page
      .locator('.board-canvas canvas')
      .evaluate((c: HTMLCanvasElement) => ({ pixels: c.width, shown: c.getBoundingClientRect().width }));
    expect(size.pixels).toBeGreaterThanOrEqual(size.shown * 2 * 0.98);
    await page.waitForTimeout(300);
    await page.locator('.board-canvas').screenshot({ path: path.join(SHOTS, 'map-03-board-2x.png') });
    await context.close();
  });
});
