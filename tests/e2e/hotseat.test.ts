/**
 * Hot-seat: two governments played by people on one device. Each turn starts behind a hand-over screen
 * that shows nothing of the previous player's game; each player sees only their own view (their trust,
 * their briefing, their log), and their round summary only after the hand-over.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { F, MENU, shot, useSite } from './browser.ts';
import {
  answerButton,
  commitButton,
  phaseHeading,
  proposeButton,
  startFromMenu,
  watchErrors,
} from './helpers.ts';

const site = useSite();

// Words from each government's private briefing in the scenario file.
const ROK_SECRET = 'You may mediate between the US and the North';
const PRC_SECRET = 'Your lifeline lets Pyongyang wait out pressure';

const handover = (page: Page, name: string) =>
  page.getByRole('heading', { level: 2, name: `Pass the device to the player of ${name}` });
const html = (page: Page) => page.content();

/** Trust meters on the screen: name → value. */
async function trustMeters(page: Page): Promise<Record<string, string>> {
  const meters = page.getByRole('meter', { name: /^Your trust in / });
  const out: Record<string, string> = {};
  for (let k = 0; k < (await meters.count()); k++) {
    const m = meters.nth(k);
    out[(await m.getAttribute('aria-label'))!] = (await m.getAttribute('aria-valuenow'))!;
  }
  return out;
}

/** Continues past a hand-over and closes the briefing or summary that follows, if any. */
async function takeOver(page: Page, name: string): Promise<void> {
  await handover(page, name).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click(F);
  await phaseHeading(page).waitFor();
}

describe('hot-seat', () => {
  test('the hand-over hides each player’s secrets from the next', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    // At setup, with two people playing, nobody's private briefing is shown.
    await page.getByRole('radio', { name: /The Panmunjom thaw/ }).check(MENU);
    await page.getByRole('radio', { name: /^South Korea/ }).check(MENU);
    await page.getByRole('checkbox', { name: 'China is played by a person' }).check(MENU);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Hot-seat game: 2 players' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('combobox', { name: 'China' }).isDisabled()).toBe(true);
    expect(await html(page)).not.toContain(ROK_SECRET);
    await shot(page, 'hotseat-01-menu');
    await startFromMenu(page, site.url, { humans: ['China'], seed: 'hotseat-1' });

    // South Korea's turn: hand-over first, then the briefing, for South Korea only.
    await handover(page, 'South Korea').waitFor();
    expect(await page.getByRole('meter').count()).toBe(0);
    await shot(page, 'hotseat-02-handover-rok');
    await page.getByRole('button', { name: 'Continue' }).click(F);
    const briefing = page.getByRole('dialog', { name: 'Your briefing: South Korea' });
    await briefing.waitFor();
    expect(await briefing.textContent()).toContain(ROK_SECRET);
    await shot(page, 'hotseat-03-briefing-rok');
    await briefing.getByRole('button', { name: 'Start' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    const rokTrust = await trustMeters(page);
    expect(Object.keys(rokTrust)).toContain('Your trust in China');
    expect(Object.keys(rokTrust)).not.toContain('Your trust in South Korea');
    expect(await page.getByRole('rowheader', { name: /South Korea \(you\)/ }).count()).toBe(1);
    await page.locator('.board-canvas canvas').waitFor();
    await shot(page, 'hotseat-04-rok-playing');
    await proposeButton(page).click(F);

    // The hand-over to China: nothing of South Korea's is left in the page.
    await handover(page, 'China').waitFor();
    let dom = await html(page);
    expect(dom).not.toContain(ROK_SECRET);
    expect(dom).not.toContain('South Korea (you)');
    expect(dom).not.toContain('Your trust in');
    expect(dom).not.toContain('What you have seen');
    expect(await page.getByRole('meter').count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await shot(page, 'hotseat-05-handover-prc');

    // China's screen: China's own view and briefing, none of South Korea's.
    await page.getByRole('button', { name: 'Continue' }).click(F);
    const prcBriefing = page.getByRole('dialog', { name: 'Your briefing: China' });
    await prcBriefing.waitFor();
    expect(await prcBriefing.textContent()).toContain(PRC_SECRET);
    await prcBriefing.getByRole('button', { name: 'Start' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    dom = await html(page);
    expect(dom).not.toContain(ROK_SECRET);
    expect(dom).not.toContain('South Korea (you)');
    expect(await page.getByRole('rowheader', { name: /China \(you\)/ }).count()).toBe(1);
    const prcTrust = await trustMeters(page);
    expect(Object.keys(prcTrust)).toContain('Your trust in South Korea');
    expect(Object.keys(prcTrust)).not.toContain('Your trust in China');
    await shot(page, 'hotseat-06-prc-playing');
    await proposeButton(page).click(F);

    // Answers and commitments, turn by turn.
    for (const name of ['South Korea', 'China']) {
      await takeOver(page, name);
      await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Answer offers');
      await answerButton(page).click(F);
    }
    await takeOver(page, 'South Korea');
    await page.getByRole('combobox', { name: 'Action 1' }).selectOption('public-diplomacy', F);
    await commitButton(page).click(F);
    await handover(page, 'China').waitFor();
    // South Korea's secret choice is not on China's hand-over screen.
    expect(await html(page)).not.toMatch(/public-diplomacy|Public diplomacy/i);
    await takeOver(page, 'China');
    await commitButton(page).click(F);

    // Round 2 begins with South Korea's summary, after the hand-over; then China's after the next one.
    await handover(page, 'South Korea').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click(F);
    const summary = page.getByRole('dialog', { name: /^Round 1 \(.+\) resolved$/ });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('For South Korea only.');
    await shot(page, 'hotseat-07-summary-rok');
    await summary.getByRole('button', { name: 'Continue to round 2' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');
    await proposeButton(page).click(F);
    await handover(page, 'China').waitFor();
    expect(await html(page)).not.toContain('For South Korea only.');
    await page.getByRole('button', { name: 'Continue' }).click(F);
    const prcSummary = page.getByRole('dialog', { name: /^Round 1 \(.+\) resolved$/ });
    await prcSummary.waitFor();
    expect(await prcSummary.textContent()).toContain('For China only.');
    expect(await prcSummary.textContent()).not.toMatch(/Public diplomacy/i);
    expect(errors).toEqual([]);
    await page.close();
  });
});
