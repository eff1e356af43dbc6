/**
 * `qpq bench --classroom [--sessions N] [--clients M] [--rounds R] [--json]`: the classroom server under load.
 * The server runs as a child process on loopback (SQLite log in a temp folder); this process plays N sessions
 * of M students each (M / 6 students share each government, as teams do: the first to send counts, the others
 * are refused), for R rounds. Reported: acknowledgement latency p50/p95 (send to ack or rejected, every input),
 * the server's event-loop lag p99 while playing, and its memory per session.
 */
import { startServerProcess } from '../../server/process.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import type { PhaseInput, PlayerView } from '../../engine/index.ts';
import { INPUT_PHASES } from '../../engine/index.ts';
import { emptyInput } from '../../session/index.ts';
import { freePort } from '../chromium.ts';

interface Result {
  sessions: number;
  clients: number;
  rounds: number;
  inputs: number;
  ackP50Ms: number;
  ackP95Ms: number;
  ackMaxMs: number;
  lagP99Ms: number;
  lagMaxMs: number;
  memoryPerSessionMB: number;
  elapsedMs: number;
}

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const r1 = (x: number): number => Math.round(x * 10) / 10;

/** A do-nothing input for the phase the view waits in (every deal honoured), or null between phases. */
function quiet(view: PlayerView): PhaseInput | null {
  const phase = INPUT_PHASES.find((p) => p === view.phase);
  return phase ? emptyInput(phase, view) : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose JSON answers of our own server
async function json(url: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return res.json();
}

export async function benchClassroom(
  sessions: number,
  clients: number,
  rounds: number,
  cpuProfDir: string | null = null,
): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'qpq-bench-classroom-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startServerProcess(
    {
      PORT: String(port),
      DATA_DIR: dir,
      QPQ_METRICS: '1',
      GRACE_MS: '600000',
    },
    cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [],
  );
  child.stderr!.pipe(process.stderr);
  try {
    const start = (await json(`${base}/api/metrics`)) as { heapUsed: number; rss: number };
    const latencies: number[] = [];
    const traffic: Record<string, number> = {};
    const count: Record<string, number> = {};
    const sockets: WebSocket[] = [];
    const setups = [];
    for (let s = 0; s < sessions; s++) setups.push(setupSession());
    const plays = await Promise.all(setups);
    await json(`${base}/api/metrics`, undefined, 'DELETE');
    const t0 = performance.now();
    await Promise.all(plays.map((p) => p()));
    const elapsedMs = performance.now() - t0;
    const m = (await json(`${base}/api/metrics`)) as {
      heapUsed: number;
      rss: number;
      lagP99Ms: number;
      lagMaxMs: number;
    };
    for (const ws of sockets) ws.terminate();
    console.error(JSON.stringify({ traffic, count }));
    return {
      sessions,
      clients,
      rounds,
      inputs: latencies.length,
      ackP50Ms: r1(pct(latencies, 50)),
      ackP95Ms: r1(pct(latencies, 95)),
      ackMaxMs: r1(pct(latencies, 100)),
      lagP99Ms: r1(m.lagP99Ms),
      lagMaxMs: r1(m.lagMaxMs),
      memoryPerSessionMB: r1((m.rss - start.rss) / sessions / 1e6),
      elapsedMs: Math.round(elapsedMs),
    };

    /** Creates a session with its students connected; returns the function that plays it. */
    async function setupSession(): Promise<() => Promise<void>> {
      const { code, instructorToken } = await json(`${base}/api/sessions`, {
        scenario: 'panmunjom-2018',
        seed: 'bench',
      });
      const actors = ['DPRK', 'ROK', 'USA', 'PRC', 'RUS', 'JPN'];
      const tokens: string[] = [];
      for (let i = 0; i < clients; i++)
        tokens.push(
          (await json(`${base}/api/sessions/${code}/seats`, { name: `S${i}`, actor: actors[i % 6] }))
            .seatToken,
        );
      const open = (token: string): Promise<WebSocket> =>
        new Promise((ok, fail) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/api/sessions/${code}/socket?token=${token}`);
          sockets.push(ws);
          ws.once('open', () => ok(ws));
          ws.once('error', fail);
        });
      const students = await Promise.all(tokens.map(open));
      const teacher = await open(instructorToken);
      return () =>
        new Promise<void>((finish) => {
          let finished = false;
          for (const ws of students) {
            let sentFor = '';
            const sent = new Map<string, number>();
            ws.on('message', (d) => {
              const text = String(d);
              const m = JSON.parse(text);
              traffic[m.type] = (traffic[m.type] ?? 0) + text.length;
              count[m.type] = (count[m.type] ?? 0) + 1;
              if (m.type === 'ack' || m.type === 'rejected') {
                const t = sent.get(String(m.ref));
                if (t !== undefined) latencies.push(performance.now() - t);
                return;
              }
              if (m.type !== 'view' || finished) return;
              const v = m.view as PlayerView;
              if (v.end || v.round > rounds) {
                if (!finished) {
                  finished = true;
                  finish();
                }
                return;
              }
              const key = `${v.round}/${v.phase}`;
              const input = quiet(v);
              if (!input || v.submitted[v.me] || sentFor === key || m.session.status !== 'running') return;
              sentFor = key;
              const ref = `${key}/${Math.random()}`;
              sent.set(ref, performance.now());
              ws.send(JSON.stringify({ type: 'input', input, ref }));
            });
          }
          teacher.send(JSON.stringify({ type: 'command', command: 'start' }));
        });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runClassroomBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sessions: { type: 'string', default: '50' },
      clients: { type: 'string', default: '30' },
      rounds: { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
    },
  });
  const n = Number(values.sessions);
  const m = Number(values.clients);
  const r = Number(values.rounds);
  for (const [name, v] of [
    ['--sessions', n],
    ['--clients', m],
    ['--rounds', r],
  ] as const)
    if (!Number.isInteger(v) || v < 1) {
      process.stderr.write(`qpq bench --classroom: ${name} must be a whole number of at least 1.\n`);
      return 1;
    }
  const res = await benchClassroom(n, m, r, values['cpu-prof'] ? resolve(values['cpu-prof']) : null);
  if (values.json) process.stdout.write(`${JSON.stringify(res)}\n`);
  else
    process.stdout.write(
      [
        `Classroom: ${res.sessions} sessions × ${res.clients} clients, ${res.rounds} rounds, ${res.inputs} inputs in ${res.elapsedMs} ms`,
        `  ack latency   p50 ${res.ackP50Ms} ms, p95 ${res.ackP95Ms} ms, max ${res.ackMaxMs} ms  (goal p95 ≤ 50 ms)`,
        `  event loop    lag p99 ${res.lagP99Ms} ms, max ${res.lagMaxMs} ms  (goal p99 ≤ 20 ms)`,
        `  memory        ${res.memoryPerSessionMB} MB per session (server RSS growth)`,
        '',
      ].join('\n'),
    );
  return 0;
}
