import { z } from 'zod';
import { CHANNELS, id, isoDay, PAYMENT_METHODS, signedWon } from './common';
import { UNIT_STATUS_VALUES } from './fulfillment';
import { SALES_CHANNEL_LABELS } from '../domain/channels';
import { CLAIM_REASON_CODES } from '../domain/claim-reasons';

/**
 * The order-list filter spec: what a tab, a saved filter, a count, a bulk job and an export all
 * select orders by. Every condition is optional; the conditions present are combined with AND, and
 * a list matches when the order has ANY of its values. An empty list is the same as leaving the
 * condition out (a filter panel with nothing ticked filters nothing). Unknown keys are refused:
 * a misspelt condition silently matching every order would be dangerous in a bulk job.
 *
 * Statuses are repeated from src/domain (contracts import nothing from it, the web reads them);
 * test/order-list-filters.test.ts keeps them equal.
 */

export const ORDER_STATUS_VALUES = [
  'awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'partially_shipped', 'shipping', 'delivered', 'purchase_confirmed',
  'partially_cancelled', 'cancelled', 'claim_in_progress', 'returned', 'partially_returned', 'exchanged',
] as const;
export const PAYMENT_STATUS_VALUES = ['awaiting_payment', 'paid', 'partially_paid', 'overpaid', 'partially_refunded', 'refunded'] as const;
/** The unit statuses of the cancel, return and exchange flows: a claim's units carry its status. */
export const CLAIM_STATUS_VALUES = [
  'cancel_requested', 'cancelled', 'return_requested', 'return_collecting', 'return_collected', 'returned',
  'exchange_requested', 'exchange_collecting', 'exchange_collected', 'exchange_reshipped', 'exchanged',
] as const satisfies ReadonlyArray<(typeof UNIT_STATUS_VALUES)[number]>;

/** 'external' stands for every channel but the own mall (마켓 주문). */
export const CHANNEL_FILTER_VALUES = [...CHANNELS, 'external'] as const;
export const CHANNEL_LABELS: Record<(typeof CHANNEL_FILTER_VALUES)[number], { ko: string; en: string }> = {
  ...(SALES_CHANNEL_LABELS as Record<(typeof CHANNELS)[number], { ko: string; en: string }>),
  external: { ko: '외부 채널', en: 'External channels' },
};

/**
 * Delivery regions by the first two digits of the 5-digit postcode (국가기초구역번호), as
 * src/server/order-list/regions.ts maps them; 'island' is a remote island (도서산간) by the
 * shop's island table, and comes in addition to the island's province.
 */
export const REGIONS = [
  'seoul', 'gyeonggi', 'incheon', 'gangwon', 'chungbuk', 'sejong', 'chungnam', 'daejeon', 'gyeongbuk', 'daegu', 'ulsan',
  'busan', 'gyeongnam', 'jeonbuk', 'jeonnam', 'gwangju', 'jeju', 'island',
] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: Record<Region, { ko: string; en: string }> = {
  seoul: { ko: '서울', en: 'Seoul' }, gyeonggi: { ko: '경기', en: 'Gyeonggi' }, incheon: { ko: '인천', en: 'Incheon' },
  gangwon: { ko: '강원', en: 'Gangwon' }, chungbuk: { ko: '충북', en: 'North Chungcheong' }, sejong: { ko: '세종', en: 'Sejong' },
  chungnam: { ko: '충남', en: 'South Chungcheong' }, daejeon: { ko: '대전', en: 'Daejeon' }, gyeongbuk: { ko: '경북', en: 'North Gyeongsang' },
  daegu: { ko: '대구', en: 'Daegu' }, ulsan: { ko: '울산', en: 'Ulsan' }, busan: { ko: '부산', en: 'Busan' },
  gyeongnam: { ko: '경남', en: 'South Gyeongsang' }, jeonbuk: { ko: '전북', en: 'North Jeolla' }, jeonnam: { ko: '전남', en: 'South Jeolla' },
  gwangju: { ko: '광주', en: 'Gwangju' }, jeju: { ko: '제주', en: 'Jeju' }, island: { ko: '도서산간', en: 'Remote islands' },
};

/**
 * Which date a period looks at. Each is one cached column of the order: ordered = ordered_at,
 * paid = the first captured payment, shipped = the first parcel shipped, delivered = the last
 * parcel delivered, cancel_requested / return_requested = the latest cancel / return-or-exchange
 * claim, memo_written = the latest memo (메모작성일: "a memo was written in the period" when the
 * period runs up to today, which is how staff use it).
 */
