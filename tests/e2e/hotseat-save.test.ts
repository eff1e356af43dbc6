/**
 * A shared screen leaks (issue 15): in hot-seat, save mid-game → New game → Replay → "See as" another government
 * showed that government's secrets, then "Continue" returned to the game. Now a hot-seat game under way offers no
 * replay, and continuing it opens at the hand-over screen, showing nobody's game until its player takes over.
 */
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { phaseHeading, proposeButton, startFromMenu, watchErrors } from './helpers.ts';

const site = useSite();

describe('a hot-seat save', () => {
  test('a shared screen leaks: no longer, a hot-seat save opens at the hand-over screen and is never replayed', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await startFromMenu(page, site.url, { humans: ['China'], seed: 'hotseat-save' });
    const handover = (name: string) =>
      page.getByRole('heading', { level: 2, name: `Pass the device to the player of ${name}` });
    // South Korea proposes nothing; then China's turn behind its hand-over.
    await handover('South Korea').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click(F);
    await page
      .getByRole('dialog', { name: 'Your briefing: South Korea' })
      .getByRole('button', { name: 'Start' })
      .click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    await page.getByRole('button', { name: 'Save game' }).click(F);
    await page.getByRole('textbox', { name: 'Name' }).fill('Class hot-seat');
    await page.getByRole('button', { name: 'Save', exact: true }).click(F);
    await proposeButton(page).click(F);
    await handover('China').waitFor();
    await page.getByRole('button', { name: 'New game' }).click(F);

    // The menu: continue, but no replay.
    await page.getByRole('button', { name: 'Continue “Class hot-seat”' }).waitFor();
    expect(await page.getByRole('button', { name: 'Replay “Class hot-seat”' }).count()).toBe(0);
    await shot(page, 'hotseat-save-01-menu');
    await page.getByRole('button', { name: 'Continue “Class hot-seat”' }).click(F);
    await handover('South Korea').waitFor();
    expect(await page.getByRole('meter').count()).toBe(0);
    expect(await page.content()).not.toContain('Your trust in');
    await shot(page, 'hotseat-save-02-handover');
    expect(errors).toEqual([]);
    await page.close();
  });
});
