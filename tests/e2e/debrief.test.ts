/**
 * The debrief after a game: charts of every round, the ledger of promises (truth beside what each side saw),
 * the computer players' explanations, CSV and JSON downloads, a print layout, and every control reachable by
 * keyboard with a role and a name. To get there fast, five rounds of the tutorial are played by computer
 * players here in Node and loaded as a shared game file; the last round is played in the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { F, SHOTS, shot, useSite } from './browser.ts';
import {
  computerGameFile,
  continueGameFile,
  phaseHeading,
  playQuietRound,
  replayToEnd,
  watchErrors,
} from './helpers.ts';

const site = useSite();
const SEED = 'debrief-e2e';

/** A tutorial game by computer players, cut after round 5, with South Korea's seat left to a person. */
function fiveRounds(): { file: string; rounds: number } {
  const { file, world } = computerGameFile('tutorial', SEED, 'ROK', 6);
  return { file, rounds: world.rounds };
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(F),
  ]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

/** Scrolls so that the element is at the top of the window. */
const top = (l: Locator): Promise<void> => l.evaluate((el) => el.scrollIntoView({ block: 'start' }));

/** Pixels on a chart's canvas that are neither background nor grey: the drawn lines and markers. */
const colouredPixels = (page: Page, k: number): Promise<number> =>
  page.evaluate((k) => {
    const c = document.querySelectorAll<HTMLCanvasElement>('.debrief-chart canvas')[k]!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b, a] = [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
      if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
    }
    return n;
  }, k);

