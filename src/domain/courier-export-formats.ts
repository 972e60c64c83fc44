/**
 * 택배 송장 출력: what a parcel looks like in a courier's bulk-label upload (대량 송장 출력 엑셀),
 * pure. A parcel is one shipment group — units going to one address, not shipped yet — and is one
 * row of the file; its id (배송그룹번호) goes out as 고객주문번호 and comes back from the courier's
 * program beside the tracking number it assigned, so the returned file ships exactly that parcel.
 *
 * Each courier's form is data: an ordered list of { header, field }. The couriers' programs read
 * columns by position (their upload screens map "column A = 받는분"), so the order is the form.
 * Where a courier's published order could not be verified the order is our assumption of the usual
 * fields (see README: the formats table says which); fixing one is editing its list here.
 */

/** What a column of a shipping export can hold. */
export const SHIPPING_FIELDS = [
  'parcelId',
  'orderNumber',
  'orderedAt',
  'ordererName',
  'ordererPhone',
  'recipientName',
  'recipientPhone',
  'postcode',
  'address',
  'addressRoad',
  'addressDetail',
  'deliveryMemo',
  'items',
  'productName',
  'optionName',
  'quantity',
  'itemNumber',
  'boxCount',
  'trackingNumber',
] as const;
export type ShippingField = (typeof SHIPPING_FIELDS)[number];

/** The field's own name, offered as the header of a shop's form and shown in its editor. */
export const SHIPPING_FIELD_LABELS: Record<ShippingField, { ko: string; en: string }> = {
  parcelId: { ko: '배송그룹번호', en: 'Parcel ID' },
  orderNumber: { ko: '주문번호', en: 'Order number' },
  orderedAt: { ko: '주문일시', en: 'Ordered at' },
  ordererName: { ko: '주문자명', en: 'Buyer' },
  ordererPhone: { ko: '주문자 연락처', en: 'Buyer phone' },
  recipientName: { ko: '받는분 성명', en: 'Recipient' },
  recipientPhone: { ko: '받는분 전화번호', en: 'Recipient phone' },
  postcode: { ko: '우편번호', en: 'Postcode' },
  address: { ko: '주소', en: 'Address' },
  addressRoad: { ko: '기본주소', en: 'Address (road)' },
  addressDetail: { ko: '상세주소', en: 'Address (detail)' },
  deliveryMemo: { ko: '배송메세지', en: 'Delivery memo' },
  items: { ko: '품목명', en: 'Items' },
  productName: { ko: '상품명', en: 'Product' },
  optionName: { ko: '옵션', en: 'Option' },
  quantity: { ko: '수량', en: 'Quantity' },
  itemNumber: { ko: '품목번호', en: 'Item number' },
  boxCount: { ko: '박스수량', en: 'Boxes' },
  trackingNumber: { ko: '송장번호', en: 'Tracking number' },
};

/** Fields written as numbers (they sum in Excel); every other field is a text cell. */
export const NUMERIC_SHIPPING_FIELDS: ReadonlySet<ShippingField> = new Set(['quantity', 'boxCount']);

export interface ExportColumn {
  header: string;
  field: ShippingField;
}

/** 'merged': one row per parcel, its items in one cell; 'row_per_item': a row per item, the parcel's cells repeated. */
export type ItemLayout = 'merged' | 'row_per_item';

export const COURIER_EXPORT_CODES = ['CJ', 'HANJIN', 'LOTTE', 'EPOST', 'LOGEN'] as const;
export type CourierExportCode = (typeof COURIER_EXPORT_CODES)[number];

export interface CourierExportFormat {
  /** The courier's code in src/domain/couriers.ts: what a returned file ships under. */
  code: CourierExportCode;
  ko: string;
  en: string;
  columns: readonly ExportColumn[];
  /** Whether this column order was checked against the courier's published upload form. */
  verified: boolean;
}

const col = (header: string, field: ShippingField): ExportColumn => ({ header, field });

/**
 * The five major couriers' forms. One row per parcel, items merged into one 품목명 cell (a label
 * has one product line). 고객주문번호 is the parcel id and 주문번호 the order's: the fields these
 * programs carry through to the file they give back with 운송장번호 filled in.
 */
