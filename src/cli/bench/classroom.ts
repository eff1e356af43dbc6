/**
 * `qpq bench --classroom [--sessions N] [--clients M] [--rounds R] [--think MS] [--cpu-prof DIR] [--json]`: the
 * classroom server under load. The server runs as a child process on loopback (SQLite log in a temp folder); this
 * process plays N sessions of M students each (M / 6 students share each government, as teams do: the first to
 * send counts), for R rounds. Each student sends when a phase opens, or after a random wait up to `--think` ms
 * (seeded; a student who then sees a teammate's move in sends nothing). Reported: acknowledgement latency p50/p95
 * (send to ack or rejected, every input), the server's event-loop lag p99 while playing, its memory per session,
 * the CPU time of the server and of these simulated clients, the messages received by type, and the load average.
 * `--cpu-prof DIR` writes CPU profiles of both processes over the play.
 */
import { startServerProcess } from '../../server/process.ts';
import { cpuProfiler } from '../../server/profile.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';
import WebSocket from 'ws';
import type { PhaseInput, PlayerView } from '../../engine/index.ts';
import { INPUT_PHASES } from '../../engine/index.ts';
import { emptyInput } from '../../session/index.ts';
import { freePort } from '../chromium.ts';

interface Result {
  sessions: number;
  clients: number;
  rounds: number;
  /** Each student waits a random time up to this before sending (0: the whole class at once). */
  thinkMs: number;
  inputs: number;
  ackP50Ms: number;
  ackP95Ms: number;
  ackMaxMs: number;
  lagP99Ms: number;
  lagMaxMs: number;
  memoryPerSessionMB: number;
  elapsedMs: number;
  /** CPU time while playing: the server process's, and this process's (the simulated clients'). */
  serverCpuMs: number;
  clientCpuMs: number;
  /** Messages the clients received while playing, by type, and their size. */
  messages: Record<string, number>;
  receivedMB: number;
  /** The machine's 1-minute load average when the play began and when it ended (it is shared). */
  loadBefore: number;
  loadAfter: number;
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
  think = 0,
): Promise<Result> {
  // Each student's thinking time before a move: uniform in [0, think] ms, from a seeded generator.
  const rng = seedrandom(`bench-classroom-think`);
  const dir = mkdtempSync(join(tmpdir(), 'qpq-bench-classroom-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startServerProcess({
    PORT: String(port),
    DATA_DIR: dir,
    QPQ_METRICS: '1',
    GRACE_MS: '600000',
    ...(cpuProfDir ? { QPQ_CPU_PROFILE: join(cpuProfDir, 'server-play.cpuprofile') } : {}),
  });
  const clientProfile = cpuProfDir ? cpuProfiler(join(cpuProfDir, 'clients-play.cpuprofile')) : null;
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
    const before = (await json(`${base}/api/metrics`, undefined, 'DELETE')) as { cpuMs: number };
    for (const k of Object.keys(traffic)) delete traffic[k];
    for (const k of Object.keys(count)) delete count[k];
    const loadBefore = loadavg()[0]!;
    await clientProfile?.start();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(plays.map((p) => p()));
    const elapsedMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await clientProfile?.stop();
    const m = (await json(`${base}/api/metrics`)) as {
      heapUsed: number;
      rss: number;
      lagP99Ms: number;
      lagMaxMs: number;
      cpuMs: number;
    };
    for (const ws of sockets) ws.terminate();
    return {
      sessions,
      clients,
      rounds,
      thinkMs: think,
      inputs: latencies.length,
      ackP50Ms: r1(pct(latencies, 50)),
      ackP95Ms: r1(pct(latencies, 95)),
      ackMaxMs: r1(pct(latencies, 100)),
      lagP99Ms: r1(m.lagP99Ms),
      lagMaxMs: r1(m.lagMaxMs),
      memoryPerSessionMB: r1((m.rss - start.rss) / sessions / 1e6),
      elapsedMs: Math.round(elapsedMs),
      serverCpuMs: Math.round(m.cpuMs - before.cpuMs),
      clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      messages: count,
      receivedMB: r1(Object.values(traffic).reduce((a, b) => a + b, 0) / 1e6),
      loadBefore: r1(loadBefore),
      loadAfter: r1(loadavg()[0]!),
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
            let latest: PlayerView | null = null;
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
              latest = v;
              if (!input || v.submitted[v.me] || sentFor === key || m.session.status !== 'running') return;
              sentFor = key;
              const go = (): void => {
                // A student who thought for a while sees that a teammate's move is already in, and sends nothing.
                if (think > 0 && (latest?.submitted[v.me] || `${latest?.round}/${latest?.phase}` !== key))
                  return;
                const ref = `${key}/${sent.size}`;
                sent.set(ref, performance.now());
                ws.send(JSON.stringify({ type: 'input', input, ref }));
              };
              if (think > 0) setTimeout(go, rng() * think);
              else go();
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
      think: { type: 'string', default: '0' },
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
  const think = Number(values.think);
  if (!(Number.isFinite(think) && think >= 0 && think <= 600_000)) {
    process.stderr.write('qpq bench --classroom: --think must be milliseconds between 0 and 600000.\n');
    return 1;
  }
  const res = await benchClassroom(n, m, r, values['cpu-prof'] ? resolve(values['cpu-prof']) : null, think);
  if (values.json) process.stdout.write(`${JSON.stringify(res)}\n`);
  else
    process.stdout.write(
      [
        `Classroom: ${res.sessions} sessions × ${res.clients} clients, ${res.rounds} rounds, think ${res.thinkMs} ms, ${res.inputs} inputs in ${res.elapsedMs} ms`,
        `  ack latency   p50 ${res.ackP50Ms} ms, p95 ${res.ackP95Ms} ms, max ${res.ackMaxMs} ms  (goal p95 ≤ 50 ms)`,
        `  event loop    lag p99 ${res.lagP99Ms} ms, max ${res.lagMaxMs} ms  (goal p99 ≤ 20 ms)`,
        `  memory        ${res.memoryPerSessionMB} MB per session (server RSS growth)`,
        `  CPU           server ${res.serverCpuMs} ms, clients ${res.clientCpuMs} ms while playing; clients received ${res.receivedMB} MB (${Object.entries(
          res.messages,
        )
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')})`,
        `  machine       load average ${res.loadBefore} → ${res.loadAfter} (2 cores, shared)`,
        '',
      ].join('\n'),
    );
  return 0;
}
