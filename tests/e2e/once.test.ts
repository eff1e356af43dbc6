/**
 * An act sold once, as a player meets it in the composer. After Hanoi the end of the Korean War can be declared
 * once: in this game computer players sign a declaration in round 1 (loaded as a game file, the United States left
 * to a person), so in round 2 the composer still lists the declaration but greys it out and says why.
 * Screenshot at 1280×720 in tests/e2e/screenshots/.
 */
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { computerGameFile, phaseHeading, watchErrors } from './helpers.ts';

const site = useSite();
const SEED = 'once-e2e';

/** A Hanoi game by computer players, cut after round 1, with the United States' seat left to a person. */
function firstRound(): string {
  const { file, end } = computerGameFile('hanoi-2019', SEED, 'USA', 2);
  const declared = end.agreements.find(
    (g) => g.signed === 1 && g.terms.some((t) => t.action === 'end-of-war'),
  );
  // The premise of the test: the declaration was signed in round 1 of this seeded game.
  expect(declared).toBeDefined();
  return file;
}

describe('an act sold once', () => {
  test('the end of the war, declared in round 1, is greyed out in round 2 with the reason', async () => {
    const file = firstRound();
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    await page.getByLabel('Load a game record file (.json)').setInputFiles({
      name: 'once.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await page.getByRole('button', { name: 'Continue once.json' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');

    await page.getByRole('combobox', { name: 'Term 1: who acts' }).selectOption('USA', F);
    const option = page
      .getByRole('combobox', { name: 'Term 1: action' })
      .locator('option', { hasText: 'Declare an end to the Korean War' });
    expect(await option.isDisabled()).toBe(true);
    expect(await option.textContent()).toBe(
      'Declare an end to the Korean War (it can be done or promised only once, and already has been)',
    );
    // Still offered: humanitarian aid, which deals may repeat.
    expect(
      await page
        .getByRole('combobox', { name: 'Term 1: action' })
        .locator('option', { hasText: 'Humanitarian aid' })
        .isDisabled(),
    ).toBe(false);
    await page.getByRole('combobox', { name: 'Term 1: action' }).focus();
    await shot(page, 'once-01-declared-1280');
    expect(errors).toEqual([]);
    await page.close();
  });
});
