/** A classroom server on a free loopback port with its log in a temp folder, and a WebSocket client that keeps every message. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { createClassroomServer } from '../../src/server/server.ts';
import type { ClassroomServer, ServerOptions } from '../../src/server/server.ts';
import { SqliteStore } from '../../src/server/store.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Running {
  url: string;
  ws: string;
  server: ClassroomServer;
  store: SqliteStore;
  dir: string;
  stop(keepData?: boolean): Promise<void>;
}

export async function startServer(
  extra: Partial<ServerOptions> = {},
  dir = mkdtempSync(join(tmpdir(), 'qpq-server-')),
): Promise<Running> {
  const store = new SqliteStore(dir);
  const server = createClassroomServer({
    store,
    scenarioDir: join(ROOT, 'scenarios'),
    distDir: null,
    ...extra,
  });
  const port = await server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    server,
    store,
    dir,
    async stop(keepData = false) {
      await server.close();
      await store.close();
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Json }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json: json as Json };
}

/** Loose JSON for reading answers in tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Msg {
  type: string;
  seq: number;
  [k: string]: Json;
}

/** A WebSocket client that records every message (raw text too, for the canary) and waits for one that matches. */
export class Client {
  readonly messages: Msg[] = [];
  readonly raw: string[] = [];
  private waiters: {
    pred: (m: Msg) => boolean;
    ok: (m: Msg) => void;
    fail: (e: Error) => void;
  }[] = [];
  closed = false;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const text = String(d);
      this.raw.push(text);
      const m = JSON.parse(text) as Msg;
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(m)) return true;
        w.ok(m);
        return false;
      });
    });
    ws.on('close', () => {
      this.closed = true;
      for (const w of this.waiters) w.fail(new Error('The connection closed.'));
      this.waiters = [];
    });
    // Errors after opening (a server killed mid-message) show up as a close.
    ws.on('error', () => undefined);
  }

  static open(url: string): Promise<Client> {
    return new Promise((ok, fail) => {
      const ws = new WebSocket(url);
      const c = new Client(ws);
      ws.once('open', () => ok(c));
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', fail);
    });
  }

  /** The next message (from now, or from message index `from`) that matches. */
  next(pred: (m: Msg) => boolean, timeoutMs = 10_000, from = this.messages.length): Promise<Msg> {
    const seen = this.messages.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    if (this.closed) return Promise.reject(new Error('The connection is closed.'));
    return new Promise((ok, fail) => {
      const t = setTimeout(
        () =>
          fail(new Error(`No matching message in ${timeoutMs} ms; last: ${this.raw.at(-1)?.slice(0, 300)}`)),
        timeoutMs,
      );
      this.waiters.push({
        pred,
        ok: (m) => (clearTimeout(t), ok(m)),
        fail: (e) => (clearTimeout(t), fail(e)),
      });
    });
  }

  /** Sends and waits for the answer (ack, rejected or error) carrying the same ref. */
  async request(msg: Record<string, unknown>): Promise<Msg> {
    const ref = Math.random().toString(36).slice(2);
    const from = this.messages.length;
    this.ws.send(JSON.stringify({ ...msg, ref }));
    return this.next((m) => m.ref === ref, 30_000, from);
  }

  lastView(): Msg | undefined {
    return this.messages.filter((m) => m.type === 'view').at(-1);
  }

  /**
   * The client's view now: the last view message with the `submitted` updates received after it applied (as a
   * client does), at the seq of the last of them.
   */
  currentView(): Msg | undefined {
    let i = this.messages.length - 1;
    while (i >= 0 && this.messages[i]!.type !== 'view') i--;
    if (i < 0) return undefined;
    const m = this.messages[i]!;
    let out: Msg = m;
    for (const u of this.messages.slice(i + 1))
      if (u.type === 'submitted' && u.round === m.view.round && u.phase === m.view.phase)
        out = {
          ...out,
          seq: u.seq,
          view: { ...out.view, submitted: u.submitted, ...(u.myInput ? { myInput: u.myInput } : {}) },
        };
    return out;
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((ok) => {
      this.ws.once('close', () => ok());
      this.ws.close();
    });
  }
}
