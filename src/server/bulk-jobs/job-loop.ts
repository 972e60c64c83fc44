/**
 * The background loop of a job runner (bulk jobs, export jobs): works the next job until there is
 * none, then sleeps for `pollMs` or until woken (a job was just queued). Jobs live in the
 * database, so a stopped loop loses nothing: the next start, here or on another server, goes on.
 */
export abstract class JobLoop {
  protected stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly pollMs: number,
    protected readonly log: (message: string, error?: unknown) => void,
    /** What the log says when a job stops on an unexpected error. */
    private readonly onUnexpected: string,
  ) {}

  /** Claims and works one job; false when none was waiting. */
  abstract runNextJob(): Promise<boolean>;

  /** Called by stop() before it waits for the loop: cut short what is in hand, if that is how this runner stops. */
  protected async interrupt(): Promise<void> {}

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** A job was queued: look now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.interrupt();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runNextJob();
      } catch (error) {
        this.log(this.onUnexpected, error);
      }
      if (!worked && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      this.wakeUp = done;
    });
  }
}
