/**
 * An instructor loads their own scenario file in the page: a broken one is explained with the same
 * `file:line:column: message` lines as `qpq check`; a valid one is selected and starts a game.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { shot, useSite } from './browser.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const site = useSite();

test('a broken scenario file shows every problem with its line; a valid one starts a game', async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(site.url);
  const picker = page.getByLabel(/Load your own scenario file/);

  await picker.setInputFiles({
    name: 'my-scenario.yaml',
    mimeType: 'text/yaml',
    buffer: readFileSync(path.join(fixtures, 'broken/range-security-140.yaml')),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'cannot be played' });
  await expect.poll(() => alert.count()).toBe(1);
  const problems = page.locator('.file-problems li');
  await expect.poll(() => problems.count()).toBeGreaterThan(0);
  expect(await problems.first().textContent()).toMatch(
    /^my-scenario\.yaml:22:15: actors › DPRK › security: .*100.*\(it is 140\)/,
  );
  await shot(page, '11-scenario-file-broken');

  await picker.setInputFiles({
    name: 'binary.yaml',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0, 1, 2, 3, 255, 0]),
  });
  await expect.poll(async () => (await problems.first().textContent()) ?? '').toMatch(/binary/);

  const valid = readFileSync(path.resolve(import.meta.dirname, '../../scenarios/panmunjom-2018.yaml'), 'utf8')
    .replace('id: panmunjom-2018', 'id: my-thaw')
    .replace('title: The Panmunjom thaw', 'title: My own thaw');
  await picker.setInputFiles({ name: 'my-thaw.yaml', mimeType: 'text/yaml', buffer: Buffer.from(valid) });
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'is valid' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('radio', { name: /My own thaw/ }).isChecked()).toBe(true);
  await shot(page, '12-scenario-file-valid');
  await page.getByRole('button', { name: 'Start the game' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Round 1: / }).count()).toBe(1);
  expect(await page.locator('header, .topbar').first().textContent()).toContain('My own thaw');
  await page.close();
});
