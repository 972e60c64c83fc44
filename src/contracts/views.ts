import { z } from 'zod';
import { id, isoDateTime } from './common';
import { withColumnShown } from '../domain/view-layout';
import { DEFAULT_ORDER_SORT, orderFilterSchema, orderSortSchema, type OrderFilter, type OrderSortField } from './order-filter';
import type { OrderListItem } from './order-list';

/**
 * Tabs (saved views) of the order list and their column layout (관리 항목 설정), after Twenty's
 * views: a view holds a filter, a sort and columns, each column a key with a position, a width
 * and whether it is shown.
 */

/** The order list's columns: a closed set, so a layout can never name a column the list lacks. */
export const COLUMN_KEYS = [
  'orderNumber', 'orderedAt', 'channel', 'ordererName', 'ordererPhone', 'memberType', 'recipientName', 'itemSummary', 'quantity',
  'orderStatus', 'paymentStatus', 'paymentMethod', 'totalAmount', 'balanceDue', 'courier', 'trackingNumber', 'memoCount', 'lastMemoAt',
  'paidAmount', 'refundedAmount', 'paidAt', 'shippedAt', 'ordererEmail', 'recipientPhone',
  'recipientPostcode', 'recipientAddress', 'deliveryMemo',
  'shippingDelay',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnDefinition {
  ko: string;
  en: string;
  /** The fields of an order-list row (OrderListItem) the column shows. */
  fields: ReadonlyArray<keyof OrderListItem>;
  /** What a click on the column header sorts by, when the list can sort by it. */
  sortField: OrderSortField | null;
  /** Width in px and visibility in the default layout. */
  width: number;
  visible: boolean;
}

export const COLUMN_WIDTH = { min: 60, max: 800 } as const;

export const COLUMNS: Record<ColumnKey, ColumnDefinition> = {
  orderNumber: { ko: '주문번호', en: 'Order number', fields: ['orderNumber'], sortField: 'orderNumber', width: 150, visible: true },
  orderedAt: { ko: '주문일시', en: 'Ordered at', fields: ['orderedAt'], sortField: 'orderedAt', width: 150, visible: true },
  channel: { ko: '주문채널', en: 'Channel', fields: ['channel', 'channelLabel'], sortField: 'channel', width: 120, visible: true },
  ordererName: { ko: '구매자명', en: 'Buyer', fields: ['ordererName', 'customerId'], sortField: 'ordererName', width: 100, visible: true },
  ordererPhone: { ko: '연락처', en: 'Phone', fields: ['ordererPhone'], sortField: null, width: 170, visible: true },
  memberType: { ko: '회원구분', en: 'Member / guest', fields: ['isMember', 'gradeName'], sortField: null, width: 100, visible: true },
  recipientName: { ko: '수령인', en: 'Recipient', fields: ['recipientName', 'addressCount'], sortField: null, width: 110, visible: true },
  itemSummary: { ko: '상품정보', en: 'Items', fields: ['itemSummary', 'itemCount'], sortField: null, width: 210, visible: true },
  quantity: { ko: '수량', en: 'Quantity', fields: ['quantity'], sortField: null, width: 60, visible: true },
  orderStatus: { ko: '주문상태', en: 'Order status', fields: ['orderStatus', 'orderStatusLabel', 'unitStatuses'], sortField: 'orderStatus', width: 160, visible: true },
  paymentStatus: { ko: '결제상태', en: 'Payment status', fields: ['paymentStatus', 'paymentStatusLabel'], sortField: 'paymentStatus', width: 100, visible: true },
  paymentMethod: { ko: '결제수단', en: 'Payment method', fields: ['paymentMethod', 'paymentMethodLabel'], sortField: null, width: 110, visible: true },
  totalAmount: { ko: '결제금액', en: 'Order total', fields: ['totalAmount'], sortField: 'totalAmount', width: 110, visible: true },
  balanceDue: { ko: '잔여 결제금액', en: 'Balance due', fields: ['balanceDue'], sortField: 'balanceDue', width: 120, visible: true },
  courier: { ko: '택배사', en: 'Courier', fields: ['courier'], sortField: null, width: 110, visible: true },
  trackingNumber: { ko: '송장번호', en: 'Tracking number', fields: ['trackingNumber'], sortField: null, width: 150, visible: true },
  memoCount: { ko: '메모', en: 'Memos', fields: ['memoCount'], sortField: 'memoCount', width: 70, visible: true },
  lastMemoAt: { ko: '최근 메모일', en: 'Last memo', fields: ['lastMemoAt'], sortField: 'lastMemoAt', width: 150, visible: true },
  paidAmount: { ko: '실결제금액', en: 'Paid', fields: ['paidAmount'], sortField: 'paidAmount', width: 120, visible: false },
  refundedAmount: { ko: '환불금액', en: 'Refunded', fields: ['refundedAmount'], sortField: null, width: 120, visible: false },
  paidAt: { ko: '결제일시', en: 'Paid at', fields: ['paidAt'], sortField: 'paidAt', width: 150, visible: false },
  shippedAt: { ko: '발송일시', en: 'Shipped at', fields: ['shippedAt'], sortField: 'shippedAt', width: 150, visible: false },
  ordererEmail: { ko: '이메일', en: 'E-mail', fields: ['ordererEmail'], sortField: null, width: 180, visible: false },
  recipientPhone: { ko: '수령인 연락처', en: 'Recipient phone', fields: ['recipientPhone'], sortField: null, width: 170, visible: false },
  recipientPostcode: { ko: '우편번호', en: 'Postcode', fields: ['recipientPostcode'], sortField: null, width: 90, visible: false },
  recipientAddress: { ko: '주소', en: 'Address', fields: ['recipientAddress'], sortField: null, width: 280, visible: false },
  deliveryMemo: { ko: '배송 메모', en: 'Delivery memo', fields: ['deliveryMemo'], sortField: null, width: 180, visible: false },
  // days late ("N일"); shown by itself while the 배송지연 filter is on (columnsShownFor)
  shippingDelay: { ko: '배송지연', en: 'Days late', fields: ['shippingDelayDays'], sortField: null, width: 80, visible: false },
};

export const columnLayoutEntrySchema = z
  .object({
    key: z.enum(COLUMN_KEYS),
    /** Left to right; only the order matters (the server renumbers 0, 1, 2 …). */
    position: z.number().int().min(0).max(999),
    width: z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max),
    visible: z.boolean(),
  })
  .strict()
  .meta({ id: 'ViewColumn' });
