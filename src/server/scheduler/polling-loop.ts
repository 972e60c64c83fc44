/**
 * Background work that polls: `work` every `intervalMs`, never two runs at once (a poll that finds
 * the previous run still going lets it be). The timer does not keep the process alive, and stop()
 * waits for the run in hand. Shared by the scheduler and the outbox's delivery worker.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
  ) {}

  /** True once stop() was called: long runs check it between steps to end early. */
  get stopped(): boolean {
    return this.stopping;
  }

  start(): void {
    if (this.timer) return;
    this.stopping = false;
    this.timer = setInterval(() => {
      this.running ??= this.work().finally(() => {
        this.running = null;
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
