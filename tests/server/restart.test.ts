/**
 * Restarts: a server stopped and started again on the same log rebuilds each session from its snapshot and the
 * events after it, gives seats back to their tokens, and re-arms a deadline from its absolute time, so a
 * deadline that passed while the server was down fills the missing seats as soon as it is back.
 */
import { expect, it } from 'vitest';
import { Client, post, startServer } from './helpers.ts';

it('rebuilds sessions from snapshot + log and re-arms deadlines after a restart', async () => {
  let s = await startServer({ snapshotEvery: 3 });
  const dir = s.dir;
  const { code, instructorToken } = (
    await post(`${s.url}/api/sessions`, { scenario: 'hanoi-2019', seed: 9, phaseSeconds: 5 })
  ).json;
  const usa = (await post(`${s.url}/api/sessions/${code}/seats`, { name: 'Ada', actor: 'USA' })).json
    .seatToken;
  const ins = await Client.open(`${s.ws}/api/sessions/${code}/socket?token=${instructorToken}`);
  expect((await ins.request({ type: 'command', command: 'start' })).type).toBe('ack');
  expect((await ins.request({ type: 'command', command: 'announce', text: 'Welcome' })).type).toBe('ack');
  await ins.close();
  const before = await s.store.events(code);
  const deadline = [...before].reverse().find((e) => e.event.kind === 'deadline')!.event;
  expect(deadline).toMatchObject({ kind: 'deadline', phase: '1/proposing' });
  await s.stop(true);

  // Down for longer than the phase's deadline.
  await new Promise((r) => setTimeout(r, 5500));
  s = await startServer({ snapshotEvery: 3 }, dir);
  try {
    const c = await Client.open(`${s.ws}/api/sessions/${code}/socket?token=${usa}`);
    const first = await c.next((m) => m.type === 'view', 5000, 0);
    expect(first.you).toMatchObject({ name: 'Ada', actor: 'USA' });
    expect(first.session.announcements.map((a: { text: string }) => a.text)).toEqual(['Welcome']);
    expect(first.seq).toBeGreaterThanOrEqual(before.length);
    // The passed deadline filled USA's move on the restart, and the game went on to the next phase.
    await c.next((m) => m.type === 'view' && m.session.phase === 'responding', 10_000, 0);
    const log = await s.store.events(code);
    expect(log.find((e) => e.seq > before.length && e.event.kind === 'input')?.event).toMatchObject({
      actor: 'USA',
      by: 'deadline',
    });
    await c.close();
  } finally {
    await s.stop();
  }
}, 60_000);