export type ColumnLayoutEntry = z.infer<typeof columnLayoutEntrySchema>;

/**
 * A layout as sent: each key at most once, at least one column shown. Columns left out are kept
 * hidden after the ones sent (as are columns added to the list later), so an answer always lists
 * every column, in position order.
 */
export const columnLayoutSchema = z
  .array(columnLayoutEntrySchema)
  .min(1)
  .max(COLUMN_KEYS.length)
  .refine((cols) => new Set(cols.map((c) => c.key)).size === cols.length, { message: '같은 항목이 두 번 있습니다' })
  .refine((cols) => cols.some((c) => c.visible), { message: '하나 이상의 항목을 표시해야 합니다' });
export type ColumnLayout = ColumnLayoutEntry[];

/**
 * The default layout's order (new shops' tabs; a shop's saved layouts stay theirs): what names
 * the order, then what staff read on every row — 주문상태 and 결제금액 within the first 1,000 px, so
 * a 1440 px screen with the menu shows them without scrolling sideways — then contact, channel
 * and parcel details to the right. Columns not named here follow in COLUMN_KEYS order.
 */
const DEFAULT_COLUMN_ORDER: readonly ColumnKey[] = [
  'orderNumber', 'orderedAt', 'ordererName', 'itemSummary', 'quantity', 'orderStatus', 'totalAmount', 'paymentStatus', 'memoCount',
  'recipientName', 'ordererPhone', 'channel', 'memberType', 'paymentMethod', 'balanceDue', 'courier', 'trackingNumber', 'lastMemoAt',
];

export const DEFAULT_COLUMN_LAYOUT: ColumnLayout = [...DEFAULT_COLUMN_ORDER, ...COLUMN_KEYS.filter((key) => !DEFAULT_COLUMN_ORDER.includes(key))].map((key, position) => ({
  key,
  position,
  width: COLUMNS[key].width,
  visible: COLUMNS[key].visible,
}));

