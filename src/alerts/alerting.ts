/** What one evaluation pass did. */
export interface AlertPass {
  /** Rules evaluated. */
  rules: number;
  /** New firings stored (those already fired before are not counted). */
  fired: number;
  /** Messages queued for delivery (firings held by a cooldown wait for a later pass). */
  messages: number;
}

/**
 * The alerting port: evaluation and delivery, as the pipeline calls them. The embedded role wires
 * it in-process (src/alerts/alert-engine.ts); a distributed `alert` role runs the same engine
 * behind a queue consumer and a timer.
 */
export interface Alerting {
  /** Per-mention rules (`match`, volume `match`, `new-voice`) over mentions newly indexed (never `unchanged` ones). */
  onIndexed(ids: readonly string[]): Promise<AlertPass>;
  /** Windowed rules (`spike`, `negative-share`, `silence`), and digests whose cooldown ended. */
  tick(): Promise<AlertPass>;
  /** Delivers everything queued; resolves when done. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
