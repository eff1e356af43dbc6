/**
 * Keyboard-only play: every step is taken with page.keyboard alone (Tab, Shift+Tab, Enter, Space and the
 * arrow keys), from the menu to a saved game: choose a scenario and a government, start, compose and send
 * an offer, answer one, commit a round, undo a change, save. Each control is reached by tabbing to it, and
 * each shows a visible focus ring when it has the focus. The page is only read, never clicked.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { shot, useSite } from './browser.ts';
import { phaseHeading, watchErrors } from './helpers.ts';

const site = useSite();

interface Focused {
  tag: string;
  type: string;
  name: string;
  value: string;
  checked: boolean;
  /** A visible focus indicator: an outline of 2px or more, or a box shadow. */
  ring: boolean;
}

/** The focused element: its kind, its accessible name as a person reads it, and whether it shows a ring. */
const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const byId = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const name = (
      el.getAttribute('aria-label') ??
      byId ??
      el.closest('label')?.textContent ??
      el.textContent ??
      ''
    ).trim();
    const cs = getComputedStyle(el);
    const ring =
      (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) ||
      (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    const input = el as HTMLInputElement;
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? '',
      name,
      value: input.value ?? '',
      checked: !!input.checked,
      ring,
    };
  });

/**
 * Presses Tab (or Shift+Tab) until the focus is on a control whose name matches, and checks that it
 * shows its focus. Fails if it is never reached: that control is unreachable by keyboard.
 */
async function tabTo(
  page: Page,
  name: RegExp,
  opts: { back?: boolean; tag?: string; max?: number } = {},
): Promise<Focused> {
  const max = opts.max ?? 80;
  for (let k = 0; k < max; k++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f && name.test(f.name) && (!opts.tag || f.tag === opts.tag)) {
      expect(f.ring, `${f.tag} "${f.name}" shows no focus ring`).toBe(true);
      return f;
    }
  }
  // Say where the focus goes instead, to find the control that traps or skips it.
  const seen: string[] = [];
  for (let k = 0; k < 6; k++) {
    await page.keyboard.press('Tab');
    seen.push(JSON.stringify(await focused(page)));
  }
  throw new Error(
    `No control named ${name} could be reached with ${opts.back ? 'Shift+Tab' : 'Tab'}. ${seen.join(' ')}`,
  );
}

/** Presses a key until the focused control matches (arrow keys in a radio group or a select). */
async function pressUntil(page: Page, key: string, ok: (f: Focused) => boolean, max = 12): Promise<Focused> {
  for (let k = 0; k < max; k++) {
    const f = await focused(page);
    if (f && ok(f)) return f;
    await page.keyboard.press(key);
  }
  const f = await focused(page);
  if (f && ok(f)) return f;
  throw new Error(`Pressing ${key} never reached the wanted choice (focus on ${JSON.stringify(f)}).`);
}

