/**
 * Per-host pacing shared by everything that fetches from one host: at most `concurrency` requests
 * in flight per host, request starts spaced by `minDelay`, and a host that answered 429/503 left
 * alone for a while. In process (`HostLimiter`) in embedded mode; a Redis adapter can follow so
 * that several workers are polite together. Every adapter passes the contract suite in
 * test/contract/host-politeness.contract.ts. Hosts are `URL.host` values (name and port).
 */
export interface HostPoliteness {
  /**
   * Waits until a request may start on `host` (a free slot, `minDelay` after the previous start,
   * the host's penalty over), takes the slot and resolves with the function that gives it back.
   * Aborting `signal` while waiting rejects with `signal.reason` and takes no slot (an already
   * aborted signal rejects at once). The release is idempotent and never rejects.
   */
  acquire(host: string, signal: AbortSignal): Promise<() => Promise<void>>;
  /** Whole seconds (rounded up) until `host` may be asked again after a penalty; 0 when it may be asked now. */
  blockedFor(host: string): Promise<number>;
  /**
   * The host said "too many requests" (429/503): no request starts there for `seconds` (the
   * Retry-After), at least twice `minDelay` and one second, at most an hour. A shorter penalty
   * never shortens one in force.
   */
  penalise(host: string, seconds: number | undefined): Promise<void>;
  /** Releases the adapter's connections; the in-process adapter holds none. */
  close(): Promise<void>;
}
