import { z } from 'zod';
import { id, won } from './common';
import { MAX_EXPORT_ORDER_IDS } from './excel';
import { orderFilterSchema, orderSortSchema, periodSchema } from './order-filter';

/**
 * Print sheets (주문서·거래명세서 출력): what the admin's print view needs to lay out one A4 page
 * per order — the packing list (주문서/패킹리스트: items, options and quantities to pick, the
 * recipient and 배송 메모, no prices) and the statement (거래명세서: the same lines with prices and
 * the order's totals). One read answers both; the page chooses what to show.
 */

/** Orders per print: a page each, rendered by the browser at once; more is a job for the Excel export. */
export const MAX_PRINT_ORDERS = 500;

export const PRINT_SHEET_KINDS = ['packing', 'statement'] as const;
export type PrintSheetKind = (typeof PRINT_SHEET_KINDS)[number];

/**
 * Which orders, like the Excel export's request: chosen `orderIds` (in `sort` when sent, else in
 * the order given; an id
 * that is not an order of the caller's shop answers 404; more than 500 answer 422 PRINT_TOO_MANY_ORDERS), or a tab's conditions — `viewId` (its
 * filter and sort) or an explicit `filter` (the list's current conditions; it replaces the tab's),
 * optionally within a `period` that must hold as well. Conditions matching more than 500 orders
 * answer 422 PRINT_TOO_MANY_ORDERS with the count: narrow them (a period, a status).
 */
export const printSheetsRequestSchema = z
  .object({
    /** Up to 500 print; a longer selection (up to the export's 10,000) is refused with PRINT_TOO_MANY_ORDERS, not as malformed. */
    orderIds: z.array(id).min(1).max(MAX_EXPORT_ORDER_IDS).optional(),
    viewId: id.optional(),
    filter: orderFilterSchema.optional(),
    period: periodSchema.optional(),
    sort: orderSortSchema.optional(),
  })
  .strict()
  .refine((b) => b.viewId !== undefined || b.filter !== undefined || b.orderIds !== undefined, {
    message: 'viewId, filter 또는 orderIds 중 하나가 필요합니다',
  })
  .refine((b) => b.orderIds === undefined || (b.viewId === undefined && b.filter === undefined && b.period === undefined), {
    message: '선택한 주문(orderIds)은 viewId·filter·period와 함께 보낼 수 없습니다',
  })
  .meta({ id: 'PrintSheetsRequest' });
export type PrintSheetsRequest = z.infer<typeof printSheetsRequestSchema>;

export const printLineSchema = z.object({
  itemId: id,
  productName: z.string(),
  optionName: z.string().nullable(),
  sku: z.string().nullable(),
  /** Units of this item going to this address (in its shipment groups: not cancelled, returned or exchanged). */
  quantity: z.number().int().positive(),
  unitPrice: won,
  /** Grade and manual discount per unit (판매가 할인); coupon and points are order-level, in the totals. */
  discountPerUnit: won,
  /** (unitPrice − discountPerUnit) × quantity. */
  amount: won,
  /** Where the units stand (결제완료, 배송대기 …), Korean or English by Accept-Language. */
  statusLabels: z.array(z.string()),
});
export type PrintLine = z.infer<typeof printLineSchema>;

export const printAddressSchema = z.object({
  addressId: id,
  position: z.number().int(),
  recipientName: z.string(),
  recipientPhone: z.string(),
  postcode: z.string(),
  address1: z.string(),
  address2: z.string(),
  /** 배송 메모 as the buyer wrote it; null when there is none. */
  deliveryNote: z.string().nullable(),
  lines: z.array(printLineSchema),
});
export type PrintAddress = z.infer<typeof printAddressSchema>;

export const printSheetOrderSchema = z.object({
  id: id,
  orderNumber: z.string(),
  orderedAt: z.string().meta({ description: 'ISO 8601; the sheet shows it in Asia/Seoul time' }),
  channel: z.string(),
  channelLabel: z.string(),
  buyer: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable(), isMember: z.boolean() }),
  /** Every address with units going there, in the order's address order (an address left without units is left out). */
  addresses: z.array(printAddressSchema),
  /**
   * Units not on the sheet, by why: in a cancel (취소접수/취소완료), a return or an exchange claim.
   * The sheet says so ("취소 2개 제외"), so a short box is not mistaken for a mistake.
   */
  leftOut: z.object({ cancel: z.number().int(), return: z.number().int(), exchange: z.number().int() }),
  /**
   * The order's money as the payment panel shows it (the 거래명세서's totals). The lines leave out
   * claimed units, so Σ line amounts equals `itemsAmount` only when nothing is in a claim.
   */
  totals: z.object({
    /** Σ of the lines' amounts. */
    itemsAmount: won,
    shippingFee: won,
    couponDiscount: won,
    pointsUsed: won,
    /** Charges kept from claims (return shipping …). */
    fees: won,
    /** The order's total (what the buyer owes for what they keep), VAT included. */
    orderTotal: won,
    /** 공급가액 and 세액 of the order total: every item taxed at 10 %, 세액 = total − round(total / 1.1). */
    supplyAmount: won,
    vatAmount: won,
    paid: won,
    refunded: won,
    /** Positive: the buyer still owes; negative: the shop owes. */
    balanceDue: z.number().int(),
  }),
});
export type PrintSheetOrder = z.infer<typeof printSheetOrderSchema>;

export const printSheetsResponseSchema = z
  .object({
    /** 공급자: the shop's name, 고객센터 and 사업자 정보 (null where not set in 쇼핑몰 설정). */
    shop: z.object({
      name: z.string(),
      csPhone: z.string().nullable(),
      csEmail: z.string().nullable(),
      businessName: z.string().nullable(),
      representativeName: z.string().nullable(),
      businessNumber: z.string().nullable(),
      businessAddress: z.string().nullable(),
    }),
    /** When the sheets were read (ISO 8601), printed in each page's footer. */
    printedAt: z.string(),
    orders: z.array(printSheetOrderSchema),
  })
  .meta({ id: 'PrintSheetsResponse' });
export type PrintSheetsResponse = z.infer<typeof printSheetsResponseSchema>;
