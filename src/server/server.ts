/**
 * The classroom server: the built game (dist/) and the classroom API on one port. HTTP for creating sessions,
 * joining and exports; one WebSocket per client for views and inputs. Every session lives in a Room; rooms are
 * rebuilt from the event log when the server starts.
 */
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import QRCode from 'qrcode';
import { loadCatalogue, loadScenario } from '../scenario/index.ts';
import type { Catalogue, LoadedScenario } from '../scenario/index.ts';
import { hashToken, isCode, newCode, newToken, normaliseCode } from './codes.ts';
import { decisionsCsv } from './export.ts';
import { cpuProfiler } from './profile.ts';
import { Room, RoomError } from './room.ts';
import type { Conn, RoomOptions } from './room.ts';
import type { Store } from './store.ts';
import type { Cluster } from './cluster.ts';
import { request as httpRequest } from 'node:http';
import WebSocketClient from 'ws';

export const MAX_BODY = 16 * 1024;
export const MAX_MESSAGE = 64 * 1024;

export interface ServerOptions {
  store: Store;
  scenarioDir: string;
  /** The built game to serve; null serves the API only. */
  distDir: string | null;
  snapshotEvery?: number;
  graceMs?: number;
  now?: () => number;
  /** Several processes: who owns which session (Redis leases); clients of other sessions are forwarded. */
  cluster?: Cluster;
}

