import { z } from 'zod';
import { id, isoDateTime, signedWon, won } from './common';
import { orderFilterSchema, orderSortSchema } from './order-filter';

/** One row of the order list: what its columns show, with labels in the request's language. */
export const orderListItemSchema = z
  .object({
    id,
    /** For bulk actions that send the version they were based on. */
    version: z.number().int(),
    orderNumber: z.string(),
    orderedAt: isoDateTime,
    channel: z.string(),
    channelLabel: z.string(),
    ordererName: z.string(),
    ordererPhone: z.string(),
    ordererEmail: z.string().nullable(),
    isMember: z.boolean(),
    customerId: id.nullable(),
    gradeName: z.string().nullable(),
    /** The first shipping address's recipient; `addressCount` tells whether there are more. */
    recipientName: z.string().nullable(),
    recipientPhone: z.string().nullable(),
    /** The first shipping address's postcode, road address with its detail, and 배송 메모. */
    recipientPostcode: z.string().nullable(),
    recipientAddress: z.string().nullable(),
    deliveryMemo: z.string().nullable(),
    addressCount: z.number().int(),
    itemSummary: z.string(),
    itemCount: z.number().int(),
    /** Units ordered, over all items (cancelled and returned ones included). */
    quantity: z.number().int(),
    orderStatus: z.string(),
    orderStatusLabel: z.string(),
    paymentStatus: z.string(),
    paymentStatusLabel: z.string(),
    unitStatuses: z.array(z.object({ status: z.string(), label: z.string() })),
    paymentMethod: z.string().nullable(),
    paymentMethodLabel: z.string().nullable(),
    totalAmount: signedWon,
    paidAmount: won,
    refundedAmount: won,
    balanceDue: signedWon,
    /** The first parcel that has a tracking number: its courier code (CJ, HANJIN …, or a name as typed) … */
    courier: z.string().nullable(),
    /** … and what people read for it, in the request's language ("CJ대한통운", "CJ Logistics"). */
    courierLabel: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    paidAt: isoDateTime.nullable(),
    shippedAt: isoDateTime.nullable(),
    memoCount: z.number().int(),
    lastMemoAt: isoDateTime.nullable(),
    /**
     * 배송지연: whole Seoul days since the payment while units still wait to ship (paid yesterday = 1),
     * as the `shippingDelayDays` filter counts them; null when nothing waits or nothing was paid.
     */
    shippingDelayDays: z.number().int().min(0).nullable(),
  })
  .meta({ id: 'OrderListItem' });
export type OrderListItem = z.infer<typeof orderListItemSchema>;

const limit = z.number().int().min(1).max(200);

export const orderSearchRequestSchema = z
  .object({
    filter: orderFilterSchema.default({}),
    sort: orderSortSchema.default({ field: 'orderedAt', direction: 'desc' }),
    limit: limit.default(50),
    /** `nextCursor` of the previous page, with the same filter and sort. */
    cursor: z.string().max(500).optional(),
    /**
     * false: the page only, `total` null. Counting every match of a broad filter reads every
     * matching row; a screen that shows rows first asks POST /api/v1/orders/count alongside.
     */
    withTotal: z.boolean().default(true),
    /**
     * true: `total` is the exact count whatever it costs. Otherwise a filter whose count the
     * planner expects to be slow gets its estimate (`totalExact` false), as POST /orders/count.
     */
    exactTotal: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'OrderSearchRequest' });
export type OrderSearchRequest = z.infer<typeof orderSearchRequestSchema>;

const csv = (what: string) => z.string().max(1000).optional().describe(`${what}, comma-separated; any of them`);

/**
 * The simple cases of the filter spec as query parameters (a link reproduces the view). The full
 * spec, periods and amounts included, goes to POST /api/v1/orders/search.
 */
export const orderListQuerySchema = z.object({
  keyword: z.string().max(100).optional(),
  unitStatuses: csv('Unit statuses'),
  claimStatuses: csv('Claim statuses'),
  orderStatuses: csv('Order statuses'),
  paymentStatuses: csv('Payment statuses'),
  channels: csv('Channels (or `external`)'),
  paymentMethods: csv('Payment methods'),
  memberType: z.enum(['member', 'guest']).optional(),
  hasMemo: z.enum(['true', 'false']).optional(),
  /** `field:direction`, e.g. `totalAmount:desc`; default `orderedAt:desc`. */
  sort: z.string().max(50).optional(),
  limit: z.coerce.number().pipe(limit).default(50),
  cursor: z.string().max(500).optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderListResponseSchema = z
  .object({
    items: z.array(orderListItemSchema),
    nextCursor: z.string().nullable(),
    /** Every order matching the filter (all pages); null when the request asked for the page only. */
    total: z.number().int().nullable(),
    /** false: `total` is an estimate (shown as 약 N건); null with `total`. */
    totalExact: z.boolean().nullable(),
  })
  .meta({ id: 'OrderList' });
export type OrderListResponse = z.infer<typeof orderListResponseSchema>;

export const orderCountRequestSchema = z
  .object({
    filter: orderFilterSchema.default({}),
    /** true: count every match whatever it costs (the exact number staff asked for). */
    exact: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'OrderCountRequest' });
export const orderCountResponseSchema = z
  .object({
    total: z.number().int().min(0),
    /** false: the planner's estimate of a count that would be slow (약 N건); ask again with `exact: true` for the number. */
    exact: z.boolean(),
  })
  .meta({ id: 'OrderCount' });
export type OrderCountResponse = z.infer<typeof orderCountResponseSchema>;
