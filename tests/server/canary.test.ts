/**
 * Secrecy: every seat plants a canary (a unique secret string) in the hidden part of each input it submits (its
 * `why`), and no message sent to any other seat, observer or the instructor before the reveal at the end ever
 * contains it: not on joining, not on resuming, not in any broadcast (inputs, roster, commands, deadlines).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlayerView } from '../../src/engine/index.ts';
import { Client, post, startServer } from './helpers.ts';
import type { Running } from './helpers.ts';
import { owes, quietInput } from './play.ts';

let s: Running;
beforeAll(async () => {
  s = await startServer({ graceMs: 60_000 });
});
afterAll(async () => {
  await s.stop();
});

const CANARY = (actor: string, n: number): string => `canary-${actor}-${n}-7f3a`;

it('no seat ever receives another seat’s hidden choices before the reveal', async () => {
  const created = await post(`${s.url}/api/sessions`, { scenario: 'panmunjom-2018', seed: 'canary' });
  const { code, instructorToken } = created.json;
  const socket = (token: string): string => `${s.ws}/api/sessions/${code}/socket?token=${token}`;
  const actors = ['USA', 'ROK', 'DPRK'];
  const tokens: Record<string, string> = {};
  for (const a of actors)
    tokens[a] = (
      await post(`${s.url}/api/sessions/${code}/seats`, { name: `Student ${a}`, actor: a })
    ).json.seatToken;
  const observerToken = (
    await post(`${s.url}/api/sessions/${code}/seats`, { name: 'Watcher', observer: true })
  ).json.seatToken;

  /** Every client that ever connected, with the actor whose canaries it may see (null: none). */
  const clients: { owner: string | null; client: Client }[] = [];
  const open = async (owner: string | null, token: string): Promise<Client> => {
    const c = await Client.open(socket(token));
    clients.push({ owner, client: c });
    return c;
  };
  const seats: Record<string, Client> = {};
  for (const a of actors) seats[a] = await open(a, tokens[a]!);
  const instructor = await open(null, instructorToken);
  await open(null, observerToken);
  await instructor.next((m) => m.type === 'view', 5000, 0);
  let n = 0;
  const planted: { actor: string; canary: string }[] = [];

  /** Each seat that owes an input in its latest view submits one carrying a fresh canary. */
  async function playOnce(only?: string[]): Promise<void> {
    for (const a of only ?? actors) {
      const c = seats[a]!;
      // The view that reflects everything acknowledged so far (views and `submitted` updates follow acks).
      const latest = Math.max(0, ...clients.flatMap(({ client }) => client.messages.map((x) => x.seq)));
      await c.next((x) => (x.type === 'view' || x.type === 'submitted') && x.seq >= latest, 5000, 0);
      const m = c.currentView()!;
      const view = m.view as PlayerView;
      if (!owes(view)) continue;
      const canary = CANARY(a, n++);
      planted.push({ actor: a, canary });
      const r = await c.request({ type: 'input', input: quietInput(view, canary) });
      expect(r.type).toBe('ack');
    }
  }

  // In the lobby: USA submits before the game starts; then start (computers take the other seats).
  await playOnce(['USA']);
  expect((await instructor.request({ type: 'command', command: 'start' })).type).toBe('ack');
  await playOnce(['ROK']);
  // ROK resumes with its input held; DPRK joins a second device (a team) mid-phase.
  await seats.ROK!.close();
  seats.ROK = await open('ROK', tokens.ROK!);
  const resumed = await seats.ROK.next((m) => m.type === 'view', 5000, 0);
  expect(JSON.stringify(resumed)).toContain(planted.at(-1)!.canary);
  const teammate = await post(`${s.url}/api/sessions/${code}/seats`, { name: 'Teammate', actor: 'DPRK' });
  await open('DPRK', teammate.json.seatToken);
  expect(
    (await instructor.request({ type: 'command', command: 'announce', text: 'Talks resume at noon.' })).type,
  ).toBe('ack');

  // Two whole rounds, with a pause and a resume in the middle and a deadline that fills a missing seat.
  for (let i = 0; i < 4; i++) {
    await playOnce();
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await instructor.request({ type: 'command', command: 'pause' })).type).toBe('ack');
  expect((await instructor.request({ type: 'command', command: 'resume' })).type).toBe('ack');
  await playOnce(['USA', 'ROK']);
  expect((await instructor.request({ type: 'command', command: 'deadline', seconds: 5 })).type).toBe('ack');
  const log0 = (await s.store.events(code)).length;
  await instructor.next(
    (m) =>
      (m.type === 'view' && m.seq > log0 && m.session.deadline === null) ||
      (m.type === 'view' && m.session.phase !== null && m.seq > log0 + 1),
    15_000,
  );
  await playOnce();
  await new Promise((r) => setTimeout(r, 300));

  // Before the reveal: nobody saw anyone else's canary.
  const beforeEnd = clients.map(({ owner, client }) => ({ owner, raw: [...client.raw] }));
  expect(planted.length).toBeGreaterThanOrEqual(9);
  let checked = 0;
  for (const { owner, raw } of beforeEnd)
    for (const text of raw)
      for (const { actor, canary } of planted) {
        checked++;
        if (actor !== owner)
          expect(text, `a message to ${owner ?? 'the instructor or an observer'}`).not.toContain(canary);
      }
  expect(checked).toBeGreaterThan(1000);
  // Every path was taken: whole views, and `submitted` updates while a phase collected (to other seats, the
  // observer and the instructor, with the roster).
  for (const { raw } of beforeEnd) expect(raw.some((t) => t.startsWith('{"type":"submitted"'))).toBe(true);
  expect(instructor.raw.some((t) => t.startsWith('{"type":"roster"'))).toBe(true);
  // The deadline filled DPRK's missing seat, and the log says so.
  const log = await s.store.events(code);
  expect(log.some((e) => e.event.kind === 'input' && e.event.by === 'deadline')).toBe(true);

  // The canaries are real: a seat whose input was held (not the last one in) got it back in its own view, so
  // the check above could fail.
  for (const a of ['USA', 'ROK'])
    expect(
      clients.filter((c) => c.owner === a).some((c) => c.client.raw.some((t) => t.includes(`canary-${a}-`))),
    ).toBe(true);

  for (const { client } of clients) await client.close();
}, 120_000);
