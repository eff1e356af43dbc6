/**
 * A refusal as a player meets it. In the present day the North signs nothing with the South: playing South Korea,
 * the map card for North Korea says so instead of blaming trust, the card offers no offer to it, and the composer
 * lists North Korea greyed out as "no dealings". Screenshots at 1280×720 in tests/e2e/screenshots/.
 */
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { phaseHeading, startFromMenu, watchErrors } from './helpers.ts';

const site = useSite();

describe('a refusal', () => {
  test('playing South Korea in the present day, the North is marked as signing nothing with you', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await startFromMenu(page, site.url, { scenario: /Two hostile states/, seed: 'refusal-e2e' });
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    await page.locator('.board-canvas[data-ready] canvas').waitFor();

    await page.getByRole('button', { name: /^North Korea: / }).click(F);
    const card = page.getByRole('dialog', { name: 'North Korea' });
    await card.waitFor();
    await expect
      .poll(() => card.textContent())
      .toContain(
        'North Korea signs nothing with South Korea in this scenario. No deal can bind you both, even through a mediator.',
      );
    expect(await card.textContent()).not.toContain('too little trust');
    expect(await card.getByRole('button', { name: /^Make an offer to/ }).count()).toBe(0);
    // The phase's hint says it too, beside whom the South can talk to.
    expect(await page.getByText(/^You can talk directly to: /).textContent()).toMatch(
      /North Korea signs nothing with South Korea in this scenario\.$/,
    );
    await shot(page, 'refusal-01-card-1280');
    await page.keyboard.press('Escape');

    // The composer: North Korea is listed, greyed out, with the reason in a word.
    const option = page
      .getByRole('combobox', { name: 'Term 2: who acts' })
      .locator('option', { hasText: 'North Korea' });
    expect(await option.textContent()).toBe('North Korea (no dealings)');
    expect(await option.isDisabled()).toBe(true);
    // China, whom the South may deal with, is not.
    expect(
      await page
        .getByRole('combobox', { name: 'Term 2: who acts' })
        .locator('option', { hasText: 'China' })
        .isDisabled(),
    ).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
