import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { queryRows, sql, type Db } from '../db/client';
import { PollingLoop } from './polling-loop';

/** A piece of work done on a schedule, by whichever app server gets to it first. */
export interface ScheduledTask {
  name: string;
  intervalMs: number;
  /** Does the work; answers what it did, in a few numbers (kept with the run). */
  run(db: Db): Promise<Record<string, unknown>>;
}

export interface SchedulerOptions {
  /** How often this server looks for due tasks. */
  pollMs?: number;
  /** How long a run may take before another server may start the task again (its server died). */
  leaseMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Runs scheduled tasks on any number of app servers sharing one database, each due run exactly
 * once: a server takes a due task by one UPDATE … WHERE lease is free (the database decides who
 * wins, by its own clock), records the run under (task, due time) — a primary key, so a slot can
 * never be run twice even if two servers disagreed — and then moves the task's next due time on.
 * Nothing lives in process memory that another server would need: a server that dies mid-run
 * leaves a lease that expires, and the next server takes the task.
 */
export class Scheduler {
  readonly runnerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly leaseMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: Db,
    private readonly tasks: readonly ScheduledTask[],
    options: SchedulerOptions = {},
  ) {
    this.loop = new PollingLoop(options.pollMs ?? 5_000, () => this.tick());
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.log = options.log ?? (() => undefined);
  }

  start(): void {
    if (this.tasks.length > 0) this.loop.start();
  }

  /** Stops looking for work and waits for a run in progress to finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One look at every task: runs those that are due and free. */
  async tick(): Promise<void> {
    for (const task of this.tasks) {
      if (this.loop.stopped) return;
      try {
        await this.runIfDue(task);
      } catch (error) {
        // the database may be away: the next tick tries again, the lease expires by itself
        this.log(`scheduled task ${task.name}: could not run`, error);
      }
    }
  }

  private async runIfDue(task: ScheduledTask): Promise<void> {
    // a new task is due one interval after it is first seen, not at the moment a server starts
    await this.db.execute(sql`
      insert into scheduled_tasks (name, next_run_at) values (${task.name}, now() + ${task.intervalMs} * interval '1 millisecond')
      on conflict (name) do nothing`);
    const [claimed] = await queryRows<{ slot: Date | string }>(
      this.db,
      sql`update scheduled_tasks
          set lease_owner = ${this.runnerId}, lease_until = now() + ${this.leaseMs} * interval '1 millisecond', last_started_at = now()
          where name = ${task.name} and next_run_at <= now() and (lease_until is null or lease_until < now())
          returning next_run_at as slot`,
    );
    if (!claimed) return;
    const slot = new Date(claimed.slot);
    const recorded = await queryRows(
      this.db,
      sql`insert into scheduled_task_runs (name, slot, runner, started_at, outcome) values (${task.name}, ${slot.toISOString()}::timestamptz, ${this.runnerId}, now(), 'running')
          on conflict (name, slot) do nothing returning name`,
    );
    let outcome: 'done' | 'failed' | 'skipped' = 'skipped';
    let detail: Record<string, unknown> = { reason: 'this slot was already run' };
    if (recorded.length > 0) {
      try {
        detail = await task.run(this.db);
        outcome = 'done';
      } catch (error) {
        outcome = 'failed';
        detail = { error: error instanceof Error ? error.message : String(error) };
        this.log(`scheduled task ${task.name} failed`, error);
      }
      await this.db.execute(sql`
        update scheduled_task_runs set finished_at = now(), outcome = ${outcome}, detail = ${JSON.stringify(detail)}::jsonb
        where name = ${task.name} and slot = ${slot.toISOString()}::timestamptz`);
    }
    // the next slot keeps the cadence, but a server that was down for a day does not run a day of backlog
    await this.db.execute(sql`
      update scheduled_tasks
      set next_run_at = greatest(${slot.toISOString()}::timestamptz + ${task.intervalMs} * interval '1 millisecond', now()),
          lease_owner = null, lease_until = null, last_finished_at = now(), last_outcome = ${outcome},
          last_error = ${outcome === 'failed' ? String(detail.error) : null}
      where name = ${task.name} and lease_owner = ${this.runnerId}`);
  }
}
