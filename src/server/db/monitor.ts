/**
 * What this server knows of its database's health: checked every few seconds and whenever a
 * request failed for want of the database. While the database is down, requests are answered 503
 * at once instead of each waiting for a connection timeout; the first answer again opens the gate.
 */

export interface DatabaseState {
  status: 'up' | 'down';
  /** When the status last changed. */
  since: Date;
  checkedAt: Date | null;
  latencyMs: number | null;
  /** The last error, while down. */
  error: string | null;
}

export interface MonitorOptions {
  /** How the database is asked (`select 1`), within the given time. */
  ping: (timeoutMs: number) => Promise<void>;
  intervalMs?: number;
  timeoutMs?: number;
  /**
   * Refuse requests while down. On for a PostgreSQL server; off for the embedded PGlite, which
   * cannot go away but may be busy with a long statement (a check waiting behind it is no outage).
   */
  gate?: boolean;
  log?: (message: string) => void;
}

export class DatabaseMonitor {
  private state: DatabaseState = { status: 'up', since: new Date(), checkedAt: null, latencyMs: null, error: null };
  private inFlight: Promise<DatabaseState> | null = null;
  private timer: NodeJS.Timeout | null = null;
  readonly gate: boolean;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: MonitorOptions) {
    this.gate = options.gate ?? true;
    this.intervalMs = options.intervalMs ?? 2_000;
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  get current(): DatabaseState {
    return this.state;
  }

  /** True when requests should be refused without trying the database. */
  get refusing(): boolean {
    return this.gate && this.state.status === 'down';
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A request just failed for want of the database: look now rather than at the next tick. */
  reportFailure(): void {
    void this.check();
  }

  /** Asks the database now; concurrent callers share one question. */
  check(): Promise<DatabaseState> {
    this.inFlight ??= this.ask().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async ask(): Promise<DatabaseState> {
    const started = Date.now();
    let error: string | null = null;
    try {
      await this.withTimeout(this.options.ping(this.timeoutMs));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const now = new Date();
    const status = error === null ? 'up' : 'down';
    if (status !== this.state.status) this.options.log?.(status === 'down' ? `database unavailable: ${error}` : 'database available again');
    this.state = {
      status,
      since: status === this.state.status ? this.state.since : now,
      checkedAt: now,
      latencyMs: error === null ? now.getTime() - started : null,
      error,
    };
    return this.state;
  }

  /** The driver bounds its own waits; this bounds the rest (a connect queued behind a full pool). */
  private withTimeout(work: Promise<void>): Promise<void> {
    if (!this.gate) return work;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs + 1_000);
    });
    return Promise.race([work, limit]).finally(() => clearTimeout(timer));
  }
}
