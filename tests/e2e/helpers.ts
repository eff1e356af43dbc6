/** Steps shared by the e2e tests: start a game from the menu, play phases, close summaries. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import { ENGINE_VERSION, runGame, startGame } from '../../src/engine/index.ts';
import type { GameState, RecordedInput, World } from '../../src/engine/index.ts';
import { F, MENU } from './browser.ts';

/**
 * A shared game file of a game played by Normal computer players in Node, cut before round `until`, with `human`'s
 * seat left to a person: loaded in the page, it continues at round `until`. Also the world and the whole game's end.
 */
export function computerGameFile(
  scenario: string,
  seed: string,
  human: string,
  until: number,
): { file: string; world: World; end: GameState } {
  const { world } = readScenario(scenario);
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('objective')]));
  const inputs: RecordedInput[] = [];
  const end = runGame(world, startGame(world, seed), computerChooser(world, seed, seats), (r) =>
    inputs.push(r),
  );
  const save = {
    format: 'quid-pro-quo-save',
    title: `${world.title} (e2e)`,
    savedAt: new Date(0).toISOString(),
    engine: ENGINE_VERSION,
    record: {
      engine: ENGINE_VERSION,
      scenario: { id: world.id, hash: world.hash },
      seed,
      seats: Object.fromEntries(world.actors.map((a) => [a.id, a.id === human ? 'human' : 'objective'])),
      inputs: inputs.filter((r) => r.round < until),
    },
  };
  return { file: JSON.stringify(save), world, end };
}

/**
 * Loads a game file on the setup screen, as a player picks one from disk, and continues it: the game opens in the
 * round the file was cut at.
 */
export async function continueGameFile(page: Page, name: string, file: string): Promise<void> {
  await page.getByLabel('Load a game record file (.json)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  await page.getByRole('button', { name: `Continue ${name}` }).click(F);
}

/** The heading of the phase panel, e.g. "Round 3: Answer offers". */
export const phaseHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Round \d+: / });

export interface StartOptions {
  scenario?: RegExp;
  government?: RegExp;
  /** Other governments played by people on this device (their names). */
  humans?: string[];
  seed?: string;
}

/** From the menu: picks the scenario, the government, the hot-seat players and the seed, and starts. */
export async function startFromMenu(page: Page, url: string, o: StartOptions = {}): Promise<void> {
  await page.goto(url);
  await page.getByRole('radio', { name: o.scenario ?? /The Panmunjom thaw/ }).check(MENU);
  await page.getByRole('radio', { name: o.government ?? /^South Korea/ }).check(MENU);
  for (const name of o.humans ?? [])
    await page.getByRole('checkbox', { name: `${name} is played by a person` }).check(MENU);
  await page.getByRole('textbox', { name: 'Seed' }).fill(o.seed ?? 'e2e-seed');
  await page.getByRole('button', { name: 'Start the game' }).click(F);
}

export const proposeButton = (page: Page) =>
  page.getByRole('button', { name: 'Send offers and end proposals' });
export const answerButton = (page: Page) =>
  page.getByRole('button', { name: /^(Send answers and end this phase|Continue to commitments)$/ });
export const commitButton = (page: Page) =>
  page.getByRole('button', { name: 'Commit and resolve the round' });

/** Plays one round for a single human doing nothing, and closes the summary. */
export async function playQuietRound(page: Page, round: number): Promise<void> {
  await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Propose deals`);
  await proposeButton(page).click(F);
  await expect.poll(() => phaseHeading(page).textContent()).toBe(`Round ${round}: Answer offers`);
  await answerButton(page).click(F);
  await expect.poll(() => phaseHeading(page).textContent()).toMatch(new RegExp(`^Round ${round}: Keep`));
  await commitButton(page).click(F);
  await closeSummary(page);
}

/** Closes the round summary and returns its title. */
export async function closeSummary(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: /^Round \d+ \(.+\) resolved$/ });
  await dialog.waitFor();
  const title = (await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await dialog.getByRole('button', { name: /^(Continue to round \d+|See the outcome)$/ }).click(F);
  return title;
}

/**
 * Collects the page's errors. Errors thrown inside the board's own chunks (Phaser and the board scene,
 * which another part of the project owns and tests in board.test.ts) are printed, not collected.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    if (/assets\/(board|phaser)-/.test(e.stack ?? '')) console.warn(`board error: ${e.message}`);
    else errors.push(e.message);
  });
  return errors;
}

/** What the player's log shows for one round, as text. */
export const roundLog = (page: Page, round: number) =>
  page
    .getByRole('region', { name: 'What you have seen' })
    .getByRole('region', { name: `Round ${round}` })
    .textContent();

/**
 * From the end screen, opens the replay, checks it starts at round 1, steps round by round to the end and opens
 * the outcome and scores there.
 */
export async function replayToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Replay this game' }).click(F);
  const heading = page.getByRole('heading', { level: 2, name: /step \d+ of \d+$/ });
  await expect.poll(() => heading.textContent()).toMatch(/^Start of round 1 — step 1 of \d+$/);
  const last = Number(/of (\d+)$/.exec((await heading.textContent()) ?? '')![1]);
  for (let k = 1; k < last; k++) await page.getByRole('button', { name: 'Next round →' }).click(F);
  await expect.poll(() => heading.textContent()).toMatch(/^The end/);
  await page.getByText('The outcome and scores').click(F);
}
