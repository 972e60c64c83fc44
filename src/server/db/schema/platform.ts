import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, shopId } from './columns';

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

/**
 * The shop's audit log: what happened at the doors (sign-ins, failures, locks and their lifting,
 * API-key guesses) and every administrative act (settings with before and after, staff and roles,
 * API keys, exports, bulk jobs). `staff_id` is who acted (or whose account was tried); `subject`
 * what it was about.
 */
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
  (t) => [
    index('security_events_shop_idx').on(t.shopId, t.createdAt),
    index('security_events_shop_kind_idx').on(t.shopId, t.kind, t.createdAt),
    index('security_events_created_idx').on(t.createdAt),
  ],
);

/**
 * 개인정보 접근 기록: every read of unmasked personal data (an order's detail, a 보기 reveal, an
 * export with personal columns, an API read), who, when, which orders, from where and why — kept
 * at least two years, as the personal-information safety rules ask of 개인정보취급자 access records.
 */
export const personalDataAccess = pgTable(
  'personal_data_access',
  {
    shopId: shopId(),
    id: id(),
    createdAt: at('created_at').notNull().defaultNow(),
    actorKind: text('actor_kind', { enum: ['staff', 'api'] }).notNull(),
    /** The staff member's or the API key's id. */
    actorId: bigint('actor_id', { mode: 'number' }).notNull(),
    actorName: text('actor_name').notNull(),
    purpose: text('purpose', { enum: ['detail', 'reveal', 'export', 'api'] }).notNull(),
    orderIds: bigint('order_ids', { mode: 'number' }).array().notNull(),
    orderCount: integer('order_count').notNull(),
    /** Which fields were shown: phone, email, address … */
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    clientAddress: text('client_address'),
    /** Why, for exports (asked of the person exporting). */
    reason: text('reason'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('personal_data_access_shop_idx').on(t.shopId, t.createdAt)],
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
