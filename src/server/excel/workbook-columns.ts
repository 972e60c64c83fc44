import type { Style } from 'exceljs';
import { EXPORT_ITEM_COLUMNS, ITEM_QUANTITY_WITH_ORDER_QUANTITY } from '../../contracts/excel';
import type { OrderListItem } from '../../contracts/order-list';
import { COLUMNS, type ColumnKey } from '../../contracts/views';
import { courierLabel } from '../../domain/couriers';
import { itemStatusSummary, seoulMinute } from '../../domain/spreadsheet-values';
import type { UnitStatus } from '../../domain/status';
import type { Lang } from '../http/errors';

/** One item of an exported order, with what its units are doing. */
export interface ExportItem {
  id: number;
  productName: string;
  optionName: string | null;
  quantity: number;
  unitPrice: number;
  units: Array<{ status: UnitStatus; quantity: number }>;
  /** The first tracked parcel holding units of this item. */
  courier: string | null;
  trackingNumber: string | null;
}

/**
 * How a column's cells are written. Identifiers are text cells with the text format, so Excel
 * keeps every digit and leading zero even after someone edits the cell; money is a number with
 * thousands separators (it sums and sorts); times are Seoul wall-clock text.
 */
export type CellKind = 'text' | 'money' | 'count' | 'time';
export const CELL_STYLES: Record<CellKind, Partial<Style>> = { text: { numFmt: '@' }, money: { numFmt: '#,##0' }, count: { numFmt: '0' }, time: {} };

export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  /** Excel character widths, from the list's pixel widths. */
  width: number;
  kind: CellKind;
  value: (order: OrderListItem, item: ExportItem | null) => CellValue;
}

const time = (iso: string | null) => (iso === null ? null : seoulMinute(new Date(iso)));

/**
 * What each list column shows in a row of the file. 택배사 and 송장번호 are the item's own parcel
 * (the list shows the order's first): one row is one item, and a row uploaded back must not carry
 * another item's tracking number — an unshipped item of a partly shipped order stays blank.
 */
function layoutCell(key: ColumnKey, lang: Lang): Pick<SheetColumn, 'kind' | 'value'> {
  switch (key) {
    case 'orderNumber': return { kind: 'text', value: (o) => o.orderNumber };
    case 'orderedAt': return { kind: 'time', value: (o) => time(o.orderedAt) };
    case 'channel': return { kind: 'text', value: (o) => o.channelLabel };
    case 'ordererName': return { kind: 'text', value: (o) => o.ordererName };
    case 'ordererPhone': return { kind: 'text', value: (o) => o.ordererPhone };
    case 'memberType': {
      const member = lang === 'ko' ? '회원' : 'Member';
      return { kind: 'text', value: (o) => (o.isMember ? (o.gradeName ? `${member} (${o.gradeName})` : member) : lang === 'ko' ? '비회원' : 'Guest') };
    }
    case 'recipientName': {
      const more = (n: number) => (lang === 'ko' ? ` 외 ${n}곳` : ` +${n} more`);
      return { kind: 'text', value: (o) => (o.recipientName === null ? null : o.addressCount > 1 ? `${o.recipientName}${more(o.addressCount - 1)}` : o.recipientName) };
    }
    case 'itemSummary': return { kind: 'text', value: (o) => o.itemSummary };
    case 'quantity': return { kind: 'count', value: (o) => o.quantity };
    case 'orderStatus': return { kind: 'text', value: (o) => o.orderStatusLabel };
    case 'paymentStatus': return { kind: 'text', value: (o) => o.paymentStatusLabel };
    case 'paymentMethod': return { kind: 'text', value: (o) => o.paymentMethodLabel };
    case 'totalAmount': return { kind: 'money', value: (o) => o.totalAmount };
    case 'balanceDue': return { kind: 'money', value: (o) => o.balanceDue };
    case 'courier': {
      const label = (c: string | null) => (c === null ? null : courierLabel(c, lang));
      return { kind: 'text', value: (o, i) => label(i ? i.courier : o.courier) };
    }
    case 'trackingNumber': return { kind: 'text', value: (o, i) => (i ? i.trackingNumber : o.trackingNumber) };
    case 'memoCount': return { kind: 'count', value: (o) => o.memoCount };
    case 'lastMemoAt': return { kind: 'time', value: (o) => time(o.lastMemoAt) };
    case 'paidAmount': return { kind: 'money', value: (o) => o.paidAmount };
    case 'refundedAmount': return { kind: 'money', value: (o) => o.refundedAmount };
    case 'paidAt': return { kind: 'time', value: (o) => time(o.paidAt) };
    case 'shippedAt': return { kind: 'time', value: (o) => time(o.shippedAt) };
    case 'ordererEmail': return { kind: 'text', value: (o) => o.ordererEmail };
    case 'recipientPhone': return { kind: 'text', value: (o) => o.recipientPhone };
    case 'recipientPostcode': return { kind: 'text', value: (o) => o.recipientPostcode };
    case 'recipientAddress': return { kind: 'text', value: (o) => o.recipientAddress };
    case 'deliveryMemo': return { kind: 'text', value: (o) => o.deliveryMemo };
    // days, as a number (it sorts and filters in Excel); blank when nothing waits to ship
    case 'shippingDelay': return { kind: 'count', value: (o) => o.shippingDelayDays };
  }
}

const widthOf = (px: number) => Math.max(8, Math.round(px / 7));

/**
 * The sheet's columns: the layout's visible columns in their order, then the item's. 품목번호 is
 * the order item id, as text like every identifier.
 */
export function sheetColumns(keys: readonly ColumnKey[], lang: Lang): SheetColumn[] {
  const layout = keys.map((key): SheetColumn => ({ header: COLUMNS[key][lang], width: widthOf(COLUMNS[key].width), ...layoutCell(key, lang) }));
  const h = EXPORT_ITEM_COLUMNS;
  const quantityHeader = keys.includes('quantity') ? ITEM_QUANTITY_WITH_ORDER_QUANTITY[lang] : h.itemQuantity[lang];
  const items: SheetColumn[] = [
    { header: h.itemNumber[lang], width: 12, kind: 'text', value: (_o, i) => (i ? String(i.id) : null) },
    { header: h.productName[lang], width: 30, kind: 'text', value: (_o, i) => i?.productName ?? null },
    { header: h.optionName[lang], width: 20, kind: 'text', value: (_o, i) => i?.optionName ?? null },
    { header: quantityHeader, width: 8, kind: 'count', value: (_o, i) => i?.quantity ?? null },
    { header: h.unitPrice[lang], width: 12, kind: 'money', value: (_o, i) => i?.unitPrice ?? null },
    { header: h.itemStatus[lang], width: 16, kind: 'text', value: (_o, i) => (i ? itemStatusSummary(i.units, lang) : null) },
  ];
  return [...layout, ...items];
}
