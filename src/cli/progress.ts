import { jsonLogLine } from './json-log-line.js';

/**
 * A one-line progress display on stderr for long-running commands. On a terminal it redraws one
 * line; elsewhere (CI, pipes) it prints a JSON line like the logs' at most every `everyMs`, so a
 * non-interactive stderr stays JSON lines only.
 */
export class Progress {
  private done = 0;
  private lastPrint = 0;
  private drawnAt = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number | null,
    private readonly write: (text: string) => void,
    private readonly interactive: boolean,
    private readonly everyMs = 2_000,
  ) {}

  /** Advances by `count` and redraws (throttled). `detail` is shown after the counts. */
  tick(count = 1, detail = ''): void {
    this.done += count;
    const now = Date.now();
    const finished = this.total !== null && this.done >= this.total;
    if (!finished && now - this.lastPrint < (this.interactive ? 100 : this.everyMs)) return;
    this.lastPrint = now;
    this.draw(detail);
  }

  /** Final line (always printed). */
  finish(detail = ''): void {
    // A plain log already showing the final count needs no second copy of it.
    if (!this.interactive && this.drawnAt === this.done) return;
    this.draw(detail);
    if (this.interactive) this.write('\n');
  }

  private draw(detail: string): void {
    this.drawnAt = this.done;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? ` ${Math.round(this.done / seconds)}/s` : '';
    let bar = '';
    if (this.total !== null && this.total > 0) {
      const width = 24;
      const filled = Math.min(width, Math.round((this.done / this.total) * width));
      bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total}`;
    } else {
      bar = `${this.done}`;
    }
    const line = `${this.label} ${bar}${rate}${detail ? `  ${detail}` : ''}`;
    const progress = { task: this.label, done: this.done, ...(this.total !== null ? { total: this.total } : {}) };
    this.write(this.interactive ? `\r\u001b[2K${line}` : `${jsonLogLine(line, { progress })}\n`);
  }
}