export const COURIER_EXPORT_FORMATS: Record<CourierExportCode, CourierExportFormat> = {
  CJ: {
    code: 'CJ',
    ko: 'CJ대한통운',
    en: 'CJ Logistics',
    verified: false,
    columns: [
      col('받는분성명', 'recipientName'),
      col('받는분전화번호', 'recipientPhone'),
      col('받는분기타연락처', 'ordererPhone'),
      col('받는분우편번호', 'postcode'),
      col('받는분주소(전체, 분할)', 'address'),
      col('품목명', 'items'),
      col('내품수량', 'quantity'),
      col('배송메세지1', 'deliveryMemo'),
      col('고객주문번호', 'parcelId'),
      col('주문번호', 'orderNumber'),
    ],
  },
  HANJIN: {
    code: 'HANJIN',
    ko: '한진택배',
    en: 'Hanjin',
    verified: false,
    columns: [
      col('고객주문번호', 'parcelId'),
      col('주문번호', 'orderNumber'),
      col('수하인명', 'recipientName'),
      col('수하인전화번호', 'recipientPhone'),
      col('수하인휴대폰번호', 'recipientPhone'),
      col('수하인우편번호', 'postcode'),
      col('수하인주소', 'addressRoad'),
      col('수하인상세주소', 'addressDetail'),
      col('상품명', 'items'),
      col('수량', 'quantity'),
      col('배송메모', 'deliveryMemo'),
    ],
  },
  LOTTE: {
    code: 'LOTTE',
    ko: '롯데택배',
    en: 'Lotte Global Logistics',
    verified: false,
    columns: [
      col('주문번호', 'orderNumber'),
      col('받는분', 'recipientName'),
      col('받는분전화', 'recipientPhone'),
      col('받는분핸드폰', 'recipientPhone'),
      col('우편번호', 'postcode'),
      col('받는분주소', 'address'),
      col('물품명', 'items'),
      col('수량', 'quantity'),
      col('박스수량', 'boxCount'),
      col('배송메시지', 'deliveryMemo'),
      col('고객주문번호', 'parcelId'),
    ],
  },
  EPOST: {
    code: 'EPOST',
    ko: '우체국택배',
    en: 'Korea Post',
    verified: false,
    columns: [
      col('수취인명', 'recipientName'),
      col('우편번호', 'postcode'),
      col('수취인 기본주소', 'addressRoad'),
      col('수취인 상세주소', 'addressDetail'),
      col('수취인 일반전화', 'recipientPhone'),
      col('수취인 휴대전화', 'recipientPhone'),
      col('내용품명', 'items'),
      col('수량', 'quantity'),
      col('배송시 요청사항', 'deliveryMemo'),
      col('고객주문번호', 'parcelId'),
      col('주문번호', 'orderNumber'),
    ],
  },
  LOGEN: {
    code: 'LOGEN',
    ko: '로젠택배',
    en: 'Logen',
    verified: false,
    columns: [
      col('수하인명', 'recipientName'),
      col('우편번호', 'postcode'),
      col('수하인주소', 'address'),
      col('수하인전화번호', 'recipientPhone'),
      col('수하인핸드폰번호', 'recipientPhone'),
      col('택배수량', 'boxCount'),
      col('물품명', 'items'),
      col('배송메세지', 'deliveryMemo'),
      col('고객주문번호', 'parcelId'),
      col('주문번호', 'orderNumber'),
    ],
  },
};

/** One item of a parcel: the units of that item in it. */
export interface ParcelItem {
  itemId: number;
  productName: string;
  optionName: string | null;
  quantity: number;
}

/** A parcel as an export reads it: the shipment group, its address and its order. */
export interface ExportParcel {
  parcelId: number;
  orderNumber: string;
  /** Already in the shop's wall-clock text (YYYY-MM-DD HH:mm, Seoul). */
  orderedAt: string;
  ordererName: string;
  ordererPhone: string;
  recipientName: string;
  recipientPhone: string;
  postcode: string;
  addressRoad: string;
  addressDetail: string;
  deliveryMemo: string | null;
  items: readonly ParcelItem[];
}

export type ShippingCell = string | number | null;

/** "상품명 / 옵션 x 수량" — the line a label prints for one item. */
export function itemLine(item: ParcelItem): string {
  return `${item.productName}${item.optionName ? ` / ${item.optionName}` : ''} x ${item.quantity}`;
}

/** Road address and detail in one cell, as most forms want: "서울 강남구 테헤란로 1 101동 202호". */
export function fullAddress(road: string, detail: string): string {
  return [road.trim(), detail.trim()].filter((s) => s !== '').join(' ');
}

function cellOf(field: ShippingField, parcel: ExportParcel, item: ParcelItem | null): ShippingCell {
  const items = item ? [item] : parcel.items;
  switch (field) {
    case 'parcelId': return String(parcel.parcelId);
    case 'orderNumber': return parcel.orderNumber;
    case 'orderedAt': return parcel.orderedAt;
    case 'ordererName': return parcel.ordererName;
    case 'ordererPhone': return parcel.ordererPhone;
    case 'recipientName': return parcel.recipientName;
    case 'recipientPhone': return parcel.recipientPhone;
    case 'postcode': return parcel.postcode;
    case 'address': return fullAddress(parcel.addressRoad, parcel.addressDetail);
    case 'addressRoad': return parcel.addressRoad;
    case 'addressDetail': return parcel.addressDetail === '' ? null : parcel.addressDetail;
    case 'deliveryMemo': return parcel.deliveryMemo?.trim() ? parcel.deliveryMemo.trim() : null;
    case 'items': return items.map(itemLine).join(', ');
    case 'productName': return items.map((i) => i.productName).join(', ');
    case 'optionName': {
      const options = items.flatMap((i) => (i.optionName ? [i.optionName] : []));
      return options.length === 0 ? null : options.join(', ');
    }
    case 'quantity': return items.reduce((sum, i) => sum + i.quantity, 0);
    case 'itemNumber': return items.map((i) => String(i.itemId)).join(', ');
    case 'boxCount': return 1;
    case 'trackingNumber': return null;
  }
}

/**
 * The rows a parcel takes in a file: one, its items merged ("A / 빨강 x 2, B x 1"); or one per
 * item, the parcel's own cells repeated and 품목·수량 that item's (a parcel without items — none
 * is exported — would still take one row).
 */
export function parcelRows(parcel: ExportParcel, columns: readonly ExportColumn[], layout: ItemLayout): ShippingCell[][] {
  const perRow: Array<ParcelItem | null> = layout === 'row_per_item' && parcel.items.length > 0 ? [...parcel.items] : [null];
  return perRow.map((item) => columns.map((c) => cellOf(c.field, parcel, item)));
}

const headerKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The courier whose form a header row is: every header of exactly one courier's form is there
 * (a returned file keeps them and adds its 운송장번호). Null when none or several match — an upload
 * of such a file then needs its courier named.
 */
export function courierOfHeaders(headers: readonly string[]): CourierExportCode | null {
  const present = new Set(headers.map(headerKey));
  const matching = COURIER_EXPORT_CODES.filter((code) => COURIER_EXPORT_FORMATS[code].columns.every((c) => present.has(headerKey(c.header))));
  return matching.length === 1 ? (matching[0] ?? null) : null;
}
