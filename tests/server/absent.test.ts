/**
 * An absent student: when nobody is connected for a government for the grace period of a running game, a
 * computer plays it (and its owed input is made at once); the student who comes back takes it back. Both are in
 * the log, and the record's seat changes say so.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, post, startServer } from './helpers.ts';
import type { Running } from './helpers.ts';

let s: Running;
beforeAll(async () => {
  s = await startServer({ graceMs: 300 });
});
afterAll(async () => {
  await s.stop();
});

it('gives an absent seat to a computer after the grace period and back on return', async () => {
  const { code, instructorToken } = (
    await post(`${s.url}/api/sessions`, { scenario: 'panmunjom-2018', seed: 2 })
  ).json;
  const seat = (await post(`${s.url}/api/sessions/${code}/seats`, { name: 'Ada', actor: 'ROK' })).json
    .seatToken;
  // USA stays connected and thinks, so the game waits and ROK's return finds it still going.
  const other = (await post(`${s.url}/api/sessions/${code}/seats`, { name: 'Bo', actor: 'USA' })).json
    .seatToken;
  const url = (t: string): string => `${s.ws}/api/sessions/${code}/socket?token=${t}`;
  const ins = await Client.open(url(instructorToken));
  const usa = await Client.open(url(other));
  const student = await Client.open(url(seat));
  await student.next((m) => m.type === 'view', 5000, 0);
  expect((await ins.request({ type: 'command', command: 'start' })).type).toBe('ack');
  await student.close();
  // The computer takes ROK (its move is made with the others' when USA is in).
  await ins.next(
    (m) =>
      m.type === 'view' && m.session.actors.find((a: { id: string }) => a.id === 'ROK').seat === 'computer',
    5000,
    0,
  );
  const back = await Client.open(url(seat));
  const v = await back.next(
    (m) => m.type === 'view' && m.session.actors.find((a: { id: string }) => a.id === 'ROK').seat === 'human',
    5000,
    0,
  );
  expect(v.view.me).toBe('ROK');
  const seats = (await s.store.events(code))
    .filter((e) => e.event.kind === 'seat' && e.event.actor === 'ROK')
    .map((e) => e.event);
  expect(seats).toEqual([
    expect.objectContaining({ seat: expect.objectContaining({ kind: 'computer' }), reason: 'absent' }),
    expect.objectContaining({ seat: { kind: 'human' }, reason: 'returned' }),
  ]);
  const record = await (
    await fetch(`${s.url}/api/sessions/${code}/record`, {
      headers: { authorization: `Bearer ${instructorToken}` },
    })
  ).json();
  expect(
    record.seatChanges
      .filter((c: { actor: string }) => c.actor === 'ROK')
      .map((c: { seat: string }) => c.seat),
  ).toEqual([expect.not.stringMatching(/^human$/), 'human']);
  await back.close();
  await usa.close();
  await ins.close();
});
