import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, createdAt, ref } from './columns';

/**
 * Tables of the platform itself rather than of one shop's orders. Sign-in throttles and scheduled
 * tasks are looked up before (or without) knowing a shop, so unlike every order table their keys
 * do not start with shop_id: the subject of a throttle is an e-mail or a client address, and a
 * scheduled task works every shop in turn.
 */

/**
 * Failed sign-ins (and API-key guesses) per subject: `account:<e-mail>`, `address:<ip>` or
 * `api-key-address:<ip>`. Shared by every app server through the database, so a second server
 * never hands an attacker a fresh allowance. `shop_id` is the account's shop when it is known,
 * so its owner can see and lift the lock.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    subject: text('subject').primaryKey(),
    shopId: ref('shop_id'),
    staffId: ref('staff_id'),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: at('last_failure_at').notNull(),
    /** No attempt is taken before this time (the growing delay, or the lock). */
    blockedUntil: at('blocked_until'),
    /** Set when the failures reached the lock threshold; cleared by a success or an owner. */
    lockedAt: at('locked_at'),
  },
  (t) => [index('sign_in_throttles_shop_idx').on(t.shopId).where(sql`${t.shopId} is not null`), index('sign_in_throttles_last_idx').on(t.lastFailureAt)],
);

/** What happened at the doors: failed and refused sign-ins, locks and their lifting, API-key guesses. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().primaryKey(),
    shopId: ref('shop_id'),
    kind: text('kind').notNull(),
    subject: text('subject'),
    clientAddress: text('client_address'),
    staffId: ref('staff_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('security_events_shop_idx').on(t.shopId, t.createdAt), index('security_events_created_idx').on(t.createdAt)],
);

/**
 * Work that runs on a schedule (upkeep, clean-ups, later auto-confirm). Any app server may run a
 * due task; the lease (`lease_owner`, `lease_until`) taken by one UPDATE … WHERE makes sure only
 * one does, and a server that dies mid-run loses its lease when it expires.
 */
export const scheduledTasks = pgTable('scheduled_tasks', {
  name: text('name').primaryKey(),
  nextRunAt: at('next_run_at').notNull(),
  leaseOwner: text('lease_owner'),
  leaseUntil: at('lease_until'),
  lastStartedAt: at('last_started_at'),
  lastFinishedAt: at('last_finished_at'),
  lastOutcome: text('last_outcome'),
  lastError: text('last_error'),
});

/** One row per run of a task, keyed by the time it was due: a slot can be run once, by one server. */
export const scheduledTaskRuns = pgTable(
  'scheduled_task_runs',
  {
    name: text('name').notNull(),
    slot: at('slot').notNull(),
    runner: text('runner').notNull(),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
    outcome: text('outcome', { enum: ['running', 'done', 'failed'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.name, t.slot] }), index('scheduled_task_runs_started_idx').on(t.startedAt)],
);
