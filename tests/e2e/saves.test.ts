/**
 * Save and load: a game saved in a named slot survives a reload and continues exactly as the unsaved one
 * did; damaged slots (bad JSON, wrong shape, unknown scenario, changed scenario, an input the engine
 * rejects) each say what is wrong with which slot, and leave the other saves untouched and loadable.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import {
  closeSummary,
  phaseHeading,
  playQuietRound,
  roundLog,
  startFromMenu,
  watchErrors,
} from './helpers.ts';

const site = useSite();

const slot = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name });

describe('save and load', () => {
  test('a saved game reloads and continues the same; damaged saves are named and do no harm', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await startFromMenu(page, site.url, { seed: 'save-seed-1' });
    await playQuietRound(page, 1);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');

    // Save in a named slot, from the top bar.
    await page.getByRole('button', { name: 'Save game' }).click(F);
    const dialog = page.getByRole('dialog', { name: 'Save this game' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Class A');
    await shot(page, 'saves-01-save-dialog');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click(F);
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // Play on: what round 2 brings without the save.
    await playQuietRound(page, 2);
    const expected = await roundLog(page, 2);
    expect(expected).toContain('Round 2');

    // Damage some slots beside the good one.
    // Each save has a key of its own (not made from its title): find it by the title inside.
    const good = await page.evaluate(
      () =>
        Object.entries(localStorage).find(
          ([k, v]) => k.startsWith('qpq.save.') && (JSON.parse(v) as { title?: string }).title === 'Class A',
        )?.[1] ?? null,
    );
    expect(good).toBeTruthy();
    await page.evaluate((g) => {
      interface Save {
        title: string;
        record: { scenario: { id: string; hash: string }; inputs: { input: unknown }[] };
      }
      const save = JSON.parse(g) as Save;
      const variant = (title: string, change: (s: Save) => void): string => {
        const s = structuredClone(save);
        s.title = title;
        change(s);
        return JSON.stringify(s);
      };
      localStorage.setItem('qpq.save.broken-json', '{"format": "quid-pro-quo-save", "title": "Broken');
      localStorage.setItem(
        'qpq.save.wrong-shape',
        JSON.stringify({ ...save, title: 'Wrong shape', record: { seed: 5 } }),
      );
      localStorage.setItem(
        'qpq.save.unknown',
        variant('Unknown scenario', (s) => (s.record.scenario.id = 'atlantis')),
      );
      localStorage.setItem(
        'qpq.save.changed',
        variant('Changed scenario', (s) => (s.record.scenario.hash = 'deadbeefdeadbeef')),
      );
      localStorage.setItem(
        'qpq.save.rejected',
        variant(
          'Rejected input',
          (s) => (s.record.inputs[0]!.input = { phase: 'proposing', offers: [{ terms: [] }] }),
        ),
      );
    }, good!);
    const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

    // Reload: the menu lists every slot; the damaged ones say what is wrong.
    await page.reload();
    await page.getByRole('heading', { name: 'Saved games' }).waitFor();
    expect(await slot(page, 'broken-json').textContent()).toContain(
      'The save “broken-json” is damaged: it is not valid JSON',
    );
    expect(await slot(page, 'Wrong shape').textContent()).toMatch(
      /The save “Wrong shape” is not a Quid Pro Quo saved game \(record\./,
    );
    expect(await slot(page, 'Unknown scenario').textContent()).toContain(
      'is for the scenario “atlantis”, which is not available here',
    );
    expect(await slot(page, 'Changed scenario').textContent()).toContain(
      'was played on a different version of the scenario “The Panmunjom thaw”',
    );
    await shot(page, 'saves-02-menu-slots');

    // The one whose input the engine rejects says so when it is loaded, and the menu stays.
    await page.getByRole('button', { name: 'Continue “Rejected input”' }).click(F);
    const alert = page.getByRole('alert').filter({ hasText: 'Rejected input' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/The save “Rejected input” cannot be continued: .*rejected/);
    await shot(page, 'saves-03-rejected');
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);

    // The good save continues exactly as the game did.
    await page.getByRole('button', { name: 'Continue “Class A”' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');
    await playQuietRound(page, 2);
    expect(await roundLog(page, 2)).toBe(expected);
    await shot(page, 'saves-04-continued');

    // Deleting a damaged slot leaves the rest.
    await page.getByRole('button', { name: 'New game' }).click(F);
    await page.getByRole('button', { name: 'Delete “Changed scenario”' }).click(F);
    await expect.poll(() => slot(page, 'Changed scenario').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Continue “Class A”' }).count()).toBe(1);
    expect(errors).toEqual([]);
    void closeSummary;
    await page.close();
  });
});
