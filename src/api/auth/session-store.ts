import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Caller } from './token-roles.js';

/** Sessions kept at most; the oldest goes first beyond it. */
const MAX_SESSIONS = 10_000;

/**
 * Page logins, in memory: a random session id (the cookie) stands for the caller that logged in,
 * until `ttlSeconds` without use or a logout. Ids are kept as digests, so a memory dump holds no
 * usable cookie. A restart logs everyone out (the page asks for the token again).
 */
export class SessionStore {
  private readonly sessions = new Map<string, { caller: Caller; expiresAt: number }>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {}

  /** A new session for the caller; returns its id (for the cookie). */
  create(caller: Caller): string {
    const id = randomBytes(32).toString('base64url');
    this.sweep();
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(keyOf(id), { caller, expiresAt: this.clock().getTime() + this.ttlSeconds * 1000 });
    return id;
  }

  /** The session's caller, its expiry pushed back; null when unknown or expired. */
  get(id: string): Caller | null {
    const key = keyOf(id);
    const session = this.sessions.get(key);
    const now = this.clock().getTime();
    if (!session) return null;
    if (session.expiresAt <= now) {
      this.sessions.delete(key);
      return null;
    }
    session.expiresAt = now + this.ttlSeconds * 1000;
    return session.caller;
  }

  delete(id: string): void {
    this.sessions.delete(keyOf(id));
  }

  private sweep(): void {
    const now = this.clock().getTime();
    for (const [key, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(key);
  }
}

function keyOf(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
