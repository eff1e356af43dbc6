/**
 * An act sold once, as a player meets it. After Hanoi the end of the Korean War can be declared once: in this game
 * computer players sign a declaration in round 1 (loaded as a game file, the United States left to a person), so in
 * round 2 the composer still lists the declaration but greys it out and says why. And an offer accepted by all that
 * promises a one-time act another deal promised in the same round is not signed: the parties read why in their
 * history. Screenshots at 1280×720 in tests/e2e/screenshots/.
 */
import { describe, expect, test } from 'vitest';
import { F, shot, useSite } from './browser.ts';
import { computerGameFile, continueGameFile, phaseHeading, watchErrors } from './helpers.ts';

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
    await continueGameFile(page, 'once.json', file);
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

  test('an offer that would sell the launch site a second time in the round is accepted but not signed, and says why', async () => {
    // In this seeded game the North sells its launch site to the US in round 1 (agreement #9), and two mediated
    // packages with Japan that also sell it, accepted by all in the same round, are moot.
    const { file, end } = computerGameFile('hanoi-2019', 'once-moot-1', 'JPN', 2);
    const moot = end.log.find((e) => e.kind === 'moot' && e.once !== undefined);
    expect(moot).toMatchObject({ round: 1, once: 'dismantle-launch-site' });
    expect(moot!.to).toContain('JPN');
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    await continueGameFile(page, 'moot.json', file);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');
    const seen = page.getByRole('region', { name: 'What you have seen' });
    const line = seen.getByText(
      /is accepted but not signed: .* can be done or promised only once, and agreement #\d+ has promised it\./,
    );
    // China and Russia each brokered a package selling the site in round 1, after the US deal that sold it (#9).
    await expect
      .poll(() => line.allTextContents())
      .toEqual([
        expect.stringContaining('Offer #4 is accepted but not signed: Dismantle a missile test site'),
        expect.stringContaining('Offer #5 is accepted but not signed: Dismantle a missile test site'),
      ]);
    await line.first().scrollIntoViewIfNeeded();
    await shot(page, 'once-02-moot-1280');
    expect(errors).toEqual([]);
    await page.close();
  });
});
