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
import type { Cluster, ClusterMessage } from './cluster.ts';
import { randomBytes } from 'node:crypto';

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

/** The body as text, at most MAX_BODY bytes (400 beyond). */
function readText(req: IncomingMessage): Promise<string> {
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
      if (!failed) resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
}

const readBody = async (req: IncomingMessage): Promise<unknown> => parseBody(await readText(req));

/** An answer to an API request, whichever process made it. */
interface Answer {
  status: number;
  type: string;
  body: string;
  disposition: string | null;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function answer(status: number, body: unknown, type = JSON_TYPE, disposition: string | null = null): Answer {
  return { status, type, body: typeof body === 'string' ? body : JSON.stringify(body), disposition };
}

function failure(e: unknown): Answer {
  if (e instanceof HttpError) return answer(e.status, { error: e.message });
  if (e instanceof RoomError) return answer(400, { error: e.message });
  console.error(e);
  return answer(500, { error: 'The server failed on this request.' });
}

function reply(res: ServerResponse, a: Answer): void {
  if (a.disposition) res.setHeader('content-disposition', a.disposition);
  send(res, a.status, a.body, a.type);
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

function bearer(header: string | null | undefined): string {
  if (!header) throw new HttpError(401, 'Send the instructor token as "Authorization: Bearer <token>".');
  const m = /^Bearer\s+(\S+)$/i.exec(header);
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

  /** The session's room here, or the id of the process that owns it. */
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
        if (owner && owner !== cluster.id) return owner;
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

  function instructorOf(r: Room, auth: string | null): void {
    if (!r.isInstructor(bearer(auth)))
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
      await cluster?.running(code);
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
    const auth = req.headers.authorization ?? null;
    if (typeof found !== 'string')
      return reply(res, await sessionApi(found, method, url, auth, () => readBody(req)));
    // Another process owns the session: the request goes to it through Redis, and its answer comes back.
    const body = method === 'POST' ? await readText(req) : '';
    return reply(
      res,
      await relayHttp(found, normaliseCode(decodeURIComponent(parts[1]!)), method, url, auth, body),
    );
  }

  /** A request about one session, answered by the process that owns it. */
  async function sessionApi(
    r: Room,
    method: string,
    url: URL,
    auth: string | null,
    body: () => Promise<unknown>,
  ): Promise<Answer> {
    try {
      const rest = url.pathname.split('/').filter(Boolean).slice(3).join('/'); // after "api/sessions/<code>"
      if (rest === '' && method === 'GET') return answer(200, r.info());
      if (rest === 'seats') {
        if (method !== 'POST') throw new HttpError(405, 'Use POST to take a seat.');
        return answer(201, await joinSession(r, await body()));
      }
      if (rest === 'record' && method === 'GET') {
        // The instructor's token, or a seat's once the instructor has released the class debrief.
        if (!r.mayReadRecord(bearer(auth)))
          throw new HttpError(
            403,
            r.released
              ? 'This is not a token of this session.'
              : 'This is not the instructor token of this session (students may read the record once the instructor releases the debrief).',
          );
        return answer(200, r.record());
      }
      if (rest === 'log' && method === 'GET') {
        instructorOf(r, auth);
        return answer(200, await r.log());
      }
      if (rest === 'decisions.csv' && method === 'GET') {
        instructorOf(r, auth);
        return answer(
          200,
          decisionsCsv(await r.log()),
          'text/csv; charset=utf-8',
          `attachment; filename="qpq-${r.code}-decisions.csv"`,
        );
      }
      if (rest === 'qr.svg' && method === 'GET') {
        const join = url.searchParams.get('url') ?? `/?join=${r.code}`;
        if (join.length > 300) throw new HttpError(400, 'The address to encode is too long.');
        const svg = await QRCode.toString(join, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        return answer(200, svg, 'image/svg+xml');
      }
      throw new HttpError(404, `No API at ${method} ${url.pathname}.`);
    } catch (e) {
      return failure(e);
    }
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
      let found: Room | string;
      try {
        found = await locate(m[1]!);
      } catch (e) {
        return refuse(socket, e instanceof HttpError ? e.status : 500, (e as Error).message);
      }
      const token = url.searchParams.get('token');
      if (!token) return refuse(socket, 401, 'Add ?token=<seat or instructor token>.');
      if (typeof found === 'string')
        return relaySocket(req, socket, head, found, normaliseCode(decodeURIComponent(m[1]!)), token);
      const r = found;
      const seat = r.seatByToken(token);
      const instructor = !seat && r.isInstructor(token);
      if (!seat && !instructor)
        return refuse(socket, 403, 'This token is not a seat or the instructor of this session.');
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = makeConn(seat ?? null, {
          send: (text) => {
            if (ws.readyState === ws.OPEN) ws.send(text);
          },
          close: () => ws.close(1012, 'The session moved; reconnect.'),
        });
        ws.on('error', () => ws.terminate());
        ws.on('close', () => r.disconnect(conn));
        ws.on('message', (data, isBinary) => {
          const size = Array.isArray(data)
            ? data.reduce((n, b) => n + b.length, 0)
            : (data as Buffer).byteLength;
          onClientMessage(r, conn, isBinary || size > MAX_MESSAGE ? '' : String(data), isBinary, size);
        });
        r.connect(conn);
      });
    })().catch(() => socket.destroy());
  });

  /** A client as the room sees it, over a local WebSocket or relayed from another process. */
  function makeConn(
    seat: ReturnType<Room['seatByToken']> | null,
    wire: { send(text: string): void; close(): void },
  ): Conn {
    return {
      role: seat ? (seat.observer ? 'observer' : 'player') : 'instructor',
      seat: seat ?? null,
      send: (msg) => wire.send(JSON.stringify(msg)),
      sendText: (text) => wire.send(text),
      close: () => wire.close(),
    };
  }

  /** One message from a client, wherever it is connected. */
  function onClientMessage(r: Room, conn: Conn, data: string, isBinary: boolean, size: number): void {
    const error = (message: string, ref: Record<string, unknown> = {}): void =>
      conn.send({ type: 'error', seq: r.seq, message, ...ref });
    if (isBinary || size > MAX_MESSAGE)
      return error(`Send JSON text messages of at most ${MAX_MESSAGE} bytes.`);
    let msg: unknown;
    try {
      msg = JSON.parse(data);
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
              : { type: 'rejected', seq: res.seq ?? r.seq, code: res.code, message: res.message, ...ref },
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
  }

  // ---------------------------------------------------------------------------------------------
  // Through Redis: requests and WebSockets of sessions another process owns.

  const RELAY_TIMEOUT_MS = 10_000;
  /** Requests this process passed to an owner, waiting for the answer. */
  const asked = new Map<string, (a: Answer) => void>();
  /** Clients connected here to sessions another process owns: by connection id. */
  const relays = new Map<
    string,
    {
      code: string;
      owner: string;
      ws: WebSocket | null;
      early: string[];
      opened?: (ok: boolean | { status: number; message: string }) => void;
    }
  >();
  /** Clients of sessions this process owns, connected at another process: by connection id. */
  const remote = new Map<string, { room: Room; conn: Conn; via: string }>();
  const newId = (): string => randomBytes(9).toString('base64url');

  function relayHttp(
    owner: string,
    code: string,
    method: string,
    url: URL,
    auth: string | null,
    body: string,
  ): Promise<Answer> {
    const id = newId();
    return new Promise((ok) => {
      const t = setTimeout(() => {
        asked.delete(id);
        ok(answer(503, { error: 'The process running this session did not answer; try again.' }));
      }, RELAY_TIMEOUT_MS);
      asked.set(id, (a) => {
        clearTimeout(t);
        asked.delete(id);
        ok(a);
      });
      cluster!.send(owner, { t: 'http', id, code, method, url: url.pathname + url.search, auth, body });
    });
  }

  /** A client's WebSocket to a session another process owns: checked there, then relayed both ways. */
  function relaySocket(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    owner: string,
    code: string,
    token: string,
  ): void {
    const conn = newId();
    const relay: typeof relays extends Map<string, infer R> ? R : never = {
      code,
      owner,
      ws: null,
      early: [],
    };
    relays.set(conn, relay);
    const t = setTimeout(
      () => relay.opened?.({ status: 503, message: 'The session did not answer; try again.' }),
      RELAY_TIMEOUT_MS,
    );
    relay.opened = (result) => {
      clearTimeout(t);
      relay.opened = undefined;
      if (result !== true) {
        relays.delete(conn);
        const r = result === false ? { status: 503, message: 'The session moved; try again.' } : result;
        return refuse(socket, r.status, r.message);
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        relay.ws = ws;
        for (const text of relay.early.splice(0)) ws.send(text);
        ws.on('error', () => ws.terminate());
        ws.on('close', () => {
          if (relays.get(conn) === relay) relays.delete(conn);
          cluster!.send(relay.owner, { t: 'close', conn });
        });
        ws.on('message', (data, isBinary) => {
          const size = Array.isArray(data)
            ? data.reduce((n, b) => n + b.length, 0)
            : (data as Buffer).byteLength;
          const text = isBinary || size > MAX_MESSAGE ? '' : String(data);
          cluster!.send(relay.owner, { t: 'in', conn, text, binary: isBinary, size });
        });
      });
    };
    cluster!.send(owner, { t: 'open', conn, code, token });
  }

  async function onClusterMessage(m: ClusterMessage): Promise<void> {
    switch (m.t) {
      case 'http': {
        let a: Answer;
        try {
          if (!cluster!.owns(m.code)) throw new HttpError(503, 'The session is changing hands; try again.');
          const r = await liveRoom(m.code);
          a = await sessionApi(r, m.method, new URL(m.url, 'http://localhost'), m.auth, () =>
            Promise.resolve(parseBody(m.body)),
          );
        } catch (e) {
          a = failure(e);
        }
        return cluster!.send(m.from, { t: 'http-reply', id: m.id, ...a });
      }
      case 'http-reply':
        return asked.get(m.id)?.(m);
      case 'open': {
        let r: Room;
        try {
          if (!cluster!.owns(m.code)) throw new HttpError(503, 'The session is changing hands; try again.');
          r = await liveRoom(m.code);
        } catch (e) {
          const status = e instanceof HttpError ? e.status : 500;
          return cluster!.send(m.from, { t: 'refused', conn: m.conn, status, message: (e as Error).message });
        }
        const seat = r.seatByToken(m.token);
        if (!seat && !r.isInstructor(m.token))
          return cluster!.send(m.from, {
            t: 'refused',
            conn: m.conn,
            status: 403,
            message: 'This token is not a seat or the instructor of this session.',
          });
        const via = m.from;
        const id = m.conn;
        const conn = makeConn(seat ?? null, {
          send: (text) => cluster!.send(via, { t: 'out', conn: id, text }),
          close: () => {
            remote.delete(id);
            cluster!.send(via, { t: 'end', conn: id });
          },
        });
        remote.set(id, { room: r, conn, via });
        cluster!.send(via, { t: 'opened', conn: id });
        r.connect(conn);
        return;
      }
      case 'opened':
        return relays.get(m.conn)?.opened?.(true);
      case 'refused':
        return relays.get(m.conn)?.opened?.({ status: m.status, message: m.message });
      case 'in': {
        const c = remote.get(m.conn);
        if (c) onClientMessage(c.room, c.conn, m.text, m.binary, m.size);
        return;
      }
      case 'close': {
        const c = remote.get(m.conn);
        remote.delete(m.conn);
        if (c) c.room.disconnect(c.conn);
        return;
      }
      case 'out': {
        const relay = relays.get(m.conn);
        if (!relay) return;
        if (relay.ws) {
          if (relay.ws.readyState === relay.ws.OPEN) relay.ws.send(m.text);
        } else relay.early.push(m.text);
        return;
      }
      case 'end': {
        const relay = relays.get(m.conn);
        relays.delete(m.conn);
        relay?.ws?.close(1012, 'The session moved; reconnect.');
        return;
      }
    }
  }

  /**
   * Every half lease: clients relayed from a process that died are disconnected (their seats may go to a
   * computer after the grace period), clients relayed here to an owner that changed are told to reconnect, and
   * running sessions whose owner died are taken over from the log, so their deadlines still fire.
   */
  async function sweep(): Promise<void> {
    const c = cluster!;
    const gateways = new Set([...remote.values()].map((x) => x.via));
    for (const via of gateways)
      if (!(await c.isAlive(via)))
        for (const [id, x] of remote)
          if (x.via === via) {
            remote.delete(id);
            x.room.disconnect(x.conn);
          }
    const codes = new Set([...relays.values()].map((x) => x.code));
    for (const code of codes) {
      const owner = await c.owner(code);
      for (const [id, x] of relays)
        if (x.code === code && x.owner !== owner && x.ws) {
          relays.delete(id);
          if (x.ws.readyState === x.ws.OPEN)
            x.ws.send(JSON.stringify({ type: 'error', seq: 0, message: 'The session moved; reconnect.' }));
          x.ws.close(1012, 'The session moved; reconnect.');
        }
    }
    for (const code of await c.orphans()) await adopt(code);
    for (const [code, p] of rooms) {
      const r = await p.catch(() => null);
      if (r?.status === 'ended' && c.owns(code)) await c.finished(code);
    }
  }

  /** Takes a session nobody owns: its lease, and the room rebuilt from the log (deadlines re-armed). */
  async function adopt(code: string): Promise<void> {
    const c = cluster!;
    if (!(await c.acquire(code))) return;
    const stale = rooms.get(code);
    rooms.delete(code);
    void stale?.then((r) => r?.close()).catch(() => undefined);
    const r = await room(code).catch((e: unknown) => (console.error(e), null));
    if (!r) {
      await c.release(code);
      await c.finished(code);
    } else if (r.status === 'ended') await c.finished(code);
  }

  if (cluster) {
    cluster.onMessage = (m) => void onClusterMessage(m).catch((e: unknown) => console.error(e));
    cluster.onSweep = sweep;
  }

  return {
    http,
    room: (code) => room(code),
    async listen(port, host = '0.0.0.0') {
      // Every session in the log comes back (deadlines re-armed) before the first client arrives.
      // With several processes, each takes the sessions nobody owns; the others it reaches through their owners.
      await cluster?.start();
      for (const code of await opts.store.codes())
        if (!cluster) await room(code).catch((e: unknown) => console.error(e));
        else {
          await adopt(code);
          const r = await rooms.get(code)?.catch(() => null);
          if (r && r.status !== 'ended') await cluster.running(code);
        }
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
