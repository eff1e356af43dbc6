/**
 * The tutorial as a new player meets it: "Play the tutorial" on the menu opens the landmine scenario as
 * South Korea with a coach that points at one control at a time and waits. The player does what it asks,
 * through the whole first round and into the second, then closes it, reopens it and closes it with Escape.
 * Screenshots of each step go to tests/e2e/screenshots/tutorial-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { answerButton, commitButton, phaseHeading, proposeButton, watchErrors } from './helpers.ts';

const site = useSite();

const coach = (page: Page) => page.locator('aside.coach');
const coachTitle = (page: Page) => coach(page).getByRole('heading', { level: 2 });
const coachButton = (page: Page, name: string) => coach(page).getByRole('button', { name, exact: true });

async function expectStep(page: Page, title: string): Promise<void> {
  await expect.poll(() => coachTitle(page).textContent()).toBe(title);
}

/** The elements the coach highlights now, by a short description. */
const highlighted = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('.coach-target')].map(
      (el) =>
        `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`,
    ),
  );

describe('the tutorial', () => {
  test('a new player is coached through a whole round and into the next', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    // The menu's invitation and the coach's words come from the scenario's coach section.
    expect(await page.locator('.tutorial-entry').textContent()).toContain(
      'New here? Lead South Korea through the 2015 landmine crisis with a coach beside you.',
    );
    await page.getByRole('button', { name: 'Play the tutorial' }).click(F);

    // Welcome: the coach opens by itself and its text has the focus.
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    await expectStep(page, 'Welcome to Quid Pro Quo');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('coach-text');
    expect(await page.getByRole('complementary', { name: 'Welcome to Quid Pro Quo' }).isVisible()).toBe(true);
    expect(await coach(page).textContent()).toContain('You lead South Korea in August 2015.');
    await page.locator('.board-canvas canvas').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'tutorial-01-welcome');
    await coachButton(page, 'Show me around').click(F);

    // The briefing: read it from the top bar, close it.
    await expectStep(page, 'Read your briefing');
    expect(await highlighted(page)).toEqual(['button.small.quiet.coach-target']);
    await page.getByRole('banner').getByRole('button', { name: 'Briefing' }).click(F);
    const briefing = page.getByRole('dialog', { name: 'Your briefing: South Korea' });
    await briefing.waitFor();
    await shot(page, 'tutorial-02-briefing');
    await briefing.getByRole('button', { name: 'Start' }).click(F);

    // The board: trust lines, then the tension gauge and the table.
    await expectStep(page, 'The board: who trusts whom');
    expect(await highlighted(page)).toEqual(['figure.board.coach-target']);
    // What the trust allows, read from the channels open now: in August 2015 only the hotline lets them talk.
    expect(await coach(page).textContent()).toMatch(
      /You trust North Korea only \d+ of 100: below 20 you could not make an offer at all without the hotline \(H\) still open between you\./,
    );
    await shot(page, 'tutorial-03-trust');
    await coachButton(page, 'Next').click(F);
    await expectStep(page, 'The tension gauge and the numbers');
    await shot(page, 'tutorial-04-tension');
    await coachButton(page, 'Next').click(F);

    // Compose: the loudspeakers for regret. The coach moves on once both terms are there.
    await expectStep(page, 'Compose an offer');
    expect(await coach(page).textContent()).toContain('Try the trade that ended the August crisis.');
    expect(await coach(page).textContent()).toContain('Switch off the loudspeakers');
    await shot(page, 'tutorial-05-compose');
    await page.getByRole('combobox', { name: 'Term 1: action' }).selectOption('halt-broadcasts', F);
    await page.getByRole('combobox', { name: 'Term 1: toward whom' }).selectOption('DPRK', F);
    await page.getByRole('combobox', { name: 'Term 2: who acts' }).selectOption('DPRK', F);
    await page.getByRole('combobox', { name: 'Term 2: action' }).selectOption('express-regret', F);
    await expectStep(page, 'Verification and steps');

    // The preview follows the offer: the catalogue's numbers for the loudspeakers (tension −4 between rivals).
    const preview = page.getByRole('status', { name: 'Likely effects of this offer' });
    await expect
      .poll(() => preview.textContent())
      .toMatch(/You: Switch off the loudspeakers → North Korea: your support −1; tension −4\./);
    expect(await preview.textContent()).toMatch(/seen correctly 88 % of the time/);
    await page.getByRole('spinbutton', { name: 'Steps' }).fill('2');
    await page.getByRole('spinbutton', { name: 'Steps' }).press('Tab');
    await expectStep(page, 'Read the likely effects, then add the offer');
    await page.getByRole('radio', { name: 'Inspections' }).check(F);
    await expect.poll(() => preview.textContent()).toMatch(/seen correctly 98 % of the time/);
    await shot(page, 'tutorial-06-preview');
    await page.getByRole('button', { name: /^Add this offer/ }).click(F);

    // Send, then answer what others offered.
    await expectStep(page, 'Send it');
    await proposeButton(page).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Answer offers');
    await expectStep(page, 'Answer the offers made to you');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('coach-text');
    const answers = page.getByRole('group', { name: /^Your answer to offer #\d+$/ });
    for (let k = 0; k < (await answers.count()); k++)
      await answers.nth(k).getByRole('radio', { name: 'Accept' }).check(F);
    await shot(page, 'tutorial-07-answer');
    await answerButton(page).click(F);

    // Commitment: keep or break, act, commit.
    await expect.poll(() => phaseHeading(page).textContent()).toMatch(/^Round 1: Keep/);
    await expectStep(page, 'Keep or break your promises');
    await shot(page, 'tutorial-08-honour');
    await coachButton(page, 'Next').click(F);
    await expectStep(page, 'Act on your own');
    await coachButton(page, 'Next').click(F);
    await expectStep(page, 'Commit the round');
    await commitButton(page).click(F);

    // The summary: the coach moves inside it, on what was seen and why it cannot be known.
    const summary = page.getByRole('dialog', { name: /^Round 1 \(.+\) resolved$/ });
    await summary.waitFor();
    await expectStep(page, 'What happened this round');
    expect(await summary.locator('aside.coach').count()).toBe(1);
    await page.waitForTimeout(200);
    await shot(page, 'tutorial-09-summary');
    await coachButton(page, 'Next').click(F);
    await expectStep(page, 'Reciprocity under noise');
    expect(await coach(page).textContent()).toMatch(
      /Generous reciprocity forgives an occasional apparent breach/,
    );
    await shot(page, 'tutorial-10-noise');
    await summary.getByRole('button', { name: 'Continue to round 2' }).click(F);

    // Round 2: verification pays, the log, and the end of the tutorial.
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');
    await expectStep(page, 'Buy less noise: verification');
    await shot(page, 'tutorial-11-verification');
    await coachButton(page, 'Next').click(F);
    await expectStep(page, 'Your record of the others');
    await coachButton(page, 'Next').click(F);
    await expectStep(page, 'You know the controls');
    expect(await coach(page).textContent()).toContain('North Korea tests a nuclear device in round 3');
    await coachButton(page, 'Finish the tutorial').click(F);
    await expect.poll(() => coach(page).isVisible()).toBe(false);
    expect(await highlighted(page)).toEqual([]);

    // It can be reopened from the top bar, and Escape closes it.
    const reopen = page.getByRole('banner').getByRole('button', { name: 'Tutorial' });
    await reopen.click(F);
    await expect.poll(() => coach(page).isVisible()).toBe(true);
    expect(await reopen.getAttribute('aria-expanded')).toBe('true');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(400);
    await shot(page, 'tutorial-12-reopened-1920');
    await coach(page).locator('.coach-text').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => coach(page).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('never blocks a player who goes their own way', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    await shot(page, 'tutorial-20-menu-1920');
    await page.getByRole('button', { name: 'Play the tutorial' }).click(F);
    await expectStep(page, 'Welcome to Quid Pro Quo');
    // The player ignores the coach and sends no offer: the coach catches up with the phase.
    await proposeButton(page).click(F);
    await expectStep(page, 'Answer the offers made to you');
    await page.waitForTimeout(300);
    await shot(page, 'tutorial-21-answer-1920');
    await coachButton(page, 'Skip the tutorial').click(F);
    await expect.poll(() => coach(page).isVisible()).toBe(false);
    await answerButton(page).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toMatch(/^Round 1: Keep/);
    await commitButton(page).click(F);
    await page
      .getByRole('dialog', { name: /^Round 1 / })
      .getByRole('button', { name: 'Continue to round 2' })
      .click(F);
    // Reopened later, it picks up where the game is.
    await page.getByRole('banner').getByRole('button', { name: 'Tutorial' }).click(F);
    await expectStep(page, 'Buy less noise: verification');
    expect(errors).toEqual([]);
    await page.close();
  });
});
