/**
 * Undo before the round is committed: within each input phase the player can take back the last change to
 * their draft (offers composed, answers, decisions, actions) or go back to how the phase began, until they
 * submit. Reached by role and name, and by Ctrl+Z.
 */
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import {
  answerButton,
  closeSummary,
  commitButton,
  phaseHeading,
  proposeButton,
  startFromMenu,
  watchErrors,
} from './helpers.ts';

const site = useSite();

describe('undo', () => {
  test('takes back changes to offers, answers and actions until the phase is submitted', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await startFromMenu(page, site.url, { seed: 'undo-seed' });
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const startOver = page.getByRole('button', { name: 'Start over' });
    const offersHeading = (n: number) =>
      n === 0
        ? page.getByText(/^Offers to send this round: none yet/)
        : page.getByRole('heading', { name: `Offers to send this round (${n} of 3)` });

    // Nothing to undo yet.
    expect(await undo.isDisabled()).toBe(true);
    expect(await startOver.isDisabled()).toBe(true);

    // Compose: aid to North Korea; verification by inspections; two steps. Add it.
    await page.getByRole('combobox', { name: 'Term 1: action' }).selectOption('humanitarian-aid', F);
    await page.getByRole('combobox', { name: 'Term 1: toward whom' }).selectOption('DPRK', F);
    await page.getByRole('radio', { name: 'Inspections' }).check(F);
    await page.getByRole('button', { name: /^Add this offer/ }).click(F);
    await expect.poll(() => offersHeading(1).isVisible()).toBe(true);
    // Adding resets the composer (partial verification); a second change to it: no verification.
    expect(await page.getByRole('radio', { name: 'Partial' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'None' }).check(F);
    await shot(page, 'undo-01-proposing');

    // Undo the verification change, then the added offer: the composer has the offer's terms again.
    await undo.click(F);
    await expect.poll(() => page.getByRole('radio', { name: 'Partial' }).isChecked()).toBe(true);
    await expect.poll(() => offersHeading(1).isVisible()).toBe(true);
    await undo.click(F);
    await expect.poll(() => offersHeading(0).isVisible()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Inspections' }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Term 1: action' }).inputValue()).toBe(
      'humanitarian-aid',
    );

    // Ctrl+Z from the keyboard undoes the verification choice.
    await page.getByRole('radio', { name: 'Inspections' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('radio', { name: 'Inspections' }).isChecked()).toBe(false);

    // Start over: back to the phase's opening draft, whatever was changed; nothing left to undo.
    await page.getByRole('radio', { name: 'Inspections' }).check(F);
    await page.getByRole('spinbutton', { name: 'Steps' }).fill('2');
    await page.getByRole('spinbutton', { name: 'Steps' }).press('Tab');
    await page.getByRole('button', { name: /^Add this offer/ }).click(F);
    await expect.poll(() => offersHeading(1).isVisible()).toBe(true);
    await startOver.click(F);
    await expect.poll(() => offersHeading(0).isVisible()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Partial' }).isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton', { name: 'Steps' }).inputValue()).toBe('1');
    expect(await undo.isDisabled()).toBe(true);
    await proposeButton(page).click(F);

    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Answer offers');
    const answers = page.getByRole('group', { name: /^Your answer to offer #\d+$/ });
    if ((await answers.count()) > 0) {
      await answers.first().getByRole('radio', { name: 'Accept' }).check(F);
      await undo.click(F);
      expect(await answers.first().getByRole('radio', { name: 'Accept' }).isChecked()).toBe(false);
    }
    await answerButton(page).click(F);

    // Commitment: choose two actions, undo the second, start over, choose again.
    await expect.poll(() => phaseHeading(page).textContent()).toMatch(/^Round 1: Keep/);
    await page.getByRole('combobox', { name: 'Action 1' }).selectOption('public-diplomacy', F);
    await page.getByRole('combobox', { name: 'Action 2' }).selectOption('humanitarian-aid', F);
    await shot(page, 'undo-02-commitment');
    await undo.click(F);
    expect(await page.getByRole('combobox', { name: 'Action 2' }).inputValue()).toBe('');
    expect(await page.getByRole('combobox', { name: 'Action 1' }).inputValue()).toBe('public-diplomacy');
    await startOver.click(F);
    expect(await page.getByRole('combobox', { name: 'Action 1' }).inputValue()).toBe('');
    await page.getByRole('combobox', { name: 'Action 1' }).selectOption('public-diplomacy', F);
    await commitButton(page).click(F);

    // The summary lists only what was finally committed.
    const dialog = page.getByRole('dialog', { name: /^Round 1 / });
    await dialog.waitFor();
    const did = (await dialog.locator('section').first().textContent()) ?? '';
    expect(did).toMatch(/What you did/);
    expect(did).not.toMatch(/aid/i);
    await shot(page, 'undo-03-summary');
    await closeSummary(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