/**
 * The columns the list (and its Excel file) shows for `layout` under `filter`: while the 배송지연
 * filter is on, 배송지연 is shown (after 주문상태) even where the layout hides it; the layout itself
 * is not changed, so turning the filter off puts the table back as it was.
 */
export function columnsShownFor(layout: ColumnLayout, filter: OrderFilter): ColumnLayout {
  if (filter.shippingDelayDays === undefined) return layout;
  return withColumnShown(layout, { key: 'shippingDelay', width: COLUMNS.shippingDelay.width }, 'orderStatus');
}

/** A shop keeps at most this many tabs, 전체 included: more do not fit a tab bar. */
export const MAX_VIEWS = 30;
export const viewNameSchema = z.string().trim().min(1).max(30);

export const viewSchema = z
  .object({
    id,
    name: z.string(),
    position: z.number().int(),
    /** 전체: always first, never renamed, refiltered, moved or deleted. */
    locked: z.boolean(),
    filter: orderFilterSchema,
    sort: orderSortSchema,
    /** The signed-in staff member's own layout when they have one, else the shared one. */
    columns: z.array(columnLayoutEntrySchema),
    personalLayout: z.boolean(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'View' });
export type View = z.infer<typeof viewSchema>;

export const viewListResponseSchema = z.object({ views: z.array(viewSchema) }).meta({ id: 'ViewList' });
export type ViewListResponse = z.infer<typeof viewListResponseSchema>;

export const createViewSchema = z
  .object({
    name: viewNameSchema,
    filter: orderFilterSchema.default({}),
    sort: orderSortSchema.default(DEFAULT_ORDER_SORT),
    /** The shared layout; default: every column in the standard order (DEFAULT_COLUMN_LAYOUT). */
    columns: columnLayoutSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateView' });
export type CreateViewRequest = z.infer<typeof createViewSchema>;

/** Only what is sent changes; `columns` here is the shared layout (a personal one: PUT …/layout). */
export const updateViewSchema = z
  .object({ name: viewNameSchema.optional(), filter: orderFilterSchema.optional(), sort: orderSortSchema.optional(), columns: columnLayoutSchema.optional() })
  .strict()
  .meta({ id: 'UpdateView' });
export type UpdateViewRequest = z.infer<typeof updateViewSchema>;

/** Every tab of the shop, each once, in the new order; locked tabs (전체) first, where they are. */
export const reorderViewsSchema = z.object({ ids: z.array(id).min(1).max(MAX_VIEWS) }).strict().meta({ id: 'ReorderViews' });

export const viewLayoutSchema = z.object({ columns: columnLayoutSchema }).strict().meta({ id: 'ViewLayout' });

export const viewParams = z.object({ viewId: z.coerce.number().pipe(id) });

export const viewCountsResponseSchema = z
  .object({
    counts: z.array(
      z.object({
        viewId: id,
        count: z.number().int().min(0),
        /** false: an estimate (a saved tab whose count would be slow); the list's own total can be made exact. */
        exact: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ViewCounts' });
export type ViewCountsResponse = z.infer<typeof viewCountsResponseSchema>;

/** The list's current state in a tab, to compare with the saved tab (수정됨). */
export const viewStateSchema = z
  .object({ filter: orderFilterSchema.default({}), sort: orderSortSchema.default(DEFAULT_ORDER_SORT), columns: columnLayoutSchema })
  .strict()
  .meta({ id: 'ViewState' });
export type ViewState = z.infer<typeof viewStateSchema>;

export const viewDiffSchema = z
  .object({
    /** Anything differs: show 수정됨 with 저장 / 새 탭으로 저장 / 취소. */
    changed: z.boolean(),
    /** Filter conditions added, removed or changed (keys of the filter spec). */
    filter: z.object({ changed: z.boolean(), keys: z.array(z.string()) }),
    sort: z.object({ changed: z.boolean() }),
    /** Against the staff member's own layout when they have one (`personalLayout`). */
    columns: z.object({ changed: z.boolean(), order: z.boolean(), keys: z.array(z.enum(COLUMN_KEYS)), personalLayout: z.boolean() }),
  })
  .meta({ id: 'ViewDiff' });
export type ViewDiffResponse = z.infer<typeof viewDiffSchema>;