describe('keyboard only', () => {
  test('menu, offer, answer, commit, undo and save are all reachable and show their focus', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: 'Play the tutorial' }).waitFor();

    // The menu: the tutorial entry, a scenario by arrow keys, a government by arrow keys, a seed, Start.
    await tabTo(page, /^Play the tutorial$/);
    await tabTo(page, /No deal in Hanoi|Fire and fury|Panmunjom|hostile|Six-Party|Tutorial/, {
      tag: 'input',
    });
    await pressUntil(page, 'ArrowUp', (f) => /The Panmunjom thaw/.test(f.name) && f.checked);
    await tabTo(page, /^North Korea|^South Korea/, { tag: 'input' });
    await pressUntil(page, 'ArrowRight', (f) => /^South Korea/.test(f.name) && f.checked);
    await tabTo(page, /^Seed$/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('keyboard-seed');
    await shot(page, 'keyboard-01-menu');
    await tabTo(page, /^Start the game$/);
    await page.keyboard.press('Enter');

    // Propose: change term 1 with the arrow keys, verification with the arrow keys, add, send.
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    await page.locator('.board-canvas canvas').waitFor();
    const before = await tabTo(page, /^Term 1: action$/);
    await page.keyboard.press('ArrowDown');
    const after = await focused(page);
    expect(after?.name, 'the action select keeps the focus after a change').toBe('Term 1: action');
    expect(after?.value).not.toBe(before.value);
    await tabTo(page, /^(None|Partial|Inspections)$/, { tag: 'input' });
    await pressUntil(page, 'ArrowRight', (f) => f.name === 'Inspections' && f.checked);
    expect(await page.locator('.effect-preview').textContent()).toMatch(/seen correctly 98 % of the time/);
    await tabTo(page, /^Add this offer/);
    await shot(page, 'keyboard-02-compose');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Offers to send this round (1 of 3)' }).count())
      .toBe(1);
    expect((await focused(page))?.name, 'focus stays on the add button').toMatch(/^Add this offer/);
    await tabTo(page, /^Send offers and end proposals$/);
    await page.keyboard.press('Enter');

    // Answer: accept the first offer with the arrow keys (or go on if none waits).
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Answer offers');
    const waiting = await page.getByRole('group', { name: /^Your answer to offer #\d+$/ }).count();
    if (waiting > 0) {
      await tabTo(page, /^(Accept|Reject|Not now \(leave it open\)|No answer \(it lapses\))$/, {
        tag: 'input',
      });
      await pressUntil(page, 'ArrowRight', (f) => f.name === 'Accept' && f.checked);
      await shot(page, 'keyboard-03-answer');
      await tabTo(page, /^Send answers and end this phase$/);
    } else await tabTo(page, /^Continue to commitments$/);
    await page.keyboard.press('Enter');

    // Commit: an action picked with the arrow keys; commit; close the summary with Enter.
    await expect.poll(() => phaseHeading(page).textContent()).toMatch(/^Round 1: Keep/);
    await tabTo(page, /^Action 1$/);
    await page.keyboard.press('ArrowDown');
    expect((await focused(page))?.name).toBe('Action 1');
    await shot(page, 'keyboard-04-commit');
    await tabTo(page, /^Commit and resolve the round$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: /^Round 1 / }).waitFor();
    const cont = await focused(page);
    expect(cont?.name).toBe('Continue to round 2');
    expect(cont?.ring).toBe(true);
    await page.keyboard.press('Enter');

    // Undo: change the verification, tab to Undo, press Space; the change is taken back.
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 2: Propose deals');
    await tabTo(page, /^(None|Partial|Inspections)$/, { tag: 'input' });
    await pressUntil(page, 'ArrowLeft', (f) => f.name === 'None' && f.checked);
    await tabTo(page, /^Undo$/);
    await shot(page, 'keyboard-05-undo');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('radio', { name: 'Partial' }).isChecked()).toBe(true);

    // Save: back up to the top bar with Shift+Tab, open the dialog, Enter saves under the offered name.
    await tabTo(page, /^Save game$/, { back: true, max: 120 });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Save this game' });
    await dialog.waitFor();
    expect((await focused(page))?.name).toBe('Name');
    await shot(page, 'keyboard-06-save');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Saved as/ })
          .count(),
      )
      .toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the tutorial’s coach is used, closed and reopened from the keyboard', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(site.url);
    await page.getByRole('button', { name: 'Play the tutorial' }).waitFor();
    await tabTo(page, /^Play the tutorial$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => phaseHeading(page).textContent()).toBe('Round 1: Propose deals');
    // The coach's text has the focus; its buttons follow it in the tab order.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('coach-text');
    await tabTo(page, /^Show me around$/, { max: 3 });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Read your briefing/);
    // Its own button opens the briefing; closing the briefing moves the coach on.
    await tabTo(page, /^Open my briefing$/, { max: 3 });
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Your briefing: South Korea' }).waitFor();
    expect((await focused(page))?.name).toBe('Start');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^The board: who trusts whom/);
    // Escape closes it; the Tutorial button in the top bar brings it back where it was.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('aside.coach').isVisible()).toBe(false);
    const button = await focused(page);
    expect(button?.name, 'the focus goes to the button that reopens the coach').toBe('Tutorial');
    expect(button?.ring).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('aside.coach').isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^The board: who trusts whom/);
    await shot(page, 'keyboard-07-coach');
    expect(errors).toEqual([]);
    await page.close();
  });
});
