/**
 * Replay and share: a finished game is replayed round by round (board, meters and log as they were, seen as
 * any government) from a JSON game record; a saved game under way is downloaded (with only the person's own
 * inputs), offers no replay (a shared screen would show every government's secrets), and loads back from its
 * file to continue; a bad file says why.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import { ENGINE_VERSION, runGame, startGame } from '../../src/engine/index.ts';
import type { RecordedInput } from '../../src/engine/index.ts';
import { replayFrames } from '../../src/ui/screens/replay.ts';
import { SAVE_FORMAT } from '../../src/ui/records/saves.ts';
import type { SaveFile } from '../../src/ui/records/saves.ts';
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

/** A finished game of the shipped scenario, South Korea's seat marked as a person's, as a save file. */
function finishedGame(): { save: SaveFile; steps: number } {
  const loaded = readScenario('panmunjom-2018');
  const { world } = loaded;
  const seed = 'replay-finished';
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('objective')]));
  const inputs: RecordedInput[] = [];
  runGame(world, startGame(world, seed), computerChooser(world, seed, seats), (r) => inputs.push(r));
  const save: SaveFile = {
    format: SAVE_FORMAT,
    title: 'Finished game',
    savedAt: '2026-01-02T03:04:05.000Z',
    engine: ENGINE_VERSION,
    record: {
      engine: ENGINE_VERSION,
      scenario: { id: world.id, hash: world.hash },
      seed,
      seats: Object.fromEntries(world.actors.map((a) => [a.id, a.id === 'ROK' ? 'human' : 'objective'])),
      inputs: inputs as unknown as SaveFile['record']['inputs'],
    },
  };
  return { save, steps: replayFrames(loaded, save).length };
}

describe('replay and share', () => {
  test('replays a finished game step by step; a game under way is downloaded, never replayed, and continues from its file', async () => {
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

    // A game under way: continue, download, share, but no replay.
    await page.getByRole('button', { name: 'Continue “Replay me”' }).waitFor();
    expect(await page.getByRole('button', { name: 'Replay “Replay me”' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download “Replay me”' }).click(F),
    ]);
    expect(download.suggestedFilename()).toBe('qpq-replay-me.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(text) as {
      format: string;
      record: { seed: string; inputs: { actor: string }[] };
    };
    expect(file.format).toBe('quid-pro-quo-save');
    expect(file.record.seed).toBe('replay-seed-1');
    // Only South Korea's own inputs (two rounds of three phases), and no computer's explanation.
    expect(file.record.inputs.length).toBe(2 * 3);
    expect(file.record.inputs.every((r) => r.actor === 'ROK')).toBe(true);
    expect(text).not.toMatch(/"why"/);

    // A bad file says what is wrong.
    const picker = page.getByLabel('Load a game record file (.json)');
    await picker.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('nope'),
    });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'bad.json' }).textContent())
      .toMatch(/^The file bad\.json is damaged: it is not valid JSON/);

    // A finished game's record replays: the start of every round, then the end, the log growing as it did.
    const finished = finishedGame();
    const n = finished.steps;
    await picker.setInputFiles({
      name: 'finished.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(finished.save)),
    });
    await page.getByRole('button', { name: 'Replay finished.json' }).click(F);
    await expect.poll(() => replayHeading(page).textContent()).toBe(`Start of round 1 — step 1 of ${n}`);
    expect(await page.getByRole('button', { name: '← Previous round' }).isDisabled()).toBe(true);
    const entries1 = await logEntries(page);
    expect(await logRound(page, 1)).toBe(1);
    await page.locator('.board-canvas canvas').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'replay-01-round1');
    // From the keyboard: Next round.
    await page.getByRole('button', { name: 'Next round →' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => replayHeading(page).textContent()).toBe(`Start of round 2 — step 2 of ${n}`);
    // Round 1 was played by then: the log has grown.
    expect(await logEntries(page)).toBeGreaterThan(entries1);
    await page.getByRole('button', { name: 'Next round →' }).click(F);
    await expect.poll(() => replayHeading(page).textContent()).toBe(`Start of round 3 — step 3 of ${n}`);
    // Seen as China.
    await page.getByRole('combobox', { name: 'See as' }).selectOption('PRC', F);
    await expect.poll(() => page.getByRole('rowheader', { name: /China \(you\)/ }).count()).toBe(1);
    await shot(page, 'replay-02-round3-china');
    await page.getByRole('button', { name: '← Previous round' }).click(F);
    await expect.poll(() => replayHeading(page).textContent()).toBe(`Start of round 2 — step 2 of ${n}`);
    await page.getByRole('button', { name: 'Back to the menu' }).click(F);

    // The downloaded game under way loads back from its file and continues where it was.
    await picker.setInputFiles({
      name: 'shared.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.getByRole('button', { name: 'Continue shared.json' }).waitFor();
    expect(await page.getByRole('button', { name: 'Replay shared.json' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Continue shared.json' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 3: Propose deals');
    expect(errors).toEqual([]);
    await page.close();
  });
});
