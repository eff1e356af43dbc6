/**
 * Does a second busy thread make each game dearer in CPU time on this machine? Worker A plays the same few
 * games over and over (after a warm-up); worker B alternates every PERIOD ms between working and sleeping. A's
 * CPU time per game (its own thread's, from /proc, Linux only) is labelled by what B was doing and compared game
 * by game (the same work) between the two states. What B does: MODE=games (Normal games, as a second
 * `--workers` thread would), spin (float arithmetic, no memory traffic) or mem (random writes into 32 MB).
 *
 *   nice -n 10 node --import tsx scripts/contention.ts            # SECS=60 PERIOD=3000 MODE=games
 *
 * Session 10 read 1.19× (games), 1.11× (spin), 1.08× (mem): two busy vCPUs slow each other whatever they do, as two
 * hyperthreads of one core would, which bounds what a second worker can add (BENCHMARKS.md, "Session 10").
 */
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

interface Sample {
  i: number;
  on: boolean;
  cpu: number;
  wall: number;
}

/** CPU milliseconds of this thread so far (utime + stime, in clock ticks of 10 ms). */
function threadMs(): number {
  const s = readFileSync('/proc/thread-self/stat', 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const GAMES = 40;

if (isMainThread) {
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const secs = Number(process.env.SECS ?? 60);
  const period = Number(process.env.PERIOD ?? 3000);
  const mode = process.env.MODE ?? 'games';
  // Workers register the TypeScript loader themselves, as `qpq simulate --workers` does (src/cli/parallel.ts).
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const start = (role: 'A' | 'B'): Worker =>
    new Worker(boot, { eval: true, workerData: { role, flag, secs, period, mode } });
  const a = start('A');
  const b = start('B');
  const samples = await new Promise<Sample[]>((resolve) => a.on('message', resolve));
  await new Promise((resolve) => b.on('exit', resolve));
  const mean = (xs: Sample[], f: (x: Sample) => number): number =>
    xs.reduce((s, x) => s + f(x), 0) / xs.length;
  const on = samples.filter((x) => x.on);
  const off = samples.filter((x) => !x.on);
  const ratios: number[] = [];
  for (let i = 0; i < GAMES; i++) {
    const x = on.filter((g) => g.i === i);
    const y = off.filter((g) => g.i === i);
    if (x.length && y.length) ratios.push(mean(x, (g) => g.cpu) / mean(y, (g) => g.cpu));
  }
  ratios.sort((p, q) => p - q);
  process.stdout.write(
    `MODE=${mode}: A's games while B works: ${on.length}, ${mean(on, (x) => x.cpu).toFixed(2)} CPU ms a game ` +
      `(${mean(on, (x) => x.wall).toFixed(2)} ms wall); while B sleeps: ${off.length}, ${mean(off, (x) => x.cpu).toFixed(2)} ` +
      `(${mean(off, (x) => x.wall).toFixed(2)} ms wall); per game, works ÷ sleeps, median ${ratios[ratios.length >> 1]!.toFixed(3)} ` +
      `over ${ratios.length} games\n`,
  );
} else {
  const { role, flag, secs, period, mode } = workerData as {
    role: 'A' | 'B';
    flag: Int32Array;
    secs: number;
    period: number;
    mode: string;
  };
  const { playGames } = await import('../src/ai/simulate.ts');
  const { readScenario } = await import('../src/cli/files.ts');
  const world = readScenario(process.env.SCENARIO ?? 'panmunjom-2018').world;
  const opts = { seed: '1', fallback: process.env.STRATEGY ?? 'objective' };
  playGames(world, opts, 1000, 1150, () => {}); // warm: V8 compiles a Normal game's code over its first hundred or so
  const end = Date.now() + secs * 1000;
  if (role === 'A') {
    Atomics.store(flag, 1, 1);
    const out: Sample[] = [];
    for (let i = 0; Date.now() < end; i++) {
      const on = Atomics.load(flag, 0) === 1;
      const c = threadMs();
      const t = performance.now();
      playGames(world, opts, i % GAMES, (i % GAMES) + 1, () => {});
      // A game during which B changed state is left out.
      if (on === (Atomics.load(flag, 0) === 1))
        out.push({ i: i % GAMES, on, cpu: threadMs() - c, wall: performance.now() - t });
    }
    parentPort!.postMessage(out);
  } else {
    while (Atomics.load(flag, 1) === 0) await new Promise((r) => setTimeout(r, 10));
    const buf = new Float64Array(4 << 20);
    let x = 0;
    while (Date.now() < end) {
      const stop = Date.now() + period;
      Atomics.store(flag, 0, 1);
      for (let j = 0; Date.now() < stop; j++) {
        if (mode === 'games') playGames(world, opts, 500 + (j % GAMES), 501 + (j % GAMES), () => {});
        else if (mode === 'spin') for (let k = 0; k < 1e6; k++) x = (x * 1.0000001 + 1) % 1e9;
        else for (let k = 0; k < buf.length; k += 8) buf[(k * 7919) % buf.length]! += 1;
      }
      Atomics.store(flag, 0, 0);
      await new Promise((r) => setTimeout(r, period));
    }
    if (x < 0) process.stdout.write(''); // keeps the spin's result alive
  }
}
