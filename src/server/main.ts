/**
 * `npm start`: the built game and the classroom server on one port (PORT, default 4173), the event log in
 * SQLite under DATA_DIR (default ./data).
 */
import { join, resolve } from 'node:path';
import { createClassroomServer } from './server.ts';
import { SqliteStore } from './store.ts';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 4173);
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const store = new SqliteStore(dataDir);
const server = createClassroomServer({
  store,
  scenarioDir: join(root, 'scenarios'),
  distDir: resolve(process.env.DIST_DIR ?? join(root, 'dist')),
  snapshotEvery: Number(process.env.SNAPSHOT_EVERY ?? 50),
  graceMs: Number(process.env.GRACE_MS ?? 60_000),
});
const host = process.env.HOST ?? '0.0.0.0';
const bound = await server.listen(port, host);
console.log(`Quid Pro Quo on http://localhost:${bound}/ (classroom log in ${dataDir})`);

const stop = (): void => {
  void server
    .close()
    .then(() => store.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