export const PERIOD_FIELDS = ['ordered', 'paid', 'shipped', 'delivered', 'cancel_requested', 'return_requested', 'memo_written'] as const;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(100);

/** Without from, to or lastDays a period asks only that the date exists ("shipped, any time"). */
export const periodSchema = z
  .object({
    field: z.enum(PERIOD_FIELDS),
    /** First and last day included, as Asia/Seoul calendar days. */
    from: isoDay.optional(),
    to: isoDay.optional(),
    /** Instead of from/to: the last N Seoul days up to and including today (a tab stays current). */
    lastDays: z.number().int().min(1).max(3660).optional(),
  })
  .refine((p) => p.lastDays === undefined || (p.from === undefined && p.to === undefined), { message: 'lastDays 또는 from/to 중 하나만 지정하세요' })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: '기간의 시작일이 종료일보다 늦습니다' });

export const orderFilterSchema = z
  .object({
    /** Orders with any unit in any of these statuses (the cached set of unit statuses). */
    unitStatuses: list(z.enum(UNIT_STATUS_VALUES)).optional(),
    /** Orders with any unit in any of these claim statuses (취소접수, 반품완료 …). */
    claimStatuses: list(z.enum(CLAIM_STATUS_VALUES)).optional(),
    /** Orders with a cancel, return or exchange claim of any of these reasons (단순 변심, 상품 불량, 오배송, 배송 지연, 기타), open or completed. */
    claimReasons: list(z.enum(CLAIM_REASON_CODES)).optional(),
    /** The derived order-level status (부분배송, 부분취소 …). */
    orderStatuses: list(z.enum(ORDER_STATUS_VALUES)).optional(),
    paymentStatuses: list(z.enum(PAYMENT_STATUS_VALUES)).optional(),
    channels: list(z.enum(CHANNEL_FILTER_VALUES)).optional(),
    memberType: z.enum(['member', 'guest']).optional(),
    /** The method of the checkout payment (the order's first payment). */
    paymentMethods: list(z.enum(PAYMENT_METHODS)).optional(),
    period: periodSchema.optional(),
    /** Order total in won, both ends included. */
    amount: z
      .object({ min: signedWon.optional(), max: signedWon.optional() })
      .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, { message: '최소 금액이 최대 금액보다 큽니다' })
      .optional(),
    /**
     * 배송지연: the first payment was captured at least N Seoul calendar days before today, and
     * some units still wait to ship (결제완료, 상품준비중 or 배송대기) — a partly shipped order
     * whose remaining units wait counts. 0 selects every paid order with units waiting to ship.
     */
    shippingDelayDays: z.number().int().min(0).max(3660).optional(),
    hasMemo: z.boolean().optional(),
    /** Couriers of the parcels sent to the buyer (shipments and exchange re-shipments): codes (CJ, HANJIN …) or any spelling of one ("CJ대한통운" finds CJ); other names as entered. */
    couriers: list(z.string().trim().min(1).max(50)).optional(),
    /** Orders with an item of any of these catalog products (in any status). */
    productIds: list(id).optional(),
    /** Orders with a shipping address in any of these regions. */
    regions: list(z.enum(REGIONS)).optional(),
    /**
     * 주문번호 (exact or leading part), or any part of: orderer, recipient and member names, phone
     * numbers (with or without hyphens), e-mail, tracking numbers. Spaces, hyphens and punctuation
     * are ignored; letters are compared in lower case.
     */
    keyword: z.string().trim().max(100).optional(),
  })
  .strict()
  .meta({ id: 'OrderFilter' });
export type OrderFilter = z.infer<typeof orderFilterSchema>;
export type OrderPeriod = z.infer<typeof periodSchema>;

export const ORDER_SORT_FIELDS = [
  'orderedAt', 'orderNumber', 'ordererName', 'channel', 'totalAmount', 'paidAmount', 'balanceDue', 'paidAt', 'shippedAt',
  'deliveredAt', 'orderStatus', 'paymentStatus', 'memoCount', 'lastMemoAt',
] as const;
export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];

/**
 * One column and a direction; ties are broken by the order id in the same direction. Orders
 * without the date (not paid yet, no memo …) come last either way; statuses sort in workflow
 * order (입금대기 → … → 구매확정), not alphabetically.
 */
export const orderSortSchema = z
  .object({ field: z.enum(ORDER_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
  .strict()
  .meta({ id: 'OrderSort' });
export type OrderSort = z.infer<typeof orderSortSchema>;
export const DEFAULT_ORDER_SORT: OrderSort = { field: 'orderedAt', direction: 'desc' };
