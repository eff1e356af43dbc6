/**
 * The event log in Postgres, for several server processes: the same Store as SQLite, with
 * PRIMARY KEY (session, seq) so that a second writer of the same event number fails instead of forking a game.
 */
import pg from 'pg';
import type { RoomEvent } from './events.ts';
import { SeqConflictError } from './store.ts';
import type { Loaded, Store, StoredEvent } from './store.ts';

export class PgStore implements Store {
  private readonly pool: pg.Pool;
  private ready: Promise<void>;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10 });
    this.ready = this.pool
      .query(
        `CREATE TABLE IF NOT EXISTS qpq_events (
           session TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, event JSONB NOT NULL,
           PRIMARY KEY (session, seq));
         CREATE TABLE IF NOT EXISTS qpq_snapshots (
           session TEXT NOT NULL, seq INTEGER NOT NULL, data JSONB NOT NULL, PRIMARY KEY (session, seq));`,
      )
      .then(() => undefined)
      .catch((e: unknown) => {
        // Two processes creating the tables at once: the loser's error is harmless.
        if ((e as { code?: string }).code !== '23505') throw e;
      });
  }

  /** Per session, the last append: a session's rows go in one after another, and none after one that failed. */
  private readonly tails = new Map<string, Promise<void>>();

  append(code: string, seq: number, at: number, event: RoomEvent): Promise<void> {
    const next = (this.tails.get(code) ?? Promise.resolve()).then(() => this.insert(code, seq, at, event));
    this.tails.set(code, next);
    const forget = (): void => {
      if (this.tails.get(code) === next) this.tails.delete(code);
    };
    next.then(forget, forget);
    return next;
  }

  private async insert(code: string, seq: number, at: number, event: RoomEvent): Promise<void> {
    await this.ready;
    try {
      await this.pool.query('INSERT INTO qpq_events (session, seq, at, event) VALUES ($1, $2, $3, $4)', [
        code,
        seq,
        at,
        JSON.stringify(event),
      ]);
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        throw new SeqConflictError(`Session ${code} already has an event ${seq}.`);
      throw e;
    }
  }

  async snapshot(code: string, seq: number, data: unknown): Promise<void> {
    await this.ready;
    await this.pool.query(
      'INSERT INTO qpq_snapshots (session, seq, data) VALUES ($1, $2, $3) ON CONFLICT (session, seq) DO NOTHING',
      [code, seq, JSON.stringify(data)],
    );
  }

  async load(code: string): Promise<Loaded | null> {
    await this.ready;
    const snap = await this.pool.query<{ seq: number; data: unknown }>(
      'SELECT seq, data FROM qpq_snapshots WHERE session = $1 ORDER BY seq DESC LIMIT 1',
      [code],
    );
    const s = snap.rows[0];
    const rows = await this.pool.query<{ seq: number; at: string; event: RoomEvent }>(
      'SELECT seq, at, event FROM qpq_events WHERE session = $1 AND seq > $2 ORDER BY seq',
      [code, s?.seq ?? 0],
    );
    if (!s && rows.rows.length === 0) return null;
    return { snapshot: s ? { seq: s.seq, data: s.data } : null, events: rows.rows.map(row) };
  }

  async codes(): Promise<string[]> {
    await this.ready;
    const r = await this.pool.query<{ session: string }>('SELECT session FROM qpq_events WHERE seq = 1');
    return r.rows.map((x) => x.session);
  }

  async events(code: string): Promise<StoredEvent[]> {
    await this.ready;
    const r = await this.pool.query<{ seq: number; at: string; event: RoomEvent }>(
      'SELECT seq, at, event FROM qpq_events WHERE session = $1 ORDER BY seq',
      [code],
    );
    return r.rows.map(row);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const row = (r: { seq: number; at: string; event: RoomEvent }): StoredEvent => ({
  seq: r.seq,
  at: Number(r.at),
  event: r.event,
});
