/**
 * A classroom in headless Chromium: an instructor page and three student pages. Students join by code, the
 * instructor starts, two rounds are played through the game's own controls, the instructor pauses and resumes,
 * injects a scenario event and announces, a deadline passes and fills the missing seats, a student reloads and
 * resumes the same seat, and the instructor exports the decisions as CSV. The projector view, opened during the
 * game, receives and shows public information only; when the instructor ends the game every student sees their
 * own result and rank and a way back.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { F, shot, useSite } from './browser.ts';

const site = useSite();

it('runs a class: join by code, two rounds, pause, inject, a deadline, a reconnect and the CSV', async () => {
  const teacherCtx = await site.browser.newContext({
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
  });
  const teacher = await teacherCtx.newPage();
  teacher.on('dialog', (d) => void d.accept());
  await teacher.goto(`${site.url}?teach`);
  await teacher.selectOption('#cls-scenario', 'panmunjom-2018');
  await teacher.fill('#cls-seed', 'e2e-class');
  await teacher.getByRole('button', { name: 'Create the session' }).click(F);
  const code = (await teacher.locator('#join-code').textContent({ timeout: 20_000 }))!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await teacher.locator('img.qr').waitFor();
  expect(
    await teacher.locator('img.qr').evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);

  const names = ['Ada', 'Bo', 'Cy'];
  const students: Page[] = [];
  for (const name of names) {
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const p = await ctx.newPage();
    await p.goto(`${site.url}?join`);
    await p.fill('#join-code', code.toLowerCase());
    await p.fill('#join-name', name);
    await p.getByRole('button', { name: 'Join' }).click(F);
    await p.getByText('Waiting for the instructor').first().waitFor({ timeout: 20_000 });
    students.push(p);
  }
  // The roster: a row per government, and the three students waiting for one.
  const roster = teacher.locator('table.roster tbody tr');
  await expect.poll(() => teacher.locator('table.roster tr.unseated').count(), { timeout: 10_000 }).toBe(3);
  expect(await roster.count()).toBe(6 + 3);

  const head = (): Promise<string> => teacher.locator('.classroom-head').innerText();
  const waitHead = (re: RegExp, timeout = 30_000): Promise<void> =>
    expect.poll(head, { timeout }).toMatch(re);
  const command = async (name: string): Promise<void> => {
    await teacher.getByRole('button', { name }).click(F);
    await expect.poll(() => teacher.locator('.answer').innerText(), { timeout: 10_000 }).toBe('Done.');
    await teacher.evaluate(() => (document.querySelector('.answer')!.textContent = ''));
  };

  await command('Start');
  await waitHead(/In play/);
  // Each government's row names who plays it, with its seat button named by the government.
  await expect.poll(() => teacher.locator('table.roster tr.unseated').count(), { timeout: 10_000 }).toBe(0);
  const played = teacher.locator('table.roster tbody tr').filter({ hasText: 'Ada' });
  await expect.poll(() => played.locator('.badge').first().innerText()).toMatch(/Online/);
  await teacher
    .getByRole('button', { name: 'Person plays North Korea' })
    .or(teacher.getByRole('button', { name: 'Computer plays North Korea' }))
    .waitFor();

  // The projector, opened from the console during the game: the board's public side only.
  const projector = await teacherCtx.newPage();
  const frames: string[] = [];
  projector.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  await projector.goto(`${site.url}?project=${code}`);
  await projector.getByText(`join with ${code}`).waitFor({ timeout: 20_000 });
  /** Every student sends this phase's input with the controls' own button. */
  const playPhase = async (): Promise<void> => {
    for (const p of students) {
      const send = p.locator('.controls .submit-row button.primary');
      await send.waitFor({ timeout: 30_000 });
      await send.click(F);
      await p.getByText('Your move is in.').waitFor({ timeout: 30_000 });
    }
  };
  for (const [round, phase] of [
    [1, 'responding'],
    [1, 'commitment'],
    [2, 'proposing'],
  ] as const) {
    await playPhase();
    await waitHead(new RegExp(`round ${round}, ${phase}`));
  }
  // The projector followed the game, and nothing it was sent is private to a seat.
  await expect.poll(() => projector.locator('.projector-head').innerText()).toMatch(/round 2/);
  expect(await projector.locator('.projector-log li').count()).toBeGreaterThan(0);
  const views = frames.map((f) => JSON.parse(f)).filter((m) => m.type === 'view');
  expect(views.length).toBeGreaterThan(2);
  for (const m of views) {
    expect(m.role).toBe('instructor');
    for (const secret of ['me', 'myTrust', 'myInput', 'offers', 'agreements', 'beliefs'])
      expect(m.view, secret).not.toHaveProperty(secret);
    for (const e of m.view.log) expect(e.to, JSON.stringify(e)).toBeNull();
  }
  await shot(projector, 'classroom-projector-1280');
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await shot(projector, 'classroom-projector-1920');
  await projector.close();

  await shot(students[0]!, 'classroom-student-1280');
  await students[0]!.setViewportSize({ width: 1920, height: 1080 });
  await shot(students[0]!, 'classroom-student-1920');

  // Pause: students see it and cannot send; resume.
  await command('Pause');
  await students[1]!.getByText('The instructor has paused the game.').waitFor({ timeout: 10_000 });
  await command('Resume');

  // An inject and an announcement, seen on every screen.
  await teacher.selectOption('#cls-inject', 'food-shortage');
  await command('Inject next round');
  await teacher.fill('#cls-announce', 'Talks resume after lunch.');
  await command('Announce');
  for (const p of students) await p.getByText('Talks resume after lunch.').waitFor({ timeout: 10_000 });

  // Round 2 to its commitment phase, then a deadline that passes with nobody sending.
  await playPhase();
  await waitHead(/round 2, responding/);
  await playPhase();
  await waitHead(/round 2, commitment/);
  await teacher.fill('#cls-deadline', '5');
  await command('Set deadline');
  await students[2]!.locator('.countdown').filter({ hasText: 'left' }).waitFor({ timeout: 10_000 });
  await waitHead(/round 3, proposing/, 30_000);

  // A student reloads the page and is back in the same seat.
  await students[1]!.reload();
  await students[1]!.getByText(/Bo plays/).waitFor({ timeout: 20_000 });
  await students[1]!.locator('.controls .submit-row button.primary').waitFor({ timeout: 20_000 });

  await shot(teacher, 'classroom-instructor-1280');
  await teacher.setViewportSize({ width: 1920, height: 1080 });
  await shot(teacher, 'classroom-instructor-1920');

  const [download] = await Promise.all([
    teacher.waitForEvent('download'),
    teacher.getByRole('button', { name: 'Download decisions (CSV)' }).click(F),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe('seq,time,round,phase,government,student,by,summary,why,input');
  for (const name of names) expect(lines.filter((l) => l.includes(`,${name},student,`)).length).toBe(5);
  expect(lines.some((l) => l.includes(',deadline,'))).toBe(true);

  // The instructor ends the game: each student sees the outcome, their own result and rank, and a way back.
  await command('End the game');
  for (const p of students) {
    await p.locator('.your-result').waitFor({ timeout: 20_000 });
    expect(await p.locator('.your-result').innerText()).toMatch(
      /^Your result: .+ scored \d+ of 100, .+ of the 6/,
    );
    await p.getByRole('link', { name: 'Back to the menu' }).waitFor();
    await p.getByRole('heading', { name: 'Scores' }).waitFor();
  }
  await students[2]!.setViewportSize({ width: 1280, height: 720 });
  await shot(students[2]!, 'classroom-student-end-1280');
  await students[2]!.setViewportSize({ width: 1920, height: 1080 });
  await shot(students[2]!, 'classroom-student-end-1920');
  await shot(teacher, 'classroom-instructor-end-1920');

  // The instructor releases the class debrief: the students' end screens replay the game from its record.
  await command('Release the class debrief to students');
  for (const p of students) {
    await p.getByText('The instructor has released the class debrief').waitFor({ timeout: 20_000 });
    await p.getByText(/^Why: /).waitFor({ timeout: 20_000 });
    await p.locator('.your-result').waitFor();
  }
  await shot(students[2]!, 'classroom-student-debrief-1920');
  await students[2]!.setViewportSize({ width: 1280, height: 720 });
  await shot(students[2]!, 'classroom-student-debrief-1280');
  await teacherCtx.close();
  for (const p of students) await p.context().close();
});
