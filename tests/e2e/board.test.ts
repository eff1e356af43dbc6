/**
 * The board in a real browser: a round resolves and its moves play over the map; the animation controls
 * (skip, speed, sound) are reached by role and name; screenshots at 1280×720 and 1920×1080 go to
 * tests/e2e/screenshots/ for a person to look at. The frame rate while moves play is printed, not asserted.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { framesPerSecond } from '../../src/cli/chromium.ts';
import { SHOTS, shot, useSite } from './browser.ts';

const site = useSite();

const phaseHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Round \d+: / });
const controls = (page: Page) => page.getByRole('group', { name: 'Board animation' });

async function start(page: Page): Promise<void> {
  await page.goto(site.url);
  await page.getByRole('radio', { name: /The Panmunjom thaw/ }).check();
  await page.getByRole('radio', { name: /^South Korea/ }).check();
  await page.getByRole('textbox', { name: 'Seed' }).fill('board-seed-1');
  await page.getByRole('button', { name: 'Start the game' }).click();
  await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
  await page.locator('.board-canvas canvas').waitFor();
}

/** Plays one round: no offers, no answers, one action (aid to North Korea), then closes the summary. */
async function playRound(page: Page, round: number, action = 'humanitarian-aid'): Promise<void> {
  await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Propose deals`);
  await page.getByRole('button', { name: 'Send offers and end proposals' }).click();
  await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Answer offers`);
  await page
    .getByRole('button', { name: /^(Send answers and end this phase|Continue to commitments)$/ })
    .click();
  await expect
    .poll(() => phaseHeading(page).textContent())
    .toBe(`Round ${round}: Keep or break your word, and act`);
  await page.getByRole('combobox', { name: 'Action 1' }).selectOption(action);
  const toward = page.getByRole('combobox', { name: 'toward' });
  if (await toward.isVisible()) await toward.selectOption('DPRK');
  await page.getByRole('button', { name: 'Commit and resolve the round' }).click();
  const dialog = page.getByRole('dialog', { name: /^Round \d+ \(.+\) resolved$/ });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /^Continue to round \d+$/ }).click();
}

describe('the board', () => {
  test('animates a resolved round, with skip and speed controls, readable at 1280×720 and 1920×1080', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await start(page);

    const bar = controls(page);
    const skip = bar.getByRole('button', { name: 'Skip animation' });
    const speed = bar.getByRole('combobox', { name: 'Animation speed' });
    const sound = bar.getByRole('button', { name: 'Sound effects' });
    await expect.poll(() => skip.isDisabled()).toBe(true);
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    await page.waitForTimeout(500);
    await shot(page, 'board-01-start-1280');

    // Round 1 resolves: the moves play once the summary is closed.
    await playRound(page, 1);
    await expect.poll(() => skip.isEnabled()).toBe(true);
    await page.waitForTimeout(700);
    await shot(page, 'board-02-playing-1280');
    await page.locator('.board-canvas').screenshot({ path: path.join(SHOTS, 'board-02b-canvas-1280.png') });
    const measured = await framesPerSecond(page, 3000);
    const stillPlaying = await skip.isEnabled();

    // Faster, then skip with the keyboard; the choice of speed is remembered.
    await speed.selectOption('4');
    expect(await speed.inputValue()).toBe('4');
    await skip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => skip.isDisabled()).toBe(true);
    // Sound is off until the player turns it on, and the choice is remembered too.
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('true');
    // 1920×1080, the board mounted at that size: another round plays.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.reload();
    await start(page);
    expect(await controls(page).getByRole('combobox', { name: 'Animation speed' }).inputValue()).toBe('4');
    const soundAgain = controls(page).getByRole('button', { name: 'Sound effects' });
    expect(await soundAgain.getAttribute('aria-pressed')).toBe('true');
    await soundAgain.click();
    await controls(page).getByRole('combobox', { name: 'Animation speed' }).selectOption('1');

    await playRound(page, 1, 'public-diplomacy');
    await expect
      .poll(() => controls(page).getByRole('button', { name: 'Skip animation' }).isEnabled())
      .toBe(true);
    await page.waitForTimeout(700);
    await shot(page, 'board-03-playing-1920');
    await page.locator('.board-canvas').screenshot({ path: path.join(SHOTS, 'board-03b-canvas-1920.png') });
    await controls(page).getByRole('button', { name: 'Skip animation' }).click();
    await page.waitForTimeout(300);
    await shot(page, 'board-04-after-1920');

    const figure = { fps: Math.round(measured * 10) / 10, stillPlaying, governments: 6, ms: 3000 };
    writeFileSync(path.join(SHOTS, 'board-fps.json'), JSON.stringify(figure, null, 2));
    console.log(`board: ${figure.fps} frames/s while moves played (headless Chromium, 6 governments)`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('shows the moves in place when the player prefers reduced motion', async () => {
    const context = await site.browser.newContext({
      viewport: { width: 1280, height: 720 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await start(page);
    await playRound(page, 1);
    const skip = controls(page).getByRole('button', { name: 'Skip animation' });
    await expect.poll(() => skip.isEnabled()).toBe(true);
    await page.waitForTimeout(400);
    await page.locator('.board-canvas').screenshot({ path: path.join(SHOTS, 'board-05-reduced-motion.png') });
    await skip.click();
    await expect.poll(() => skip.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
