/**
 * `npm start`: the built game and the classroom server on one port (PORT, default 4173), the event log in
 * SQLite under DATA_DIR (default ./data).
 */
import { join, resolve } from 'node:path';
import { Cluster } from './cluster.ts';
import { createClassroomServer } from './server.ts';
import { PgStore } from './store-pg.ts';
import { SqliteStore } from './store.ts';
import type { Store } from './store.ts';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 4173);
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
// DATABASE_URL: the log in Postgres; REDIS_URL: several processes share sessions (leases in Redis).
const store: Store = process.env.DATABASE_URL
  ? new PgStore(process.env.DATABASE_URL)
  : new SqliteStore(dataDir);
const cluster = process.env.REDIS_URL
  ? new Cluster(process.env.REDIS_URL, Number(process.env.LEASE_MS ?? 5000))
  : undefined;
const server = createClassroomServer({
  store,
  scenarioDir: join(root, 'scenarios'),
  distDir: resolve(process.env.DIST_DIR ?? join(root, 'dist')),
  snapshotEvery: Number(process.env.SNAPSHOT_EVERY ?? 50),
  graceMs: Number(process.env.GRACE_MS ?? 60_000),
  ...(cluster ? { cluster } : {}),
});
const host = process.env.HOST ?? '0.0.0.0';
const bound = await server.listen(port, host);
console.log(
  `Quid Pro Quo on http://localhost:${bound}/ (classroom log in ${process.env.DATABASE_URL ? 'Postgres' : dataDir}${cluster ? ', sharing sessions through Redis' : ''})`,
);

const stop = (): void => {
  void server
    .close()
    .then(() => store.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
