import { createHash, timingSafeEqual } from 'node:crypto';

export type Role = 'admin' | 'viewer';

/** Who is calling: a role and a digest of the token (rate-limit key, saved-search creator); never the token. */
export interface Caller {
  role: Role;
  key: string;
}

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * The configured tokens, kept as SHA-256 digests. A presented token is compared with every one in
 * constant time (digests have one length, and all are compared whatever matches), so the answer's
 * timing says nothing about how much of a token was right.
 */
export class TokenRoles {
  private readonly entries: { digest: Buffer; role: Role }[];

  constructor(tokens: readonly { token: string; role: Role }[]) {
    this.entries = tokens.map((t) => ({ digest: digest(t.token), role: t.role }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The caller a token stands for, or null when it is none of the configured ones. */
  callerOf(token: string): Caller | null {
    const presented = digest(token);
    let role: Role | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, presented) && role === null) role = entry.role;
    }
    return role === null ? null : { role, key: presented.toString('base64url').slice(0, 22) };
  }
}
