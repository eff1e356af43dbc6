/**
 * Several server processes sharing sessions: a Redis lease says which process owns each session (only the owner
 * runs it and writes its log); the lease is renewed while the owner lives and expires when it dies, and then the
 * next process asked for the session takes it over from the log. The lease's value is the owner's address, so
 * a process that does not own a session forwards its clients there.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class Cluster {
  private readonly redis: Redis;
  /** This process's lease value: a random id and the address other processes forward to. */
  readonly me: string;
  private readonly held = new Set<string>();
  private readonly timer: ReturnType<typeof setInterval>;
  /** Told when a lease this process held was lost (another process owns the session now). */
  onLost: (code: string) => void = () => undefined;

  constructor(
    url: string,
    readonly address: string,
    readonly ttlMs = 5000,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.redis.on('error', () => undefined);
    this.me = `${randomBytes(6).toString('hex')} ${address}`;
    this.timer = setInterval(() => void this.renewAll(), Math.max(200, Math.floor(ttlMs / 3)));
  }

  private key = (code: string): string => `qpq:lease:${code}`;

  /** Takes the session's lease if it is free (or already ours). */
  async acquire(code: string): Promise<boolean> {
    if (this.held.has(code)) return true;
    const ok = await this.redis.set(this.key(code), this.me, 'PX', this.ttlMs, 'NX');
    if (ok === 'OK') this.held.add(code);
    return ok === 'OK';
  }

  /** The address of the process that owns the session now, or null when nobody does. */
  async owner(code: string): Promise<string | null> {
    const v = await this.redis.get(this.key(code));
    return v ? v.slice(v.indexOf(' ') + 1) : null;
  }

  owns(code: string): boolean {
    return this.held.has(code);
  }

  private async renewAll(): Promise<void> {
    for (const code of [...this.held]) {
      let ok: number;
      try {
        ok = (await this.redis.eval(RENEW, 1, this.key(code), this.me, String(this.ttlMs))) as number;
      } catch {
        ok = 0;
      }
      if (!ok) {
        this.held.delete(code);
        this.onLost(code);
      }
    }
  }

  async release(code: string): Promise<void> {
    this.held.delete(code);
    await this.redis.eval(RELEASE, 1, this.key(code), this.me).catch(() => 0);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const code of this.held) await this.redis.eval(RELEASE, 1, this.key(code), this.me).catch(() => 0);
    this.held.clear();
    this.redis.disconnect();
  }
}
