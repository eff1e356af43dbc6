/**
 * Crashes: the server runs as a child process and is killed with SIGKILL at random moments while simulated
 * students play; after each kill it restarts on the same log. Every acknowledged input must be in the log, in a
 * log numbered 1, 2, 3… with no gap and no duplicate input, the session must rebuild from snapshot + log, and
 * clients must resume from at least the last sequence number they saw.
 */
import { startServerProcess } from '../../src/server/process.ts';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../../src/cli/chromium.ts';
import type { PlayerView } from '../../src/engine/index.ts';
import { Room } from '../../src/server/room.ts';
import { scenarioLibrary } from '../../src/server/server.ts';
import { SqliteStore } from '../../src/server/store.ts';
import { Client, ROOT, post } from './helpers.ts';
import { owes, quietInput } from './play.ts';

const KILLS = Number(process.env.QPQ_CRASH_KILLS ?? 6);

const startChild = (port: number, dir: string): Promise<ChildProcess> =>
  startServerProcess({ PORT: String(port), DATA_DIR: dir, SNAPSHOT_EVERY: '5', GRACE_MS: '600000' });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

it(`loses no acknowledged input across ${KILLS} SIGKILLs, and clients resume`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qpq-crash-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let child = await startChild(port, dir);
  try {
    const { code, instructorToken } = (
      await post(`${base}/api/sessions`, { scenario: 'panmunjom-2018', seed: 'crash' })
    ).json;
    const actors = ['USA', 'ROK', 'JPN'];
    const tokens: Record<string, string> = {};
    for (const a of actors)
      tokens[a] = (await post(`${base}/api/sessions/${code}/seats`, { name: a, actor: a })).json.seatToken;
    const ins = await Client.open(
      `ws://127.0.0.1:${port}/api/sessions/${code}/socket?token=${instructorToken}`,
    );
    expect((await ins.request({ type: 'command', command: 'start' })).type).toBe('ack');
    await ins.close();

    const acked: { actor: string; seq: number; input: unknown }[] = [];
    const resumes: { actor: string; lastSeen: number; first: number }[] = [];
    let done = false;

    /** One student: plays whenever its view owes an input, reconnects after every drop. */
    async function student(actor: string): Promise<void> {
      let lastSeen = 0;
      let n = 0;
      while (!done) {
        let c: Client;
        try {
          c = await Client.open(
            `ws://127.0.0.1:${port}/api/sessions/${code}/socket?token=${tokens[actor]}&since=${lastSeen}`,
          );
        } catch {
          await sleep(50);
          continue;
        }
        try {
          const first = await c.next((m) => m.type === 'view', 5000, 0);
          if (lastSeen > 0) resumes.push({ actor, lastSeen, first: first.seq });
          while (!done && !c.closed) {
            const m = c.lastView()!;
            lastSeen = Math.max(lastSeen, ...c.messages.map((x) => x.seq));
            const view = m.view as PlayerView;
            if (view.end) {
              done = true;
              break;
            }
            if (owes(view)) {
              // A student takes a moment, so the game outlasts every kill.
              await sleep(300);
              const input = quietInput(view, `${actor}-${n++}`);
              const r = await c.request({ type: 'input', input });
              if (r.type === 'ack') acked.push({ actor, seq: r.seq, input });
              else expect(r.type, JSON.stringify(r)).toBe('rejected');
            }
            // Wait for a newer view than the one just read.
            await c
              .next((x) => x.type === 'view' && x !== m && x.seq >= m.seq, 2000, c.messages.indexOf(m) + 1)
              .catch(() => undefined);
          }
        } catch {
          // The server died under us: reconnect.
        }
        await c.close().catch(() => undefined);
      }
    }

    const players = actors.map((a) => student(a));
    let kills = 0;
    for (let k = 0; k < KILLS && !done; k++) {
      await sleep(200 + Math.random() * 500);
      kills++;
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      child = await startChild(port, dir);
      console.log('restarted', k, acked.length, Date.now());
    }
    await sleep(1500);
    done = true;
    await Promise.all(players);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));

    console.log('acked', acked.length, 'resumes', resumes.length, 'done', done);
    expect(kills).toBe(KILLS);
    const store = new SqliteStore(dir);
    const log = await store.events(code);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(acked.length).toBeGreaterThan(10);
    for (const a of acked) {
      const e = log[a.seq - 1]!;
      expect(e.event, `acknowledged event ${a.seq}`).toMatchObject({
        kind: 'input',
        actor: a.actor,
        by: 'student',
      });
      expect((e.event as { input: unknown }).input).toEqual(a.input);
    }
    const keys = log
      .filter((e) => e.event.kind === 'input')
      .map((e) =>
        e.event.kind === 'input' ? `${e.event.round}/${e.event.input.phase}/${e.event.actor}` : '',
      );
    expect(new Set(keys).size).toBe(keys.length);
    // The session rebuilds from its last snapshot plus the log, and from the log alone, to the same game.
    const lib = scenarioLibrary(join(ROOT, 'scenarios'));
    const opts = { snapshotEvery: 5, graceMs: 600_000, now: () => Date.now() };
    const rebuilt = await Room.load(code, store, lib.get, opts);
    expect(rebuilt!.seq).toBe(log.length);
    expect(rebuilt!.record().inputs.length).toBeGreaterThan(0);
    rebuilt!.close();
    expect(resumes.length).toBeGreaterThan(0);
    for (const r of resumes) expect(r.first, `${r.actor} resumed`).toBeGreaterThanOrEqual(r.lastSeen);

    await store.close();
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
