import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { OrderFilter, OrderPeriod } from '../../contracts/order-filter';
import { courierCodeOf } from '../../domain/couriers';
import { claims, orders } from '../db/schema/index';
import { keywordCondition } from './keyword-sql';
import { addDays, seoulDayOf, seoulDayStart } from './seoul-days';
import { AWAITING_SHIPMENT_STATUSES, delayedIfPaidBefore } from './shipping-delay';
import { bigintArray, textArray } from './sql-arrays';

/**
 * Units waiting to ship. Written as raw SQL, identical to the predicate of
 * orders_awaiting_shipment_idx, because the planner uses a partial index only when the query
 * repeats its predicate (it cannot reason about array overlap).
 */
const AWAITING_SHIPMENT = sql`${orders.unitStatuses} && '{paid,preparing,ready_to_ship}'::text[]`;
/** The predicate of orders_last_memo_idx, for the same reason. */
const HAS_MEMO = sql`${orders.memoCount} > 0`;
const LAST_MEMO = sql`coalesce(${orders.lastMemoAt}, '-infinity'::timestamptz)`;

const PERIOD_COLUMNS = {
  ordered: orders.orderedAt,
  paid: orders.paidAt,
  shipped: orders.shippedAt,
  delivered: orders.deliveredAt,
  cancel_requested: orders.cancelRequestedAt,
  return_requested: orders.returnRequestedAt,
} as const;

/** [start, end) instants of a period of Seoul days; either end may be open. */
export function periodBounds(p: OrderPeriod, now: Date): { from: Date | null; until: Date | null } {
  if (p.lastDays !== undefined) {
    const today = seoulDayOf(now);
    return { from: seoulDayStart(addDays(today, 1 - p.lastDays)), until: seoulDayStart(addDays(today, 1)) };
  }
  return { from: p.from ? seoulDayStart(p.from) : null, until: p.to ? seoulDayStart(addDays(p.to, 1)) : null };
}

function periodCondition(p: OrderPeriod, now: Date): SQL | undefined {
  const { from, until } = periodBounds(p, now);
  if (p.field === 'memo_written') {
    // on the memo index's expression, so orders_last_memo_idx serves the range
    return and(
      HAS_MEMO,
      from ? sql`${LAST_MEMO} >= ${from.toISOString()}::timestamptz` : undefined,
      until ? sql`${LAST_MEMO} < ${until.toISOString()}::timestamptz` : undefined,
    );
  }
  const column = PERIOD_COLUMNS[p.field];
  // an open period still asks for the date to exist: "shipped, any time" means shipped
  return and(isNotNull(column), from ? gte(column, from) : undefined, until ? lt(column, until) : undefined);
}

function channelCondition(channels: NonNullable<OrderFilter['channels']>): SQL | undefined {
  const named = channels.filter((c) => c !== 'external');
  return or(
    named.length > 0 ? inArray(orders.channel, named) : undefined,
    channels.includes('external') ? ne(orders.channel, 'own_mall') : undefined,
  );
}

/**
 * 배송지연 N days (shipping-delay.ts has the definition, shared with the list's 배송지연 column):
 * paid before the start of the Seoul day N − 1 days before today (so paid yesterday is 1 day
 * late today), with units still waiting to ship.
 */
function shippingDelayCondition(days: number, now: Date): SQL {
  const paidBefore = delayedIfPaidBefore(days, now);
  // on orders_awaiting_shipment_idx's expression (a missing paid_at is never before anything)
  return sql`${AWAITING_SHIPMENT} and coalesce(${orders.paidAt}, 'infinity'::timestamptz) < ${paidBefore.toISOString()}::timestamptz`;
}

/**
 * Any of the statuses, as one overlap per status: `unit_statuses && '{paid}'::text[]` is the
 * predicate of orders_status_paid_idx, written as a literal so the planner can match it (the
 * values are validated enum members, checked again here before they become SQL text).
 */
function anyStatus(statuses: readonly string[]): SQL | undefined {
  return or(
    ...statuses.map((s) => {
      if (!/^[a-z_]+$/.test(s)) throw new Error(`not a status: ${s}`);
      return sql`${orders.unitStatuses} && ${sql.raw(`'{${s}}'::text[]`)}`;
    }),
  );
}

/** Orders with a claim of any of these reasons: a semi-join on claims_reason_idx (shop_id, reason_code, order_id). */
function claimReasonCondition(codes: readonly string[]): SQL {
  return sql`exists (select 1 from ${claims} where ${claims.shopId} = ${orders.shopId} and ${claims.orderId} = ${orders.id} and ${claims.reasonCode} in ${[...new Set(codes)]})`;
}

const some = <T>(values: readonly T[] | undefined): values is readonly T[] => values !== undefined && values.length > 0;

/** One condition per filter key present (empty lists filter nothing); AND-ed by whereOf. */
export function filterConditions(f: OrderFilter, now: Date): SQL[] {
  const conditions: Array<SQL | undefined> = [
    some(f.unitStatuses) ? anyStatus(f.unitStatuses) : undefined,
    // implied by the statuses asked for, and repeated so orders_awaiting_shipment_idx serves the
    // 상품준비중 and 배송대기 tabs, sorted by payment time, as an ordered walk instead of a sort
    some(f.unitStatuses) && f.unitStatuses.every((s) => AWAITING_SHIPMENT_STATUSES.includes(s)) ? AWAITING_SHIPMENT : undefined,
    some(f.claimStatuses) ? anyStatus(f.claimStatuses) : undefined,
    some(f.claimReasons) ? claimReasonCondition(f.claimReasons) : undefined,
    some(f.orderStatuses) ? inArray(orders.orderStatus, [...f.orderStatuses]) : undefined,
    some(f.paymentStatuses) ? inArray(orders.paymentStatus, [...f.paymentStatuses]) : undefined,
    some(f.channels) ? channelCondition(f.channels) : undefined,
    f.memberType === 'member' ? isNotNull(orders.customerId) : f.memberType === 'guest' ? isNull(orders.customerId) : undefined,
    some(f.paymentMethods) ? inArray(orders.paymentMethod, [...f.paymentMethods]) : undefined,
    f.period ? periodCondition(f.period, now) : undefined,
    f.amount?.min !== undefined ? gte(orders.totalAmount, f.amount.min) : undefined,
    f.amount?.max !== undefined ? lte(orders.totalAmount, f.amount.max) : undefined,
    f.shippingDelayDays !== undefined ? shippingDelayCondition(f.shippingDelayDays, now) : undefined,
    f.hasMemo === true ? HAS_MEMO : f.hasMemo === false ? eq(orders.memoCount, 0) : undefined,
    // parcels store codes: "CJ대한통운" asks for CJ (and a name we do not know for itself)
    some(f.couriers) ? sql`${orders.couriers} && ${textArray([...new Set(f.couriers.map(courierCodeOf))])}` : undefined,
    some(f.productIds) ? sql`${orders.productIds} && ${bigintArray(f.productIds)}` : undefined,
    some(f.regions) ? sql`${orders.regions} && ${textArray(f.regions)}` : undefined,
    keywordCondition(f.keyword),
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}
