/**
 * Replay and share: a saved game is replayed round by round (board, meters and log as they were, seen as
 * any government), downloaded as a JSON game record, and loaded back from that file; a bad file says why.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { phaseHeading, playQuietRound, startFromMenu, watchErrors } from './helpers.ts';

const site = useSite();

const replayHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /step \d+ of \d+/ });
const logEntries = (page: Page) =>
  page.getByRole('region', { name: 'The log as it was' }).getByRole('listitem').count();
const logRound = (page: Page, round: number) =>
  page
    .getByRole('region', { name: 'The log as it was' })
    .getByRole('region', { name: `Round ${round}` })
    .count();

describe('replay and share', () => {
  test('replays a saved game step by step, downloads its record and loads it from a file', async () => {
    const page = await site.browser.newPage({
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
    });
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await startFromMenu(page, site.url, { seed: 'replay-seed-1' });
    await playQuietRound(page, 1);
    await playQuietRound(page, 2);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 3: Propose deals');
    await page.getByRole('button', { name: 'Save game' }).click(F);
    await page.getByRole('textbox', { name: 'Name' }).fill('Replay me');
    await page.getByRole('button', { name: 'Save', exact: true }).click(F);
    await page.getByRole('button', { name: 'New game' }).click(F);

    // Replay: three steps (the start of rounds 1, 2 and 3), the log growing as it did.
    await page.getByRole('button', { name: 'Replay “Replay me”' }).click(F);
    await expect.poll(() => replayHeading(page).textContent()).toBe('Start of round 1 — step 1 of 3');
    expect(await page.getByRole('button', { name: '← Previous round' }).isDisabled()).toBe(true);
    const entries1 = await logEntries(page);
    expect(await logRound(page, 1)).toBe(1);
    await page.locator('.board-canvas canvas').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'replay-01-round1');
    // From the keyboard: Next round.
    await page.getByRole('button', { name: 'Next round →' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => replayHeading(page).textContent()).toBe('Start of round 2 — step 2 of 3');
    // Round 1 was played by then: the log has grown.
    expect(await logEntries(page)).toBeGreaterThan(entries1);
    await page.getByRole('button', { name: 'Next round →' }).click(F);
    await expect.poll(() => replayHeading(page).textContent()).toBe('Start of round 3 — step 3 of 3');
    expect(await page.getByRole('button', { name: 'Next round →' }).isDisabled()).toBe(true);
    // Seen as China.
    await page.getByRole('combobox', { name: 'See as' }).selectOption('PRC', F);
    await expect.poll(() => page.getByRole('rowheader', { name: /China \(you\)/ }).count()).toBe(1);
    await shot(page, 'replay-02-round3-china');
    await page.getByRole('button', { name: '← Previous round' }).click(F);
    await expect.poll(() => replayHeading(page).textContent()).toBe('Start of round 2 — step 2 of 3');
    await page.getByRole('button', { name: 'Back to the menu' }).click(F);

    // Share: download the record as JSON.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download “Replay me”' }).click(F),
    ]);
    expect(download.suggestedFilename()).toBe('qpq-replay-me.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(text) as { format: string; record: { seed: string; inputs: unknown[] } };
    expect(file.format).toBe('quid-pro-quo-save');
    expect(file.record.seed).toBe('replay-seed-1');
    expect(file.record.inputs.length).toBe(2 * 3 * 6);

    // A bad file says what is wrong; the downloaded one loads and replays.
    const picker = page.getByLabel('Load a game record file (.json)');
    await picker.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('nope'),
    });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'bad.json' }).textContent())
      .toMatch(/^The file bad\.json is damaged: it is not valid JSON/);
    await picker.setInputFiles({
      name: 'shared.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.getByRole('button', { name: 'Replay shared.json' }).click(F);
    await expect.poll(() => replayHeading(page).textContent()).toBe('Start of round 1 — step 1 of 3');
    await page.getByRole('button', { name: 'Back to the menu' }).click(F);
    await picker.setInputFiles({
      name: 'shared.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.getByRole('button', { name: 'Continue shared.json' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 3: Propose deals');
    expect(errors).toEqual([]);
    await page.close();
  });
});