describe('the debrief', () => {
  test('charts, ledger, explanations, exports, print and keyboard', async () => {
    const { file, rounds } = fiveRounds();
    const page = await site.browser.newPage({
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
    });
    const errors = watchErrors(page);
    await page.goto(site.url);
    await continueGameFile(page, 'debrief.json', file);
    await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${rounds}: Propose deals`);
    await playQuietRound(page, rounds);

    // The outcome and the scores, explained in words, at the top.
    const outcome = page.getByRole('heading', { level: 2, name: /^Outcome: / });
    await outcome.waitFor();
    // The player's own result reads beside the world's: its score and its rank among the six.
    expect(await page.locator('.your-result').textContent()).toMatch(
      /^Your result: [A-Z][A-Za-z ]+ scored \d+ of 100, (joint )?(first|second|third|fourth|fifth|sixth) of the 6 governments\./,
    );
    expect(await page.getByRole('region', { name: 'Scores' }).getByRole('row').count()).toBe(7);
    await expect.poll(() => page.locator('.outcome-why').textContent()).toMatch(/^Why: /);
    expect(await page.locator('td.aims').first().textContent()).toMatch(/\(×\d+\)/);

    // Charts: drawn (coloured lines on each canvas), each with a legend of names and a table of values.
    const charts = page.locator('.debrief-chart');
    await expect.poll(() => page.locator('.debrief-chart canvas').count()).toBeGreaterThanOrEqual(5);
    const nCharts = await charts.count();
    for (let k = 0; k < nCharts; k++) expect(await colouredPixels(page, k)).toBeGreaterThan(200);
    const trust = page.getByRole('figure', { name: 'Trust' });
    expect(await trust.getByRole('checkbox').count()).toBe(6);
    expect(await trust.getByRole('checkbox', { name: 'China' }).isChecked()).toBe(true);
    expect(await trust.locator('table.chart-values tbody tr').count()).toBe(rounds + 1);
    expect(await trust.locator('figcaption li').first().textContent()).toMatch(
      /^North Korea (rose|fell|held) from \d+ to \d+/,
    );
    await shot(page, 'debrief-01-top-1280');
    await top(page.getByRole('heading', { name: 'How the game moved, round by round' }));
    await shot(page, 'debrief-02-charts-1280');

    // Trust read another way: China's trust in each of the others; a line hidden from the legend.
    await trust.getByRole('combobox', { name: 'Show:' }).selectOption('from:PRC', F);
    await expect.poll(() => trust.getByRole('checkbox').count()).toBe(5);
    expect(await trust.getByRole('checkbox', { name: 'China → North Korea' }).count()).toBe(1);
    const before = await colouredPixels(page, 0);
    await trust.getByRole('checkbox', { name: 'China → North Korea' }).uncheck(F);
    await expect.poll(() => colouredPixels(page, 0)).toBeLessThan(before);

    // The ledger: a tally per government and each agreement, step by step, truth beside what was seen.
    const ledger = page.getByRole('region', { name: 'Who kept and broke what' });
    expect(
      await ledger
        .getByRole('table', { name: /per government/ })
        .getByRole('row')
        .count(),
    ).toBe(7);
    const cards = ledger.locator('article.ledger-card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().locator('.promises').textContent()).toMatch(/promised: /);
    expect(await ledger.locator('td.kept, td.broke').count()).toBeGreaterThan(0);
    expect(await ledger.locator('.saw').first().textContent()).toMatch(
      /saw it (kept|broken) — (right|wrong)/,
    );
    const all = (await ledger.getByRole('status').textContent()) ?? '';
    await ledger.getByRole('combobox', { name: 'Government' }).selectOption('PRC', F);
    await expect.poll(() => ledger.getByRole('status').textContent()).not.toBe(all);
    for (const h of await cards.locator('h4').allTextContents()) expect(h).toMatch(/China/);
    await ledger.getByRole('combobox', { name: 'Government' }).selectOption('', F);
    await top(ledger.getByRole('heading', { name: 'Who kept and broke what' }));
    await shot(page, 'debrief-03-ledger-1280');

    // The explanations, by round and government: China's, with a word search.
    const why = page.getByRole('region', { name: 'Why the computer players did what they did' });
    expect(await why.textContent()).toMatch(/South Korea was played by a person/);
    // Each round opens with what set the scene (events, elections, crises).
    expect(await why.locator('.why-scene').count()).toBeGreaterThan(0);
    await why.getByRole('combobox', { name: 'Government' }).selectOption('PRC', F);
    await why.getByRole('combobox', { name: 'Round' }).selectOption('2', F);
    await expect.poll(() => why.getByRole('region', { name: /^Round \d+$/ }).count()).toBe(1);
    const rows = why.locator('table.why-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const r of await rows.locator('th').allTextContents()) expect(r).toBe('China');
    expect(await rows.first().textContent()).toMatch(/China/);
    await why.getByRole('combobox', { name: 'Round' }).selectOption('', F);
    // China offers to mediate in this game (its briefing's lesson), whether or not a package it brokers is signed.
    await why.getByRole('searchbox', { name: 'Find words' }).fill('mediate');
    await expect.poll(async () => (await rows.count()) > 0).toBe(true);
    expect(await rows.first().textContent()).toMatch(/mediate/);
    await top(why.getByRole('heading', { name: 'Why the computer players did what they did' }));
    await shot(page, 'debrief-04-explanations-1280');
    await why.getByRole('searchbox', { name: 'Find words' }).fill('');
    await why.getByRole('combobox', { name: 'Government' }).selectOption('', F);

    // Downloads: the rounds and the ledger as CSV, everything as JSON.
    const series = await downloaded(page, 'Download rounds (CSV)');
    expect(series.name).toBe(`qpq-tutorial-${SEED}-rounds.csv`);
    const lines = series.text.trim().split(/\r\n/);
    expect(lines[0]).toMatch(
      /^round,date,government_id,government,security,support,economy,influence,nuclear,missile,/,
    );
    expect(lines.length).toBe(1 + (rounds + 1) * 6);
    expect(lines[1]).toMatch(/^0,start \(.+\),DPRK,North Korea,/);
    const ledgerCsv = await downloaded(page, 'Download ledger (CSV)');
    expect(ledgerCsv.text.split(/\r\n/)[0]).toBe(
      'agreement,signed_round,parties,mediator,verification,steps,status,step_round,step,government,promised,really_did,observer,observer_saw,observer_was_right',
    );
    expect(ledgerCsv.text).toMatch(/,(kept|broke),/);
    const json = await downloaded(page, 'Download everything (JSON)');
    const d = JSON.parse(json.text) as {
      format: string;
      outcome: { name: string };
      scores: Record<string, number>;
      series: { round: number; governments: Record<string, { support: number; trustIn: object }> }[];
      explanations: unknown[];
      agreements: unknown[];
      record: { seed: string; inputs: unknown[] };
    };
    expect(d.format).toBe('quid-pro-quo-debrief');
    expect(`Outcome: ${d.outcome.name}`).toBe(await outcome.textContent());
    expect(Object.keys(d.scores)).toHaveLength(6);
    expect(d.series.map((p) => p.round)).toEqual([...Array(rounds + 1).keys()]);
    expect(Object.keys(d.series[3]!.governments.DPRK!.trustIn)).toHaveLength(5);
    expect(d.record.seed).toBe(SEED);
    expect(d.record.inputs).toHaveLength(rounds * 3 * 6);
    expect(d.explanations.length).toBeGreaterThan(50);
    expect(d.agreements.length).toBeGreaterThan(0);

    // Keyboard: Tab reaches every control of the debrief, and each has a name.
    const controls = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>('.debrief :is(button, select, input, a[href], summary)'),
      ].map((el, k) => {
        el.dataset.k = String(k);
        const label =
          el.getAttribute('aria-label') ??
          ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '').trim();
        return { k, tag: el.tagName, label };
      }),
    );
    expect(controls.length).toBeGreaterThan(30);
    for (const c of controls) expect(c.label, `${c.tag} #${c.k}`).not.toBe('');
    await page.getByRole('heading', { level: 2, name: /^Outcome: / }).focus();
    const reached = new Set<string>();
    for (let k = 0; k < controls.length + 20; k++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.k ?? '');
      if (at) reached.add(at);
    }
    expect(controls.filter((c) => !reached.has(String(c.k)))).toEqual([]);

    // Print: the button calls the browser's print; the print layout hides the controls and keeps the charts.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Print the debrief' }).click(F);
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print the debrief' }).isVisible()).toBe(false);
    expect(await page.locator('.debrief-chart canvas').first().isVisible()).toBe(true);
    // About the width of an A4 page, as the browser lays it out for print.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'debrief-05-print.png'), fullPage: true });
    const at = async (sel: string): Promise<number> =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    for (const [name, sel] of [
      ['debrief-05a-print-top', '.debrief'],
      ['debrief-05b-print-charts', '.debrief-charts'],
      ['debrief-05c-print-ledger', '.debrief-ledger'],
    ] as const)
      await page.screenshot({
        path: path.join(SHOTS, `${name}.png`),
        fullPage: true,
        clip: { x: 0, y: await at(sel), width: 794, height: 1123 },
      });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ media: 'screen' });

    // A large screen.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(200);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'debrief-06-top-1920');
    await top(page.getByRole('heading', { name: 'How the game moved, round by round' }));
    await shot(page, 'debrief-07-charts-1920');

    // The replay's last step carries the same debrief, in the narrow side panel.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await replayToEnd(page);
    await expect.poll(() => page.locator('.debrief-chart canvas').count()).toBeGreaterThanOrEqual(5);
    expect(await colouredPixels(page, 0)).toBeGreaterThan(200);
    await shot(page, 'debrief-08-replay-end');
    await top(page.getByRole('heading', { name: 'How the game moved, round by round' }));
    await shot(page, 'debrief-09-replay-charts');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
