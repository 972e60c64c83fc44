import { z } from 'zod';
import { id, isoDateTime } from './common';
import { shipmentInputSchema } from './fulfillment';
import { orderFilterSchema } from './order-filter';

/**
 * Bulk processing (일괄 처리): one action over every order matching a filter, or over chosen
 * orders. Preview first (how many match, how many will be processed, the rest grouped by why),
 * then a background job that survives a restart and processes each order at most once.
 * Contracts import nothing from the domain, so the action names are repeated here;
 * test/bulk-jobs.test.ts keeps them equal to BULK_ACTION_TYPES in src/domain/bulk-actions.ts.
 */
export const BULK_ACTION_TYPE_VALUES = [
  'confirm_deposit', 'start_preparing', 'mark_ready_to_ship', 'ship', 'mark_delivered', 'confirm_purchase', 'cancel', 'add_memo',
] as const;

/** At most this many orders per job; a wider filter is refused, not silently cut. */
export const MAX_BULK_ORDERS = 200_000;
/** Chosen orders (체크한 주문) are sent by id. */
export const MAX_CHOSEN_ORDERS = 10_000;

export const bulkSelectionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('filter'), filter: orderFilterSchema }),
    z.object({ kind: z.literal('orders'), orderIds: z.array(id).min(1).max(MAX_CHOSEN_ORDERS) }),
  ])
  .meta({ id: 'BulkSelection' });
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

const reason = z.string().trim().min(1).max(500);

export const bulkActionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('confirm_deposit') }),
    z.object({ type: z.literal('start_preparing') }),
    z.object({ type: z.literal('mark_ready_to_ship') }),
    z.object({
      type: z.literal('ship'),
      /** One parcel per order: its courier and tracking number. Orders of the selection without one are left out. */
      shipments: z.array(shipmentInputSchema.extend({ orderId: id })).min(1).max(MAX_CHOSEN_ORDERS),
    }),
    z.object({ type: z.literal('mark_delivered') }),
    z.object({ type: z.literal('confirm_purchase') }),
    /** 전체 취소: every unit not yet shipped is cancelled and refunded as proposed (no hand adjustments in bulk). */
    z.object({ type: z.literal('cancel'), reason }),
    z.object({ type: z.literal('add_memo'), body: z.string().trim().min(1).max(2000) }),
  ])
  .meta({ id: 'BulkAction' });
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const bulkRequestSchema = z.object({ selection: bulkSelectionSchema, action: bulkActionSchema }).meta({ id: 'BulkRequest' });
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

export const exclusionGroupSchema = z.object({
  /** already · not_yet · open_claim · held_for_payment (추가 결제 대기) · not_deposit_payment · missing_tracking */
  code: z.string(),
  orderStatus: z.string(),
  label: z.string().meta({ example: '이미 배송중' }),
  count: z.number().int(),
});

export const bulkPreviewSchema = z
  .object({
    matched: z.number().int(),
    willProcess: z.number().int(),
    excluded: z.number().int(),
    exclusions: z.array(exclusionGroupSchema),
    /** "1,240건 중 1,228건 처리, 12건 제외" */
    summary: z.string(),
  })
  .meta({ id: 'BulkPreview' });
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

export const BULK_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

const refundTallySchema = z.object({ count: z.number().int(), amount: z.number().int().meta({ description: 'won' }) });

/**
 * A cancel job's refunds as they stand now (read when the job is read, so a refund staff settle
 * later moves over): paid back (`succeeded`), refused by the gateway (`failed`), or waiting for a
 * person (`manual`: a bank transfer to make, or a gateway that did not answer, to retry on the
 * order). Refunds of 0원 are not counted.
 */
export const bulkJobRefundsSchema = z.object({ succeeded: refundTallySchema, failed: refundTallySchema, manual: refundTallySchema }).meta({ id: 'BulkJobRefunds' });
export type BulkJobRefunds = z.infer<typeof bulkJobRefundsSchema>;

export const bulkJobSchema = z
  .object({
    id,
    action: bulkActionSchema,
    actionLabel: z.string(),
    status: z.enum(BULK_JOB_STATUSES),
    total: z.number().int(),
    done: z.number().int(),
    processed: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    /** Skipped and failed orders grouped by reason. */
    reasons: z.array(z.object({ outcome: z.enum(['skipped', 'failed']), reason: z.string(), label: z.string(), count: z.number().int() })),
    /** Cancel jobs: how their refunds went; null for other actions. */
    refunds: bulkJobRefundsSchema.nullable(),
    createdByStaffId: id.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'BulkJob' });
export type BulkJob = z.infer<typeof bulkJobSchema>;

export const bulkJobListSchema = z.object({ items: z.array(bulkJobSchema) }).meta({ id: 'BulkJobList' });

export const bulkJobItemsQuerySchema = z.object({
  outcome: z.enum(['pending', 'processed', 'skipped', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The last order id of the previous page. */
  afterOrderId: z.coerce.number().int().positive().optional(),
});

export const bulkJobItemsSchema = z
  .object({
    items: z.array(
      z.object({
        orderId: id,
        orderNumber: z.string(),
        outcome: z.enum(['pending', 'processed', 'skipped', 'failed']),
        reason: z.string().nullable(),
        label: z.string().nullable(),
      }),
    ),
    nextAfterOrderId: id.nullable(),
  })
  .meta({ id: 'BulkJobItems' });

export const bulkJobIdParams = z.object({ jobId: z.coerce.number().int().positive() });
