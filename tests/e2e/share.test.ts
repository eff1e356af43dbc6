/**
 * A game shared as a link: the save dialog makes a link (shown in a read-only box, since the clipboard is not
 * for headless pages), a fresh browser opens it and continues the game at the same round with the same log,
 * but cannot replay it before its end (a replay shows every government's secrets); a damaged link says so on the menu and leaves the saved games alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { phaseHeading, playQuietRound, roundLog, startFromMenu, watchErrors } from './helpers.ts';

const site = useSite();

const storage = (page: Page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

describe('share a game as a link', () => {
  test('a link opens the game in a fresh browser at the same round; a damaged one is named', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await startFromMenu(page, site.url, { seed: 'share-seed-1' });
    await playQuietRound(page, 1);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');
    const round1 = await roundLog(page, 1);
    expect(round1).toContain('Round 1');

    // The save dialog makes the link and shows it, selected.
    await page.getByRole('button', { name: 'Save game' }).click(F);
    const dialog = page.getByRole('dialog', { name: 'Save this game' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Copy link to this game' }).click(F);
    const box = dialog.getByRole('textbox', { name: 'Link to this game' });
    await expect.poll(() => box.inputValue()).toMatch(/#game=[A-Za-z0-9_-]{100,}$/);
    const link = await box.inputValue();
    expect(link.startsWith(site.url)).toBe(true);
    await expect.poll(() => dialog.getByRole('status').last().textContent()).toMatch(/copy|copied/i);
    await shot(page, 'share-01-save-dialog-link');
    expect(await storage(page)).toBe('[]');

    // A fresh browser (no saves, no history) opens the link: the menu offers the game.
    const other = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const fresh = await other.newPage();
    const freshErrors = watchErrors(fresh);
    await fresh.goto(link);
    const offer = fresh.getByRole('status').filter({ hasText: 'A game shared with you' });
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(
      /^A game shared with you \(1 round played\): “The Panmunjom thaw — South Korea, round 2” on /,
    );
    await shot(fresh, 'share-02-menu-offer');
    await fresh.getByRole('button', { name: 'Continue the shared game' }).click(F);
    await expect.poll(() => phaseHeading(fresh).textContent()).toBe('Round 2: Propose deals');
    expect(await roundLog(fresh, 1)).toBe(round1);
    // The game is open: the link's fragment leaves the address, and nothing was saved.
    expect(new URL(fresh.url()).hash).toBe('');
    expect(await storage(fresh)).toBe('[]');
    await shot(fresh, 'share-03-continued');

    // A game under way is never replayed from its link: a replay would show every government's secrets.
    const watch = await other.newPage();
    await watch.goto(link);
    await watch.getByRole('button', { name: 'Continue the shared game' }).waitFor();
    expect(await watch.getByRole('button', { name: 'Replay the shared game' }).count()).toBe(0);
    await shot(watch, 'share-04-no-replay-under-way');

    // A link cut short: the menu says so, and the saved games are left as they were.
    await fresh.evaluate(() => localStorage.setItem('qpq.save.kept', '{"kept": true}'));
    const before = await storage(fresh);
    const damaged = await other.newPage();
    await damaged.goto(link.slice(0, link.length - 30));
    const alert = damaged.getByRole('alert').filter({ hasText: 'The shared link' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^The shared link is damaged: /);
    await shot(damaged, 'share-05-damaged-link');
    expect(await storage(damaged)).toBe(before);

    // A link that is not a game at all (base64 of something else) gets the same kind of sentence.
    await damaged.goto(`${site.url}#game=bm90IGEgZ2FtZQ`);
    await damaged.getByRole('alert').filter({ hasText: 'The shared link is damaged' }).waitFor();
    expect(await storage(damaged)).toBe(before);

    expect(errors).toEqual([]);
    expect(freshErrors).toEqual([]);
    await other.close();
    await page.close();
  });
});
