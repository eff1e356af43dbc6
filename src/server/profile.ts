/** A CPU profile of this process over a window (the play of `qpq bench --classroom`), as a .cpuprofile file. */
import { writeFileSync } from 'node:fs';
import { Session as InspectorSession } from 'node:inspector';

export function cpuProfiler(file: string): { start(): Promise<void>; stop(): Promise<void> } {
  const session = new InspectorSession();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((ok, fail) => session.post(method, (e, r) => (e ? fail(e) : ok(r))));
  let running = false;
  return {
    async start() {
      await post('Profiler.enable');
      await post('Profiler.start');
      running = true;
    },
    async stop() {
      if (!running) return;
      running = false;
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}
