/**
 * An organisation at the table, as a player sees it: on the menu its briefing says it is an organisation with
 * members; in the governments table it has no economy meter and is marked away before the round it joins; in the
 * debrief the reasons for the outcome read the stage by name and number from 0, not on a 0 to 100 scale.
 * Screenshots at 1280×720 and 1920×1080.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { F, MENU, shot, useSite } from './browser.ts';
import { phaseHeading, playQuietRound, watchErrors } from './helpers.ts';

const site = useSite();

/** A four-round scenario with the Security Council, without an economy, joining in round 2. */
const SCENARIO = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/format/org-member-unknown.yaml'),
  'utf8',
)
  .replace('title: A minimal scenario', 'title: The Council joins')
  .replace('members: [USA, PRC, RUSS]', 'members: [USA, PRC, RUS]\n    joins: 2')
  .replace(/( {2}UN:\n(?:.*\n)*?) {4}elected: false\n/, '$1')
  .replace(/( {2}UN:\n(?:.*\n)*?) {4}economy: 50\n/, '$1')
  .replace('- { metric: tension, at-most: 40 }', '- { metric: stage, at-least: Talks }');

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`an organisation away from the table and without an economy, at ${width}×${height}`, async () => {
    const page = await site.browser.newPage({ viewport: { width, height } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    await page.getByLabel(/Load your own scenario file/).setInputFiles({
      name: 'council.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(SCENARIO),
    });
    await expect.poll(() => page.getByRole('radio', { name: /The Council joins/ }).isChecked()).toBe(true);

    // The menu's briefing for the Council: an organisation, its members, when it is at the table.
    await page.getByRole('radio', { name: /^United Nations Security Council/ }).check(MENU);
    const briefing = page.locator('section.briefing');
    await expect
      .poll(async () => (await briefing.textContent()) ?? '')
      .toContain('an organisation, not a government');
    const said = (await briefing.textContent()) ?? '';
    expect(said).toContain('Its members at the table: United States, China, Russia.');
    expect(said).toContain('It joins the table in round 2.');
    expect(said).toContain('has no economy and no elections');
    await shot(page, `organisation-01-briefing-${width}`);

    await page.getByRole('radio', { name: /^United States/ }).check(MENU);
    await page.getByRole('textbox', { name: 'Seed' }).fill('council');
    await page.getByRole('button', { name: 'Start the game' }).click(F);
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    // The dialog with the United States' own briefing opens first: close it.
    const start = page.getByRole('button', { name: 'Start' });
    if (await start.isVisible()) await start.click(F);

    // Round 1: the Council is away, and has no economy meter.
    const row = page.locator('table.meters tbody tr', { hasText: 'United Nations Security Council' });
    await expect.poll(() => row.getAttribute('class')).toContain('away');
    expect(await row.locator('.away-note').textContent()).toBe('away: joins in round 2');
    expect(await row.getByRole('meter').count()).toBe(6); // five numbers and my trust, no economy
    expect(await row.locator('td.na').first().getAttribute('title')).toContain('has no economy');
    // Away, it is no one's contact: the composer does not offer to talk to it.
    expect(await page.getByText(/^You can talk directly to:/).textContent()).not.toContain(
      'Security Council',
    );
    await row.scrollIntoViewIfNeeded();
    await shot(page, `organisation-02-away-${width}`);

    await playQuietRound(page, 1);
    await expect.poll(() => row.getAttribute('class')).not.toContain('away');
    expect(await row.locator('.away-note').count()).toBe(0);
    await shot(page, `organisation-03-joined-${width}`);

    for (let r = 2; r <= 4; r++) await playQuietRound(page, r);
    await page.getByRole('heading', { level: 2, name: /^Outcome: / }).waitFor();
    // Why not détente: the stage by name and number, on its own scale.
    await expect
      .poll(async () => (await page.locator('.outcome-why').textContent()) ?? '')
      .toMatch(
        /the peace process had reached “(Standoff|Talks)”, stage [01] \(it needed “Talks”, stage 1, or beyond\)/,
      );
    await page.locator('.outcome-why').scrollIntoViewIfNeeded();
    await shot(page, `organisation-04-debrief-${width}`);
    expect(errors).toEqual([]);
    await page.close();
  });
}
