import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, shopId } from './columns';
import { orderRef } from './orders';

/** Append-only: rows are inserted in the transaction of the change they describe, never updated. */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    type: text('type').notNull(),
    actorKind: text('actor_kind', { enum: ['staff', 'buyer', 'system', 'api'] }).notNull(),
    actorId: ref('actor_id'),
    actorName: text('actor_name'),
    payload: jsonb('payload').notNull(),
    buyerVisible: boolean('buyer_visible').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('timeline_events_order_idx').on(t.shopId, t.orderId, t.id),
    orderRef(t),
  ],
);

export const memos = pgTable(
  'memos',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    authorStaffId: ref('author_staff_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at'),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('memos_order_idx').on(t.shopId, t.orderId),
    orderRef(t),
  ],
);

/**
 * An order edit: a list of actions replayed by the domain into a preview, then committed once.
 * `base_version` is the order version the preview was computed on; a commit on another version is refused.
 */
export const orderChanges = pgTable(
  'order_changes',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    actions: jsonb('actions').notNull(),
    preview: jsonb('preview').notNull(),
    baseVersion: integer('base_version').notNull(),
    status: text('status', { enum: ['previewed', 'committed', 'discarded'] }).notNull(),
    createdByStaffId: ref('created_by_staff_id'),
    createdAt: createdAt(),
    committedAt: at('committed_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('order_changes_order_idx').on(t.shopId, t.orderId), orderRef(t)],
);

/** A tab: filter spec, sort and column layout, shared by the shop's staff. */
export const savedViews = pgTable(
  'saved_views',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    filter: jsonb('filter').notNull(),
    sort: jsonb('sort').notNull(),
    columns: jsonb('columns').notNull(),
    locked: boolean('locked').notNull().default(false),
    createdByStaffId: ref('created_by_staff_id'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

/** A staff member's own column layout for a tab, over the shared one. */
export const staffViewLayouts = pgTable(
  'staff_view_layouts',
  {
    shopId: shopId(),
    staffId: ref('staff_id').notNull(),
    viewId: ref('view_id').notNull(),
    columns: jsonb('columns').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.staffId, t.viewId] })],
);

export const savedFilters = pgTable(
  'saved_filters',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    filter: jsonb('filter').notNull(),
    createdByStaffId: ref('created_by_staff_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

/** One action over every order matching a filter; claimed with FOR UPDATE SKIP LOCKED, resumable. */
export const bulkJobs = pgTable(
  'bulk_jobs',
  {
    shopId: shopId(),
    id: id(),
    kind: text('kind', { enum: ['bulk_action', 'export', 'tracking_import'] }).notNull(),
    action: jsonb('action').notNull(),
    selection: jsonb('selection').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }).notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    result: jsonb('result'),
    createdByStaffId: ref('created_by_staff_id'),
    /** Who asked (staff member or API key), as the timeline names them on every order the job changes. */
    requestedBy: jsonb('requested_by').notNull().default({}),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    heartbeatAt: at('heartbeat_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('bulk_jobs_status_idx').on(t.status)],
);

/** The per-order outcome of a bulk job; its key makes each order processed at most once. */
export const bulkJobItems = pgTable(
  'bulk_job_items',
  {
    shopId: shopId(),
    jobId: ref('job_id').notNull(),
    orderId: ref('order_id').notNull(),
    outcome: text('outcome', { enum: ['pending', 'processed', 'skipped', 'failed'] }).notNull(),
    reason: text('reason'),
    /** A cancel job's refund of this order (refunds.id), so the job can report how its refunds went. */
    refundId: ref('refund_id'),
  },
  // the partial index finds the next pending orders of a job without walking the finished ones
  (t) => [primaryKey({ columns: [t.shopId, t.jobId, t.orderId] }), index('bulk_job_items_pending_idx').on(t.shopId, t.jobId, t.orderId).where(sql`outcome = 'pending'`)],
);

/**
 * A shop's own shipping-export form (택배 송장 출력 양식), saved by name: which columns, in which
 * order, under which headers, and whether a parcel's items share one cell or take a row each.
 * The couriers' own forms are data in the domain (src/domain/courier-export-formats.ts), not rows.
 */
export const shippingExportForms = pgTable(
  'shipping_export_forms',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    /** [{ field, header }] left to right; fields are keys of the domain's shipping-export fields. */
    columns: jsonb('columns').notNull(),
    itemLayout: text('item_layout', { enum: ['merged', 'row_per_item'] }).notNull(),
    createdByStaffId: ref('created_by_staff_id'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('shipping_export_forms_name_idx').on(t.shopId, t.name)],
);
