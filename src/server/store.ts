/**
 * The event log: per session an append-only list of events numbered 1, 2, 3… (UNIQUE per session, so a second
 * writer fails instead of forking a game), and snapshots every N events. The default is SQLite in DATA_DIR.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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

/**
 * The writer thread: it holds its own connection and commits each batch it is sent in one transaction (one
 * fsync), off the server's event loop, then answers with one result per row (null, or the error's code and
 * message). Plain JavaScript, so the thread needs no TypeScript loader.
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const append = db.prepare('INSERT INTO events (session, seq, at, event) VALUES (?, ?, ?, ?)');
const snap = db.prepare('INSERT OR REPLACE INTO snapshots (session, seq, data) VALUES (?, ?, ?)');
parentPort.on('message', ({ id, jobs }) => {
  const results = [];
  try {
    db.transaction(() => {
      const failed = new Set();
      for (const job of jobs) {
        // A session's rows after one that failed fail too: its log never gets a gap.
        if (failed.has(job.row[0])) {
          results.push({ code: 'SQLITE_CONSTRAINT_EARLIER', message: 'an earlier event of this write failed' });
          continue;
        }
        // A savepoint per row: a conflicting row fails alone (with its session's later rows), the others commit.
        try {
          db.exec('SAVEPOINT row');
          (job.kind === 'event' ? append : snap).run(...job.row);
          db.exec('RELEASE row');
          results.push(null);
        } catch (e) {
          db.exec('ROLLBACK TO row');
          db.exec('RELEASE row');
          if (job.kind === 'event') failed.add(job.row[0]);
          results.push({ code: String(e.code || ''), message: String(e.message) });
        }
      }
    })();
    parentPort.postMessage({ id, results });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message) });
  }
});
`;

interface Job {
  kind: 'event' | 'snapshot';
  row: (string | number)[];
  ok: () => void;
  fail: (e: Error) => void;
}

export class SqliteStore implements Store {
  /** Reads, and creating the tables; every write goes through the writer thread. */
  private readonly db: Database.Database;
  private readonly writer: Worker;
  private readonly q: {
    lastSnap: Database.Statement;
    after: Database.Statement;
    all: Database.Statement;
    codes: Database.Statement;
  };

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'classroom.sqlite');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        session TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL,
        PRIMARY KEY (session, seq));
      CREATE TABLE IF NOT EXISTS snapshots (
        session TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (session, seq));
    `);
    this.q = {
      lastSnap: this.db.prepare(
        'SELECT seq, data FROM snapshots WHERE session = ? ORDER BY seq DESC LIMIT 1',
      ),
      after: this.db.prepare('SELECT seq, at, event FROM events WHERE session = ? AND seq > ? ORDER BY seq'),
      all: this.db.prepare('SELECT seq, at, event FROM events WHERE session = ? ORDER BY seq'),
      codes: this.db.prepare('SELECT DISTINCT session FROM events WHERE seq = 1'),
    };
    this.writer = new Worker(WRITER, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file },
    });
    this.writer.unref();
    this.writer.on(
      'message',
      (m: { id: number; results?: ({ code: string; message: string } | null)[]; error?: string }) =>
        this.settle(m),
    );
    this.writer.on('error', (e) => this.fatal(e));
    this.writer.on('exit', () => this.fatal(new Error('The log writer thread stopped.')));
  }

  /** Waiting for the next batch. */
  private queued: Job[] = [];
  /** Sent to the writer, not answered yet (one batch at a time, so batches commit in order). */
  private inFlight: { id: number; jobs: Job[] } | null = null;
  private nextId = 1;
  private scheduled = false;
  private dead: Error | null = null;
  private idle: (() => void)[] = [];

  /**
   * Group commit: the appends of one turn of the event loop (every session's), and those that arrive while the
   * writer is busy, go to the disk in one transaction, one fsync, on the writer thread; each promise settles only
   * once that transaction is committed.
   */
  append(code: string, seq: number, at: number, event: RoomEvent): Promise<void> {
    return this.enqueue('event', [code, seq, at, JSON.stringify(event)]);
  }

  snapshot(code: string, seq: number, data: unknown): Promise<void> {
    return this.enqueue('snapshot', [code, seq, JSON.stringify(data)]);
  }

  private enqueue(kind: Job['kind'], row: Job['row']): Promise<void> {
    return new Promise((ok, fail) => {
      if (this.dead) return fail(this.dead);
      this.queued.push({ kind, row, ok, fail });
      if (!this.scheduled && !this.inFlight) {
        this.scheduled = true;
        setImmediate(() => this.send());
      }
    });
  }

  private send(): void {
    this.scheduled = false;
    if (this.inFlight || this.queued.length === 0) return this.wake();
    const jobs = this.queued;
    this.queued = [];
    this.inFlight = { id: this.nextId++, jobs };
    this.writer.ref();
    this.writer.postMessage({ id: this.inFlight.id, jobs: jobs.map((j) => ({ kind: j.kind, row: j.row })) });
  }

  private settle(m: {
    id: number;
    results?: ({ code: string; message: string } | null)[];
    error?: string;
  }): void {
    const batch = this.inFlight;
    if (!batch || batch.id !== m.id) return;
    this.inFlight = null;
    this.writer.unref();
    batch.jobs.forEach((j, i) => {
      const r = m.error !== undefined ? { code: '', message: m.error } : m.results![i];
      if (!r) return j.ok();
      j.fail(
        r.code.startsWith('SQLITE_CONSTRAINT')
          ? new SeqConflictError(`Session ${j.row[0]} already has an event ${j.row[1]} (${r.message}).`)
          : new Error(`The log could not be written: ${r.message}`),
      );
    });
    this.send();
  }

  private fatal(e: Error): void {
    this.dead ??= e;
    for (const j of [...(this.inFlight?.jobs ?? []), ...this.queued]) j.fail(this.dead);
    this.inFlight = null;
    this.queued = [];
    this.wake();
  }

  private wake(): void {
    if (this.inFlight || this.queued.length) return;
    for (const w of this.idle.splice(0)) w();
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

  /** Waits for every write sent so far, then closes the writer and the reader. */
  async close(): Promise<void> {
    if (this.inFlight || this.queued.length) await new Promise<void>((ok) => this.idle.push(ok));
    this.dead ??= new Error('The log is closed.');
    this.writer.removeAllListeners('exit');
    await this.writer.terminate();
    this.db.close();
  }
}

const parseRow = (r: { seq: number; at: number; event: string }): StoredEvent => ({
  seq: r.seq,
  at: r.at,
  event: JSON.parse(r.event) as RoomEvent,
});
