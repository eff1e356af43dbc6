/**
 * The classroom protocol's fixed points (DESIGN.md, "Classroom sessions"): creating a session, taking a seat, the
 * WebSocket's first view, ack / rejected / error, the record behind the instructor's token, and the refusals
 * (401, 403, 404, 400) for bad tokens, unknown codes and malformed or oversized bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_ALPHABET, isCode } from '../../src/server/codes.ts';
import { csvCell } from '../../src/server/export.ts';
import { Client, post, startServer } from './helpers.ts';
import type { Running } from './helpers.ts';

let s: Running;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.stop();
});

const sessionsUrl = (): string => `${s.url}/api/sessions`;
const socket = (code: string, token: string): string =>
  `${s.ws}/api/sessions/${code}/socket?token=${encodeURIComponent(token)}`;

async function newSession(body: Record<string, unknown> = { scenario: 'panmunjom-2018', seed: 7 }) {
  const r = await post(sessionsUrl(), body);
  expect(r.status).toBe(201);
  return r.json as { code: string; instructorToken: string };
}

describe('POST /api/sessions', () => {
  it('answers 201 with a short join code without look-alike characters and an opaque instructor token', async () => {
    const r = await post(sessionsUrl(), { scenario: 'panmunjom-2018', seed: 'abc' });
    expect(r.status).toBe(201);
    expect(Object.keys(r.json).sort()).toEqual(['code', 'instructorToken']);
    expect(isCode(r.json.code)).toBe(true);
    for (const c of '0O1IL5S8B2Z') expect(CODE_ALPHABET).not.toContain(c);
    expect(r.json.instructorToken.length).toBeGreaterThanOrEqual(32);
  });

  it('stores tokens hashed: the log never holds a token in clear', async () => {
    const { code, instructorToken } = await newSession();
    const seat = await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada' });
    const log = JSON.stringify(await s.store.events(code));
    expect(log).not.toContain(instructorToken);
    expect(log).not.toContain(seat.json.seatToken);
  });

  it.each([
    ['an unknown scenario', { scenario: 'atlantis' }],
    ['no scenario', { seed: 1 }],
    ['a seed that is an object', { scenario: 'panmunjom-2018', seed: { a: 1 } }],
    ['an array body', [1, 2]],
    ['a phase that lasts a second', { scenario: 'panmunjom-2018', phaseSeconds: 1 }],
  ])('answers 400 for %s', async (_what, body) => {
    const r = await post(sessionsUrl(), body);
    expect(r.status).toBe(400);
    expect(typeof r.json.error).toBe('string');
  });

  it('answers 400 for malformed JSON and for an oversized body, and keeps serving', async () => {
    expect((await post(sessionsUrl(), '{"scenario": ')).status).toBe(400);
    const huge = JSON.stringify({ scenario: 'panmunjom-2018', seed: 'x'.repeat(100_000) });
    expect((await post(sessionsUrl(), huge)).status).toBe(400);
    await newSession();
  });
});

describe('POST /api/sessions/<code>/seats', () => {
  it('answers 201 with a seat token and the government asked for, or null when none was asked for', async () => {
    const { code } = await newSession();
    const a = await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada', actor: 'USA' });
    expect(a.status).toBe(201);
    expect(a.json.actor).toBe('USA');
    expect(typeof a.json.seatToken).toBe('string');
    const b = await post(`${sessionsUrl()}/${code}/seats`, { name: 'Bo' });
    expect(b.status).toBe(201);
    expect(b.json).toEqual({ seatToken: expect.any(String), actor: null });
    // Codes are read off a projector: lower case and dashes are forgiven.
    const lower = `${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`;
    expect((await post(`${sessionsUrl()}/${lower}/seats`, { name: 'Cy' })).status).toBe(201);
  });

  it('answers 404 for an unknown code and 400 for a bad name or government', async () => {
    const { code } = await newSession();
    expect((await post(`${sessionsUrl()}/AAAAAA/seats`, { name: 'Ada' })).status).toBe(404);
    expect((await post(`${sessionsUrl()}/not-a-code!/seats`, { name: 'Ada' })).status).toBe(404);
    expect((await post(`${sessionsUrl()}/${code}/seats`, { name: '' })).status).toBe(400);
    expect((await post(`${sessionsUrl()}/${code}/seats`, { name: 'x'.repeat(61) })).status).toBe(400);
    expect((await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada', actor: 'ATLANTIS' })).status).toBe(
      400,
    );
    expect((await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada', actor: 7 })).status).toBe(400);
    expect((await post(`${sessionsUrl()}/${code}/seats`, 'nope')).status).toBe(400);
  });
});

describe('WebSocket /api/sessions/<code>/socket', () => {
  it('sends the seat its own view first, with type and seq, and every message after has both', async () => {
    const { code } = await newSession();
    const seat = await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada', actor: 'ROK' });
    const c = await Client.open(socket(code, seat.json.seatToken));
    const first = await c.next(() => true, 5000, 0);
    expect(first.type).toBe('view');
    expect(first.seq).toBeGreaterThan(0);
    expect(first.view.me).toBe('ROK');
    expect(first.view.phase).toBe('proposing');
    await c.request({ type: 'ping' });
    for (const m of c.messages) {
      expect(typeof m.type).toBe('string');
      expect(Number.isInteger(m.seq)).toBe(true);
    }
    await c.close();
  });

  it('acks a valid input, rejects an invalid one with the engine code, and answers malformed messages with an error that changes nothing', async () => {
    const { code, instructorToken } = await newSession();
    const seat = await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada', actor: 'USA' });
    const c = await Client.open(socket(code, seat.json.seatToken));
    await c.next((m) => m.type === 'view', 5000, 0);
    const before = (await s.store.events(code)).length;
    for (const bad of [
      'not json',
      '[]',
      '{"no":"type"}',
      '{"type":"input"}',
      '{"type":"launch"}',
      '{"type":"command","command":"end"}',
    ])
      c.ws.send(bad);
    c.ws.send('x'.repeat(70_000));
    await c.request({ type: 'ping' });
    const errors = c.messages.filter((m) => m.type === 'error');
    expect(errors).toHaveLength(7);
    expect((await s.store.events(code)).length).toBe(before);

    const wrong = await c.request({
      type: 'input',
      input: { phase: 'commitment', decisions: [], actions: [] },
    });
    expect(wrong).toMatchObject({ type: 'rejected', code: 'WRONG_PHASE' });
    const junk = await c.request({ type: 'input', input: { phase: 'proposing', offers: 'many' } });
    expect(junk).toMatchObject({ type: 'rejected', code: 'MALFORMED' });
    expect((await s.store.events(code)).length).toBe(before);

    const ok = await c.request({ type: 'input', input: { phase: 'proposing', offers: [] } });
    expect(ok.type).toBe('ack');
    const log = await s.store.events(code);
    expect(log.at(-1)!.event).toMatchObject({ kind: 'input', actor: 'USA', by: 'student' });
    expect(ok.seq).toBe(log.at(-1)!.seq);
    const again = await c.request({ type: 'input', input: { phase: 'proposing', offers: [] } });
    expect(again).toMatchObject({ type: 'rejected', code: 'ALREADY_SUBMITTED' });

    // The instructor is not a seat: its first message is a view of public information with the roster.
    const ins = await Client.open(socket(code, instructorToken));
    const iv = await ins.next((m) => m.type === 'view', 5000, 0);
    expect(iv.role).toBe('instructor');
    expect(iv.view.me).toBeUndefined();
    expect(iv.view.myTrust).toBeUndefined();
    expect(iv.roster).toEqual([
      expect.objectContaining({ name: 'Ada', actor: 'USA', connected: true, submitted: true }),
    ]);
    expect((await ins.request({ type: 'input', input: { phase: 'proposing', offers: [] } })).type).toBe(
      'error',
    );
    await c.close();
    await ins.close();
  });

  it('while a phase collects, tells everyone who has submitted (the team also its own input) and sends whole views when it closes', async () => {
    const { code, instructorToken } = await newSession();
    const seat = async (actor: string): Promise<Client> =>
      Client.open(
        socket(code, (await post(`${sessionsUrl()}/${code}/seats`, { name: actor, actor })).json.seatToken),
      );
    const usa = await seat('USA');
    const teammate = await seat('USA');
    const rok = await seat('ROK');
    const ins = await Client.open(socket(code, instructorToken));
    expect((await ins.request({ type: 'command', command: 'start' })).type).toBe('ack');
    for (const c of [usa, teammate, rok])
      await c.next((m) => m.type === 'view' && m.session.status === 'running');
    const from = [usa, teammate, rok, ins].map((c) => c.messages.length);

    const input = { phase: 'proposing', offers: [], why: 'secret plan' };
    const ack = await usa.request({ type: 'input', input });
    expect(ack.type).toBe('ack');
    const update = (c: Client, i: number) => c.next((m) => m.type === 'submitted', 5000, from[i]);
    const [mine, team, other, instr] = await Promise.all([usa, teammate, rok, ins].map(update));
    for (const m of [mine, team, other, instr]) {
      expect(m).toMatchObject({ seq: ack.seq, round: 1, phase: 'proposing' });
      expect(m.submitted).toMatchObject({ USA: true, ROK: false });
    }
    expect(mine.myInput).toEqual(input);
    expect(team.myInput).toEqual(input);
    expect(other.myInput).toBeUndefined();
    expect(instr.myInput).toBeUndefined();
    expect(JSON.stringify(other)).not.toContain('secret plan');
    // No whole view went out for a held input; the instructor's roster says who is in.
    for (const [i, c] of [usa, teammate, rok, ins].entries())
      expect(c.messages.slice(from[i]).some((m) => m.type === 'view')).toBe(false);
    const roster = await ins.next((m) => m.type === 'roster', 5000, from[3]);
    expect(roster.roster.filter((r: { submitted: boolean }) => r.submitted)).toHaveLength(2);

    // ROK, the last person owed, closes the phase: everyone gets a whole view of the next phase.
    expect((await rok.request({ type: 'input', input: { phase: 'proposing', offers: [] } })).type).toBe(
      'ack',
    );
    for (const c of [usa, teammate, rok, ins])
      expect(
        (await c.next((m) => m.type === 'view' && m.view.phase === 'responding')).view.submitted.USA,
      ).toBe(false);
    for (const c of [usa, teammate, rok, ins]) await c.close();
  });

  it('refuses a missing token with 401, a wrong one with 403 and an unknown code with 404', async () => {
    const { code } = await newSession();
    await expect(Client.open(`${s.ws}/api/sessions/${code}/socket`)).rejects.toThrow('HTTP 401');
    await expect(Client.open(socket(code, 'forged-token'))).rejects.toThrow('HTTP 403');
    await expect(Client.open(socket('AAAAAA', 'forged-token'))).rejects.toThrow('HTTP 404');
    // A token of another session is no token here.
    const other = await newSession();
    await expect(Client.open(socket(code, other.instructorToken))).rejects.toThrow('HTTP 403');
  });
});

describe('GET /api/sessions/<code>/record', () => {
  it('gives the instructor the game record and refuses everyone else', async () => {
    const { code, instructorToken } = await newSession();
    const seat = await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada', actor: 'USA' });
    const get = (headers: Record<string, string>, c = code) =>
      fetch(`${sessionsUrl()}/${c}/record`, { headers });
    expect((await get({})).status).toBe(401);
    expect((await get({ authorization: 'Basic abc' })).status).toBe(401);
    expect((await get({ authorization: `Bearer ${seat.json.seatToken}` })).status).toBe(403);
    expect((await get({ authorization: `Bearer ${instructorToken}` }, 'AAAAAA')).status).toBe(404);
    const ok = await get({ authorization: `Bearer ${instructorToken}` });
    expect(ok.status).toBe(200);
    const record = await ok.json();
    expect(record).toMatchObject({ scenario: { id: 'panmunjom-2018' }, seed: '7', inputs: [] });
  });

  it('gives it to the class once the instructor releases the debrief after the game, and only then', async () => {
    const { code, instructorToken } = await newSession();
    const seat = await post(`${sessionsUrl()}/${code}/seats`, { name: 'Ada', actor: 'USA' });
    const other = await newSession();
    const stranger = await post(`${sessionsUrl()}/${other.code}/seats`, { name: 'Bo', actor: 'USA' });
    const asSeat = (token: string) =>
      fetch(`${sessionsUrl()}/${code}/record`, { headers: { authorization: `Bearer ${token}` } });
    const ins = await Client.open(socket(code, instructorToken));
    const command = async (command: string) => (await ins.request({ type: 'command', command })).type;
    expect(await command('start')).toBe('ack');
    expect(await command('release')).toBe('rejected');
    expect((await asSeat(seat.json.seatToken)).status).toBe(403);
    expect(await command('end')).toBe('ack');
    expect((await asSeat(seat.json.seatToken)).status).toBe(403);
    expect(await command('release')).toBe('ack');
    const view = await ins.next((m) => m.type === 'view' && m.session.released === true, 5000, 0);
    expect(view.session.status).toBe('ended');
    const ok = await asSeat(seat.json.seatToken);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ scenario: { id: 'panmunjom-2018' }, seed: '7' });
    expect((await asSeat(stranger.json.seatToken)).status).toBe(403);
    // The exports with names stay the instructor's.
    const csv = await fetch(`${sessionsUrl()}/${code}/decisions.csv`, {
      headers: { authorization: `Bearer ${seat.json.seatToken}` },
    });
    expect(csv.status).toBe(403);
    await ins.close();
  });
});

describe('decisions CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('plain')).toBe('plain');
  });
});