export interface ClassroomServer {
  http: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
  room(code: string): Promise<Room | null>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Scenarios by id from a folder, each compiled once with the default catalogue. */
export function scenarioLibrary(dir: string): { ids: () => string[]; get: (id: string) => LoadedScenario } {
  let catalogue: Catalogue | null = null;
  const cache = new Map<string, LoadedScenario>();
  const ids = (): string[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .sort();
  const get = (id: string): LoadedScenario => {
    const hit = cache.get(id);
    if (hit) return hit;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !ids().includes(id))
      throw new HttpError(400, `Unknown scenario "${id}". Known: ${ids().join(', ')}.`);
    catalogue ??= loadCatalogue(
      'scenarios/catalogue/default.yaml',
      readFileSync(join(dir, 'catalogue', 'default.yaml'), 'utf8'),
    );
    const loaded = loadScenario(
      `scenarios/${id}.yaml`,
      readFileSync(join(dir, `${id}.yaml`), 'utf8'),
      catalogue,
    );
    cache.set(id, loaded);
    return loaded;
  };
  return { ids, get };
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      reject(new HttpError(400, `The body is larger than ${MAX_BODY} bytes.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY && !failed) {
        failed = true;
        reject(new HttpError(400, `The body is larger than ${MAX_BODY} bytes.`));
      }
      if (!failed) chunks.push(c);
    });
    req.on('error', (e) => reject(e));
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolveBody({});
      try {
        resolveBody(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'The body is not valid JSON.'));
      }
    });
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json; charset=utf-8',
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization;
  if (!h) throw new HttpError(401, 'Send the instructor token as "Authorization: Bearer <token>".');
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) throw new HttpError(401, 'The Authorization header must read "Bearer <token>".');
  return m[1]!;
}

export function createClassroomServer(opts: ServerOptions): ClassroomServer {
  const library = scenarioLibrary(opts.scenarioDir);
  const roomOpts: RoomOptions = {
    snapshotEvery: opts.snapshotEvery ?? 50,
    graceMs: opts.graceMs ?? 60_000,
    now: opts.now ?? (() => Date.now()),
  };
  const rooms = new Map<string, Promise<Room | null>>();
  // QPQ_METRICS=1: GET /api/metrics gives event-loop lag and memory (for `qpq bench --classroom`).
  const lag = process.env.QPQ_METRICS === '1' ? monitorEventLoopDelay({ resolution: 10 }) : null;
  lag?.enable();
  // QPQ_CPU_PROFILE=<file> (with QPQ_METRICS): a CPU profile from the metrics reset to the next metrics read.
  const profile = lag && process.env.QPQ_CPU_PROFILE ? cpuProfiler(process.env.QPQ_CPU_PROFILE) : null;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * MAX_MESSAGE });
  const distDir = opts.distDir && existsSync(opts.distDir) ? resolve(opts.distDir) : null;

  function room(code: string): Promise<Room | null> {
    const hit = rooms.get(code);
    if (hit) return hit;
    const p = Room.load(code, opts.store, library.get, roomOpts).catch((e: unknown) => {
      rooms.delete(code);
      throw e;
    });
    rooms.set(code, p);
    return p;
  }

  const cluster = opts.cluster;
  if (cluster)
    cluster.onLost = (code) => {
      const p = rooms.get(code);
      rooms.delete(code);
      void p?.then((r) => r?.close()).catch(() => undefined);
    };

  /** The session's room here, or the address of the process that owns it. */
  async function locate(rawCode: string): Promise<Room | string> {
    const code = normaliseCode(decodeURIComponent(rawCode));
    if (!isCode(code)) throw new HttpError(404, `No session has the code "${rawCode}".`);
    if (cluster && !cluster.owns(code)) {
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await cluster.acquire(code)) {
          // Taken over (or first asked here): rebuild from the shared log, never from a stale copy.
          const stale = rooms.get(code);
          rooms.delete(code);
          void stale?.then((r) => r?.close()).catch(() => undefined);
          break;
        }
        const owner = await cluster.owner(code);
        if (owner && owner !== cluster.address) return owner;
      }
      if (!cluster.owns(code)) throw new HttpError(503, 'The session is changing hands; try again.');
    }
    try {
      return await liveRoom(code);
    } catch (e) {
      if (cluster && e instanceof HttpError && e.status === 404) await cluster.release(code);
      throw e;
    }
  }

  async function liveRoom(code: string): Promise<Room> {
    let r = await room(code);
    if (r?.broken) {
      rooms.delete(code);
      r = await room(code);
    }
    if (!r) throw new HttpError(404, `No session has the code "${code}".`);
    return r;
  }

  function instructorOf(r: Room, req: IncomingMessage): void {
    if (!r.isInstructor(bearer(req)))
      throw new HttpError(403, 'This is not the instructor token of this session.');
  }

  async function createSession(body: unknown): Promise<{ code: string; instructorToken: string }> {
    if (!isObject(body)) throw new HttpError(400, 'Send a JSON object like {"scenario": "panmunjom-2018"}.');
    const scenario = body.scenario;
    if (typeof scenario !== 'string') throw new HttpError(400, '"scenario" must be a scenario id (text).');
    library.get(scenario);
    const seedRaw = body.seed;
    if (
      seedRaw !== undefined &&
      seedRaw !== null &&
      typeof seedRaw !== 'string' &&
      typeof seedRaw !== 'number'
    )
      throw new HttpError(400, '"seed" must be text or a number.');
    const seed = seedRaw === undefined || seedRaw === null ? newToken().slice(0, 10) : String(seedRaw);
    if (seed.length > 100) throw new HttpError(400, '"seed" is at most 100 characters.');
    const ps = body.phaseSeconds;
    if (ps !== undefined && ps !== null && !(typeof ps === 'number' && ps >= 5 && ps <= 86_400))
      throw new HttpError(400, '"phaseSeconds" must be a number of seconds between 5 and 86400 (or null).');
    const instructorToken = newToken();
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newCode();
      if (rooms.has(code) || (await opts.store.load(code))) continue;
      if (cluster && !(await cluster.acquire(code))) continue;
      const p = Room.create(code, opts.store, library.get, roomOpts, {
        kind: 'created',
        scenario,
        seed,
        instructor: hashToken(instructorToken),
        phaseSeconds: typeof ps === 'number' ? ps : null,
      });
      rooms.set(code, p);
      try {
        await p;
      } catch (e) {
        rooms.delete(code);
        throw e;
      }
      return { code, instructorToken };
    }
    throw new HttpError(503, 'Could not find a free join code; try again.');
  }

  async function joinSession(r: Room, body: unknown): Promise<{ seatToken: string; actor: string | null }> {
    if (!isObject(body)) throw new HttpError(400, 'Send a JSON object like {"name": "Ada"}.');
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name || name.length > 60) throw new HttpError(400, '"name" must be 1 to 60 characters of text.');
    const actor = body.actor;
    if (actor !== undefined && actor !== null && typeof actor !== 'string')
      throw new HttpError(400, '"actor" must be a government id such as "USA".');
    if (typeof actor === 'string' && !r.game.actors.includes(actor))
      throw new HttpError(400, `No government "${actor}" in this scenario (${r.game.actors.join(', ')}).`);
    const observer = body.observer === true;
    if (r.status === 'ended') throw new HttpError(409, 'This game is over.');
    const seatToken = newToken();
    const seat = await r.join(
      name,
      typeof actor === 'string' && !observer ? actor : null,
      observer,
      hashToken(seatToken),
    );
    return { seatToken, actor: seat.actor };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // after "api"
    const method = req.method ?? 'GET';
    if (parts.length === 1 && parts[0] === 'scenarios' && method === 'GET')
      return send(
        res,
        200,
        library.ids().map((id) => {
          const w = library.get(id).world;
          return { id, title: w.title, actors: w.actors.map((a) => ({ id: a.id, name: a.name })) };
        }),
      );
    if (parts.length === 1 && parts[0] === 'metrics' && method === 'GET' && lag) {
      await profile?.stop();
      return send(res, 200, {
        sessions: rooms.size,
        lagP50Ms: lag.percentile(50) / 1e6,
        lagP99Ms: lag.percentile(99) / 1e6,
        lagMaxMs: lag.max / 1e6,
        heapUsed: process.memoryUsage().heapUsed,
        rss: process.memoryUsage().rss,
        cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
      });
    }
    if (parts.length === 1 && parts[0] === 'metrics' && method === 'DELETE' && lag) {
      lag.reset();
      await profile?.start();
      return send(res, 200, { cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000 });
    }
    if (parts[0] !== 'sessions') throw new HttpError(404, `No API at ${url.pathname}.`);
    if (parts.length === 1) {
      if (method !== 'POST') throw new HttpError(405, 'Use POST to create a session.');
      return send(res, 201, await createSession(await readBody(req)));
    }
    const found = await locate(parts[1]!);
    if (typeof found === 'string') return forward(req, res, found);
    const r = found;
    const rest = parts.slice(2).join('/');
    if (rest === '' && method === 'GET') return send(res, 200, r.info());
    if (rest === 'seats') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST to take a seat.');
      return send(res, 201, await joinSession(r, await readBody(req)));
    }
    if (rest === 'record' && method === 'GET') {
      instructorOf(r, req);
      return send(res, 200, r.record());
    }
    if (rest === 'log' && method === 'GET') {
      instructorOf(r, req);
      return send(res, 200, await r.log());
    }
    if (rest === 'decisions.csv' && method === 'GET') {
      instructorOf(r, req);
      res.setHeader('content-disposition', `attachment; filename="qpq-${r.code}-decisions.csv"`);
      return send(res, 200, decisionsCsv(await r.log()), 'text/csv; charset=utf-8');
    }
    if (rest === 'qr.svg' && method === 'GET') {
      const join = url.searchParams.get('url') ?? `/?join=${r.code}`;
      if (join.length > 300) throw new HttpError(400, 'The address to encode is too long.');
      const svg = await QRCode.toString(join, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return send(res, 200, svg, 'image/svg+xml');
    }
    throw new HttpError(404, `No API at ${method} ${url.pathname}.`);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!distDir) return send(res, 404, { error: 'The game is not built here (run npm run build).' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Only GET.' });
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, { error: 'Bad address.' });
    }
    let file = normalize(join(distDir, rel));
    if (file !== distDir && !file.startsWith(distDir + sep)) return send(res, 404, { error: 'Not found.' });
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const index = join(file, 'index.html');
      file = existsSync(index) ? index : join(distDir, 'index.html');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': file.includes(`${sep}assets${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const http = createHttpServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, { error: 'Bad address.' });
    }
    if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, url);
    api(req, res, url).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HttpError) return send(res, e.status, { error: e.message });
      if (e instanceof RoomError) return send(res, 400, { error: e.message });
      console.error(e);
      send(res, 500, { error: 'The server failed on this request.' });
    });
  });
  http.on('clientError', (_e, socket) => socket.destroy());

  function refuse(socket: Duplex, status: number, message: string): void {
    const reason =
      { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n` +
        JSON.stringify({ error: message }),
    );
  }

  http.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const m = /^\/api\/sessions\/([^/]+)\/socket$/.exec(url.pathname);
      if (!m) return refuse(socket, 404, 'No WebSocket here.');
      let r: Room;
      try {
        const found = await locate(m[1]!);
        if (typeof found === 'string') return forwardSocket(req, socket, head, found);
        r = found;
      } catch (e) {
        return refuse(socket, e instanceof HttpError ? e.status : 500, (e as Error).message);
      }
      const token = url.searchParams.get('token');
      if (!token) return refuse(socket, 401, 'Add ?token=<seat or instructor token>.');
      const seat = r.seatByToken(token);
      const instructor = !seat && r.isInstructor(token);
      if (!seat && !instructor)
        return refuse(socket, 403, 'This token is not a seat or the instructor of this session.');
      wss.handleUpgrade(req, socket, head, (ws) => attach(r, ws, instructor ? null : seat!));
    })().catch(() => socket.destroy());
  });

  /** Passes an HTTP request to the process that owns its session, and the answer back. */
  function forward(req: IncomingMessage, res: ServerResponse, owner: string): void {
    const target = new URL(req.url ?? '/', owner);
    const out = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => {
      if (!res.headersSent) send(res, 503, { error: 'The process running this session is gone; try again.' });
      else res.destroy();
    });
    req.pipe(out);
  }

  /** A client's WebSocket relayed to the process that owns its session; either side closing closes both. */
  function forwardSocket(req: IncomingMessage, socket: Duplex, head: Buffer, owner: string): void {
    const target = new URL(req.url ?? '/', owner);
    target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
    const upstream = new WebSocketClient(target);
    upstream.once('unexpected-response', (_q, answer) =>
      refuse(socket, answer.statusCode ?? 502, 'Refused by the process running this session.'),
    );
    upstream.once('error', () => socket.destroy());
    upstream.once('open', () =>
      wss.handleUpgrade(req, socket, head, (client) => {
        client.on('message', (d, binary) => upstream.send(d, { binary }));
        upstream.on('message', (d, binary) => client.send(d, { binary }));
        client.on('close', () => upstream.close());
        upstream.on('close', () => client.close());
        client.on('error', () => upstream.terminate());
        upstream.on('error', () => client.terminate());
      }),
    );
  }

  function attach(r: Room, ws: WebSocket, seat: ReturnType<Room['seatByToken']> | null): void {
    const conn: Conn = {
      role: seat ? (seat.observer ? 'observer' : 'player') : 'instructor',
      seat: seat ?? null,
      send(msg) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
      },
      sendText(text) {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
    };
    const error = (message: string, ref: Record<string, unknown> = {}): void =>
      conn.send({ type: 'error', seq: r.seq, message, ...ref });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => r.disconnect(conn));
    ws.on('message', (data, isBinary) => {
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
      if (isBinary || size > MAX_MESSAGE)
        return error(`Send JSON text messages of at most ${MAX_MESSAGE} bytes.`);
      let msg: unknown;
      try {
        msg = JSON.parse(String(data));
      } catch {
        return error('The message is not valid JSON.');
      }
      if (!isObject(msg)) return error('A message is a JSON object with a "type".');
      const ref = typeof msg.ref === 'string' || typeof msg.ref === 'number' ? { ref: msg.ref } : {};
      if (typeof msg.type !== 'string') return error('A message is a JSON object with a "type".', ref);
      if (msg.type === 'input') {
        if (!('input' in msg)) return error('An input message carries "input": the phase input.', ref);
        if (conn.role === 'instructor') return error('The instructor sends commands, not inputs.', ref);
        void r
          .input(conn, msg.input, (res) =>
            conn.send(
              res.ok
                ? { type: 'ack', seq: res.seq ?? r.seq, ...ref }
                : { type: 'rejected', seq: r.seq, code: res.code, message: res.message, ...ref },
            ),
          )
          .catch(() => error('The session is being reloaded; reconnect.', ref));
        return;
      }
      if (msg.type === 'command') {
        if (conn.role !== 'instructor') return error('Only the instructor sends commands.', ref);
        void r
          .command(msg)
          .then((why) =>
            conn.send(
              why
                ? { type: 'rejected', seq: r.seq, code: 'COMMAND', message: why, ...ref }
                : { type: 'ack', seq: r.seq, ...ref },
            ),
          )
          .catch(() => error('The session is being reloaded; reconnect.', ref));
        return;
      }
      if (msg.type === 'ping') return conn.send({ type: 'pong', seq: r.seq, ...ref });
      return error(`Unknown message type "${msg.type}". Send "input", "command" or "ping".`, ref);
    });
    r.connect(conn);
  }

  return {
    http,
    room: (code) => room(code),
    async listen(port, host = '0.0.0.0') {
      // Every session in the log comes back (deadlines re-armed) before the first client arrives.
      // With several processes, each takes the sessions nobody owns; the others it reaches through their owners.
      for (const code of await opts.store.codes())
        if (!cluster || (await cluster.acquire(code)))
          await room(code).catch((e: unknown) => console.error(e));
      await new Promise<void>((ok) => http.listen(port, host, ok));
      const a = http.address();
      return typeof a === 'object' && a ? a.port : port;
    },
    async close() {
      for (const p of rooms.values()) (await p.catch(() => null))?.close();
      for (const c of wss.clients) c.terminate();
      lag?.disable();
      await cluster?.close();
      await new Promise<void>((ok) => http.close(() => ok()));
      http.closeAllConnections();
    },
  };
}
