/**
 * The event log: per session an append-only list of events numbered 1, 2, 3… (UNIQUE per session, so a second
 * writer fails instead of forking a game), and snapshots every N events. The default is SQLite in DATA_DIR.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RoomEvent } from './events.ts';

export interface StoredEvent {
  seq: number;
  at: number;
  event: RoomEvent;
}

export interface Loaded {
  snapshot: { seq: number; data: unknown } | null;
  /** Events after the snapshot, in order. */
  events: StoredEvent[];
}

export interface Store {
  /** Appends one event; throws if `seq` is already taken (another writer) . */
  append(code: string, seq: number, at: number, event: RoomEvent): Promise<void>;
  snapshot(code: string, seq: number, data: unknown): Promise<void>;
  /** Null when no session has this code. */
  load(code: string): Promise<Loaded | null>;
  codes(): Promise<string[]>;
  /** Every event of a session, for audits and tests. */
  events(code: string): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

export class SeqConflictError extends Error {}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly q: {
    append: Database.Statement;
    snap: Database.Statement;
    lastSnap: Database.Statement;
    after: Database.Statement;
    all: Database.Statement;
    codes: Database.Statement;
  };

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'classroom.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // FULL: every commit reaches the disk before the server acknowledges it.
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        session TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL,
        PRIMARY KEY (session, seq));
      CREATE TABLE IF NOT EXISTS snapshots (
        session TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (session, seq));
    `);
    this.q = {
      append: this.db.prepare('INSERT INTO events (session, seq, at, event) VALUES (?, ?, ?, ?)'),
      snap: this.db.prepare('INSERT OR REPLACE INTO snapshots (session, seq, data) VALUES (?, ?, ?)'),
      lastSnap: this.db.prepare(
        'SELECT seq, data FROM snapshots WHERE session = ? ORDER BY seq DESC LIMIT 1',
      ),
      after: this.db.prepare('SELECT seq, at, event FROM events WHERE session = ? AND seq > ? ORDER BY seq'),
      all: this.db.prepare('SELECT seq, at, event FROM events WHERE session = ? ORDER BY seq'),
      codes: this.db.prepare('SELECT DISTINCT session FROM events WHERE seq = 1'),
    };
  }

  private batch: { row: [string, number, number, string]; ok: () => void; fail: (e: Error) => void }[] = [];

  /**
   * Group commit: the appends of one turn of the event loop (every session's) go to the disk in one
   * transaction, one fsync, and each promise settles only once that transaction is committed.
   */
  append(code: string, seq: number, at: number, event: RoomEvent): Promise<void> {
    return new Promise((ok, fail) => {
      if (this.batch.length === 0) setImmediate(() => this.flush());
      this.batch.push({ row: [code, seq, at, JSON.stringify(event)], ok, fail });
    });
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    const results: (Error | null)[] = [];
    try {
      this.db.transaction(() => {
        const failed = new Set<string>();
        for (const b of batch) {
          // A session's rows after one that failed fail too: its log never gets a gap.
          if (failed.has(b.row[0])) {
            results.push(new SeqConflictError(`Session ${b.row[0]}: an earlier event of this write failed.`));
            continue;
          }
          // A savepoint per row: a conflicting row fails alone (with its session's later rows), the others commit.
          try {
            this.db.exec('SAVEPOINT row');
            this.q.append.run(...b.row);
            this.db.exec('RELEASE row');
            results.push(null);
          } catch (e) {
            this.db.exec('ROLLBACK TO row');
            this.db.exec('RELEASE row');
            failed.add(b.row[0]);
            results.push(
              (e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')
                ? new SeqConflictError(`Session ${b.row[0]} already has an event ${b.row[1]}.`)
                : (e as Error),
            );
          }
        }
      })();
    } catch (e) {
      for (const b of batch) b.fail(e as Error);
      return;
    }
    batch.forEach((b, i) => (results[i] ? b.fail(results[i]) : b.ok()));
  }

  snapshot(code: string, seq: number, data: unknown): Promise<void> {
    this.q.snap.run(code, seq, JSON.stringify(data));
    return Promise.resolve();
  }

  load(code: string): Promise<Loaded | null> {
    const snap = this.q.lastSnap.get(code) as { seq: number; data: string } | undefined;
    const rows = this.q.after.all(code, snap?.seq ?? 0) as { seq: number; at: number; event: string }[];
    if (!snap && rows.length === 0) return Promise.resolve(null);
    return Promise.resolve({
      snapshot: snap ? { seq: snap.seq, data: JSON.parse(snap.data) as unknown } : null,
      events: rows.map(parseRow),
    });
  }

  codes(): Promise<string[]> {
    return Promise.resolve((this.q.codes.all() as { session: string }[]).map((r) => r.session));
  }

  events(code: string): Promise<StoredEvent[]> {
    return Promise.resolve(
      (this.q.all.all(code) as { seq: number; at: number; event: string }[]).map(parseRow),
    );
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

const parseRow = (r: { seq: number; at: number; event: string }): StoredEvent => ({
  seq: r.seq,
  at: r.at,
  event: JSON.parse(r.event) as RoomEvent,
});
