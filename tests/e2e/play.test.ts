/**
 * A new player's whole game in a real browser: build the site with Vite, serve it with `vite preview`,
 * and drive Debian's Chromium through the menu, three rounds by hand and the rest to the outcome screen.
 * Locators are roles and accessible names, so the test also checks the controls are reachable that way.
 * Screenshots of each screen go to tests/e2e/screenshots/ (gitignored) for a person to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { F, MENU, SHOTS, shot, useSite } from './browser.ts';
import { replayToEnd, watchErrors } from './helpers.ts';

const site = useSite();

/** The heading of the phase panel, e.g. "Round 3: Answer offers". */
const phaseHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Round \d+: / });

async function currentPhase(page: Page): Promise<{ round: number; phase: 'propose' | 'answer' | 'commit' }> {
  const text = (await phaseHeading(page).textContent()) ?? '';
  const m = /^Round (\d+): (Propose|Answer|Keep)/.exec(text);
  if (!m) throw new Error(`Unexpected phase heading "${text}"`);
  return {
    round: Number(m[1]),
    phase: m[2] === 'Propose' ? 'propose' : m[2] === 'Answer' ? 'answer' : 'commit',
  };
}

/** Accepts every offer waiting for an answer; returns how many there were. */
let offerShot = false;
async function acceptAll(page: Page): Promise<number> {
  const groups = page.getByRole('group', { name: /^Your answer to offer #\d+$/ });
  const n = await groups.count();
  if (n > 0 && !offerShot) {
    offerShot = true;
    await shot(page, '04b-offer-to-answer');
  }
  for (let k = 0; k < n; k++) await groups.nth(k).getByRole('radio', { name: 'Accept' }).check(F);
  return n;
}

/** Closes the round summary and returns its title. */
async function closeSummary(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: /^Round \d+ \(.+\) resolved$/ });
  await dialog.waitFor();
  const title = (await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await dialog.getByRole('button', { name: /^(Continue to round \d+|See the outcome)$/ }).click(F);
  return title;
}

describe('a new player', () => {
  test('plays the Panmunjom scenario from the menu to the outcome', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(site.url);

    // The menu: scenario, government, computer players, seed, briefing.
    await page.getByRole('radio', { name: /The Panmunjom thaw/ }).check(MENU);
    await page.getByRole('radio', { name: /^South Korea/ }).check(MENU);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your briefing: South Korea' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('For your eyes only').isVisible()).toBe(true);
    await page.getByRole('combobox', { name: 'Japan' }).selectOption('random', F);
    await page.getByRole('textbox', { name: 'Seed' }).fill('e2e-seed-1');
    await shot(page, '01-menu');
    // Start from the keyboard.
    await page.getByRole('button', { name: 'Start the game' }).focus();
    await page.keyboard.press('Enter');

    // Round 1, proposals: the board is drawn and the composer is there.
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    await page.locator('.board-canvas canvas').waitFor();
    // The scenario's 70, and a point of fissile material from the first quarter ("The centrifuges keep spinning").
    await expect
      .poll(() =>
        page
          .getByRole('table')
          .getByRole('meter', { name: 'North Korea nuclear' })
          .getAttribute('aria-valuenow'),
      )
      .toBe('71');
    await page.waitForTimeout(300);
    await shot(page, '02-board-proposing');
    await page.locator('.board-canvas').screenshot({ path: path.join(SHOTS, '02b-board.png') });

    // An offer the engine would refuse shows its problem at once, in place of its preview, before "Add": a deal
    // needs terms for two governments.
    await page.getByRole('button', { name: 'Remove term 2' }).click(F);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'at least two governments' }).isVisible())
      .toBe(true);
    expect(await page.locator('.effect-preview').textContent()).toMatch(/No preview until the problem/);
    await page.getByRole('button', { name: '+ Something you ask for' }).click(F);

    // Compose: we send aid to North Korea; North Korea halts missile tests; inspections, two steps.
    await page.getByRole('combobox', { name: 'Term 1: action' }).selectOption('humanitarian-aid', F);
    await page.getByRole('combobox', { name: 'Term 1: toward whom' }).selectOption('DPRK', F);
    await page.getByRole('combobox', { name: 'Term 2: who acts' }).selectOption('DPRK', F);
    await page.getByRole('radio', { name: 'Inspections' }).check(F);
    await page.getByRole('spinbutton', { name: 'Steps' }).fill('2');
    await page.getByRole('spinbutton', { name: 'Steps' }).press('Tab');
    await page.getByRole('button', { name: /^Add this offer/ }).click(F);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Offers to send this round (1 of 3)' }).isVisible())
      .toBe(true);
    await shot(page, '03-offer-composed');
    await page.getByRole('button', { name: 'Send offers and end proposals' }).click(F);

    // Answers: accept what is offered, or see that nothing waits.
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Answer offers');
    await expect.poll(() => page.getByRole('heading', { name: /^Your offer #\d+$/ }).count()).toBe(1);
    const answered = await acceptAll(page);
    if (answered === 0)
      await expect
        .poll(() => page.getByText('No offer waits for your answer this round.').isVisible())
        .toBe(true);
    await shot(page, '04-answers');
    if (answered > 0) {
      // Each offer to answer carries the same preview as the composer: what it does, and what signing costs.
      const effects = page.getByText('Likely effects if it is signed and carried out').first();
      await effects.click(F);
      await expect
        .poll(() => page.locator('.answer-preview[open]').first().textContent())
        .toMatch(/Signing costs you about [\d.]+ support at home/);
      await shot(page, '04c-answer-preview');
    }
    await page
      .getByRole('button', { name: /^(Send answers and end this phase|Continue to commitments)$/ })
      .click(F);

    // Commitment: aid to North Korea on our own, and honour whatever we signed.
    await expect
      .poll(() => phaseHeading(page).textContent())
      .toBe('Round 1: Keep or break your word, and act');
    await page.getByRole('combobox', { name: 'Action 1' }).selectOption('humanitarian-aid', F);
    await page.getByRole('combobox', { name: 'toward' }).selectOption('DPRK', F);
    await shot(page, '05-commitment');
    await page.getByRole('button', { name: 'Commit and resolve the round' }).click(F);
    await page.waitForTimeout(200);
    await shot(page, '06-round-summary');
    expect(await closeSummary(page)).toMatch(/^Round 1 \(2018 Q1\) resolved$/);

    // Rounds 2 and 3: accept offers, honour deals, act once a round.
    let offersSeen = answered;
    for (let round = 2; round <= 3; round++) {
      await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Propose deals`);
      await page.getByRole('button', { name: 'Send offers and end proposals' }).click(F);
      await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Answer offers`);
      offersSeen += await acceptAll(page);
      await page
        .getByRole('button', { name: /^(Send answers and end this phase|Continue to commitments)$/ })
        .click(F);
      await expect
        .poll(() => phaseHeading(page).textContent())
        .toBe(`Round ${round}: Keep or break your word, and act`);
      if (round === 3) await shot(page, '07-round3-commitment');
      await page.getByRole('combobox', { name: 'Action 1' }).selectOption('public-diplomacy', F);
      await page.getByRole('button', { name: 'Commit and resolve the round' }).click(F);
      expect(await closeSummary(page)).toMatch(new RegExp(`^Round ${round} `));
    }
    await shot(page, '08-after-round3');
    // Our aid and campaigns cost our economy; the table shows it heading back to where it started (70), in words
    // for a screen reader too, while a number near where it is heading shows nothing more.
    const economy = page
      .getByRole('table')
      .getByRole('row', { name: /South Korea \(you\)/ })
      .getByRole('cell')
      .nth(2);
    expect(await economy.locator('.heading').textContent()).toBe('↗70');
    expect(await economy.locator('.sr-only').textContent()).toMatch(
      /^ Left to itself it is heading for about 70: one-off gains and costs fade/,
    );
    expect(await economy.getAttribute('title')).toContain('Left to itself it is heading for about 70');
    expect(
      await page.getByRole('table').getByRole('row', { name: /China/ }).locator('.heading').count(),
    ).toBe(0);
    await page.locator('.board-canvas').screenshot({ path: path.join(SHOTS, '08b-board.png') });
    expect(
      await page
        .getByRole('region', { name: 'What you have seen' })
        .getByRole('region', { name: 'Round 3' })
        .count(),
    ).toBe(1);

    // On to the end: do little, accept offers, honour deals.
    for (let guard = 0; guard < 60; guard++) {
      if (await page.getByRole('dialog').isVisible()) {
        const title = await closeSummary(page);
        if (await page.getByRole('heading', { name: /^Outcome: / }).isVisible()) break;
        expect(title).toMatch(/resolved$/);
        continue;
      }
      if (await page.getByRole('heading', { name: /^Outcome: / }).isVisible()) break;
      const { phase } = await currentPhase(page);
      if (phase === 'propose')
        await page.getByRole('button', { name: 'Send offers and end proposals' }).click(F);
      else if (phase === 'answer') {
        offersSeen += await acceptAll(page);
        await page
          .getByRole('button', { name: /^(Send answers and end this phase|Continue to commitments)$/ })
          .click(F);
      } else await page.getByRole('button', { name: 'Commit and resolve the round' }).click(F);
      await page.waitForTimeout(50);
    }

    // The outcome screen: the outcome, six scores, and the truth about every agreement.
    const outcome = page.getByRole('heading', { level: 2, name: /^Outcome: / });
    await outcome.waitFor();
    expect(await page.getByRole('region', { name: 'Scores' }).getByRole('row').count()).toBe(7);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Who kept and broke what' }).isVisible())
      .toBe(true);
    await shot(page, '09-outcome');
    await page.screenshot({ path: path.join(SHOTS, '10-outcome-full.png'), fullPage: true });
    // Over twelve rounds the computer governments address offers to us, and we answered them with the controls.
    expect(offersSeen).toBeGreaterThan(0);
    expect(errors).toEqual([]);

    // The finished game replays round by round, ending on the outcome with everything revealed.
    await replayToEnd(page);
    await shot(page, '11-replay-end');
    await page.getByRole('button', { name: 'Back to the menu' }).click(F);
    await page.getByRole('button', { name: 'Start the game' }).waitFor();
    await page.close();
    // Twelve rounds through the controls: each step waits on the board's WebGL frames in software rendering.
  }, 240_000);
});
