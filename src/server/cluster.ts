/**
 * Several server processes sharing sessions through Redis:
 * - a lease per session (`qpq:lease:<code>`, its value the owning process's id) says which process owns it: only
 *   the owner runs the game and writes its log; the owner renews it while it lives, and it expires when it dies;
 * - every process has a channel (`qpq:process:<id>`) and a liveness key (`qpq:alive:<id>`): a process that does
 *   not own a session passes its clients' requests and messages to the owner's channel, and the owner answers on
 *   the asking process's channel, so a client reaches its session through any process;
 * - the sessions still running are in a set (`qpq:running`): every process sweeps it, and takes over a session
 *   whose lease has expired (its owner died), so deadlines fire even when nobody asks for the session.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RUNNING = 'qpq:running';

/** A message between processes: JSON on the receiving process's channel, `from` the sender's id. */
export type ClusterMessage = { from: string } & (
  | {
      t: 'http';
      id: string;
      code: string;
      method: string;
      /** The path and query after the host. */
      url: string;
      auth: string | null;
      body: string;
    }
  | { t: 'http-reply'; id: string; status: number; type: string; body: string; disposition: string | null }
  /** A client's WebSocket at `from`, asking to join session `code` with `token`. */
  | { t: 'open'; conn: string; code: string; token: string }
  | { t: 'opened'; conn: string }
  | { t: 'refused'; conn: string; status: number; message: string }
  /** Text from the client to the owner, and from the owner to the client. */
  | { t: 'in'; conn: string; text: string; binary: boolean; size: number }
  | { t: 'out'; conn: string; text: string }
  /** The client left (to the owner), or the owner closed the connection (to the client's process). */
  | { t: 'close'; conn: string }
  | { t: 'end'; conn: string }
);

type Outgoing = ClusterMessage extends infer M ? (M extends ClusterMessage ? Omit<M, 'from'> : never) : never;

export class Cluster {
  private readonly redis: Redis;
  private readonly sub: Redis;
  /** This process's id: the value of the leases it holds and the name of its channel. */
  readonly id = randomBytes(8).toString('hex');
  private readonly held = new Set<string>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly sweeper: ReturnType<typeof setInterval>;
  private readonly ready: Promise<unknown>;
  /** Told when a lease this process held was lost (another process owns the session now). */
  onLost: (code: string) => void = () => undefined;
  /** Told of every message on this process's channel. */
  onMessage: (m: ClusterMessage) => void = () => undefined;
  /** Called every sweep (about every half lease): the server takes over orphaned sessions here. */
  onSweep: () => Promise<void> = () => Promise.resolve();

  constructor(
    url: string,
    readonly ttlMs = 5000,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.sub = new Redis(url, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    this.sub.on('message', (_channel: string, data: string) => {
      let m: ClusterMessage;
      try {
        m = JSON.parse(data) as ClusterMessage;
      } catch {
        return;
      }
      this.onMessage(m);
    });
    this.ready = Promise.all([this.sub.subscribe(this.channel(this.id)), this.heartbeat()]);
    this.timer = setInterval(() => void this.renewAll(), Math.max(200, Math.floor(ttlMs / 3)));
    let sweeping = false;
    this.sweeper = setInterval(
      () => {
        if (sweeping) return;
        sweeping = true;
        void this.onSweep()
          .catch(() => undefined)
          .finally(() => (sweeping = false));
      },
      Math.max(250, Math.floor(ttlMs / 2)),
    );
  }

  private key = (code: string): string => `qpq:lease:${code}`;
  private channel = (id: string): string => `qpq:process:${id}`;
  private alive = (id: string): string => `qpq:alive:${id}`;

  /** Resolves once this process listens on its channel. */
  start(): Promise<unknown> {
    return this.ready;
  }

  /** Takes the session's lease if it is free (or already ours). */
  async acquire(code: string): Promise<boolean> {
    if (this.held.has(code)) return true;
    const ok = await this.redis.set(this.key(code), this.id, 'PX', this.ttlMs, 'NX');
    if (ok === 'OK') this.held.add(code);
    return ok === 'OK';
  }

  /** The id of the process that owns the session now, or null when nobody does. */
  owner(code: string): Promise<string | null> {
    return this.redis.get(this.key(code));
  }

  owns(code: string): boolean {
    return this.held.has(code);
  }

  /** Whether a process is alive (it renews its liveness key as it renews its leases). */
  async isAlive(id: string): Promise<boolean> {
    return (await this.redis.exists(this.alive(id))) === 1;
  }

  send(to: string, m: Outgoing): void {
    void this.redis.publish(this.channel(to), JSON.stringify({ ...m, from: this.id })).catch(() => undefined);
  }

  /** A session that may need its deadlines kept: swept for takeover while its owner is gone. */
  running(code: string): Promise<unknown> {
    return this.redis.sadd(RUNNING, code).catch(() => 0);
  }

  /** A finished session needs no owner when nobody asks for it. */
  finished(code: string): Promise<unknown> {
    return this.redis.srem(RUNNING, code).catch(() => 0);
  }

  /** Running sessions that no process holds a lease on now. */
  async orphans(): Promise<string[]> {
    const codes = await this.redis.smembers(RUNNING);
    if (codes.length === 0) return [];
    const owners = await this.redis.mget(...codes.map(this.key));
    return codes.filter((c, i) => owners[i] === null && !this.held.has(c));
  }

  private heartbeat(): Promise<unknown> {
    return this.redis.set(this.alive(this.id), '1', 'PX', this.ttlMs).catch(() => null);
  }

  private async renewAll(): Promise<void> {
    await this.heartbeat();
    for (const code of [...this.held]) {
      let ok: number;
      try {
        ok = (await this.redis.eval(RENEW, 1, this.key(code), this.id, String(this.ttlMs))) as number;
      } catch {
        ok = 0;
      }
      if (!ok && this.held.has(code)) {
        this.held.delete(code);
        this.onLost(code);
      }
    }
  }

  async release(code: string): Promise<void> {
    this.held.delete(code);
    await this.redis.eval(RELEASE, 1, this.key(code), this.id).catch(() => 0);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.sweeper);
    for (const code of this.held) await this.redis.eval(RELEASE, 1, this.key(code), this.id).catch(() => 0);
    this.held.clear();
    await this.redis.del(this.alive(this.id)).catch(() => 0);
    this.sub.disconnect();
    this.redis.disconnect();
  }
}
