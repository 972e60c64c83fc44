import { describe, expect, it } from 'vitest';
import { COURIER_EXPORT_CODES, COURIER_EXPORT_FORMATS, courierOfHeaders, fullAddress, itemLine, parcelRows, SHIPPING_FIELDS, type ExportParcel } from './courier-export-formats';
import { findCourier } from './couriers';

const parcel: ExportParcel = {
  parcelId: 4711,
  orderNumber: '20261205-0000042',
  orderedAt: '2026-12-05 14:30',
  ordererName: '김주문',
  ordererPhone: '010-1111-2222',
  recipientName: '박받음',
  recipientPhone: '010-3333-4444',
  postcode: '06236',
  addressRoad: '서울특별시 강남구 테헤란로 152',
  addressDetail: '12층 1201호',
  deliveryMemo: ' 문 앞에 놓아 주세요 ',
  items: [
    { itemId: 11, productName: '유기농 현미 4kg', optionName: null, quantity: 2 },
    { itemId: 12, productName: '면 티셔츠', optionName: '블랙 / L', quantity: 1 },
  ],
};

const ITEMS = '유기농 현미 4kg x 2, 면 티셔츠 / 블랙 / L x 1';
const ADDRESS = '서울특별시 강남구 테헤란로 152 12층 1201호';

/** Every courier's headers, left to right, and the one row the parcel above takes. */
const EXPECTED: Record<string, { headers: string[]; row: Array<string | number | null> }> = {
  CJ: {
    headers: ['받는분성명', '받는분전화번호', '받는분기타연락처', '받는분우편번호', '받는분주소(전체, 분할)', '품목명', '내품수량', '배송메세지1', '고객주문번호', '주문번호'],
    row: ['박받음', '010-3333-4444', '010-1111-2222', '06236', ADDRESS, ITEMS, 3, '문 앞에 놓아 주세요', '4711', '20261205-0000042'],
  },
  HANJIN: {
    headers: ['고객주문번호', '주문번호', '수하인명', '수하인전화번호', '수하인휴대폰번호', '수하인우편번호', '수하인주소', '수하인상세주소', '상품명', '수량', '배송메모'],
    row: ['4711', '20261205-0000042', '박받음', '010-3333-4444', '010-3333-4444', '06236', '서울특별시 강남구 테헤란로 152', '12층 1201호', ITEMS, 3, '문 앞에 놓아 주세요'],
  },
  LOTTE: {
    headers: ['주문번호', '받는분', '받는분전화', '받는분핸드폰', '우편번호', '받는분주소', '물품명', '수량', '박스수량', '배송메시지', '고객주문번호'],
    row: ['20261205-0000042', '박받음', '010-3333-4444', '010-3333-4444', '06236', ADDRESS, ITEMS, 3, 1, '문 앞에 놓아 주세요', '4711'],
  },
  EPOST: {
    headers: ['수취인명', '우편번호', '수취인 기본주소', '수취인 상세주소', '수취인 일반전화', '수취인 휴대전화', '내용품명', '수량', '배송시 요청사항', '고객주문번호', '주문번호'],
    row: ['박받음', '06236', '서울특별시 강남구 테헤란로 152', '12층 1201호', '010-3333-4444', '010-3333-4444', ITEMS, 3, '문 앞에 놓아 주세요', '4711', '20261205-0000042'],
  },
  LOGEN: {
    headers: ['수하인명', '우편번호', '수하인주소', '수하인전화번호', '수하인핸드폰번호', '택배수량', '물품명', '배송메세지', '고객주문번호', '주문번호'],
    row: ['박받음', '06236', ADDRESS, '010-3333-4444', '010-3333-4444', 1, ITEMS, '문 앞에 놓아 주세요', '4711', '20261205-0000042'],
  },
};

describe('courier export formats', () => {
  it.each(COURIER_EXPORT_CODES)('%s: headers in the courier’s order and one row per parcel', (code) => {
    const format = COURIER_EXPORT_FORMATS[code];
    const expected = EXPECTED[code];
    expect(format.columns.map((c) => c.header)).toEqual(expected?.headers);
    expect(parcelRows(parcel, format.columns, 'merged')).toEqual([expected?.row]);
  });

  it('every format is a courier the tracking upload knows, and carries the parcel id and order number back', () => {
    for (const code of COURIER_EXPORT_CODES) {
      const format = COURIER_EXPORT_FORMATS[code];
      expect(findCourier(format.ko)?.code).toBe(code);
      expect(format.columns.find((c) => c.field === 'parcelId')?.header).toBe('고객주문번호');
      expect(format.columns.find((c) => c.field === 'orderNumber')?.header).toBe('주문번호');
      for (const c of format.columns) expect(SHIPPING_FIELDS).toContain(c.field);
    }
  });
});

describe('parcelRows', () => {
  const columns = [
    { header: '번호', field: 'parcelId' as const },
    { header: '상품', field: 'productName' as const },
    { header: '옵션', field: 'optionName' as const },
    { header: '수량', field: 'quantity' as const },
    { header: '품목', field: 'itemNumber' as const },
    { header: '송장', field: 'trackingNumber' as const },
  ];

  it('row per item repeats the parcel’s cells and gives each item its own', () => {
    expect(parcelRows(parcel, columns, 'row_per_item')).toEqual([
      ['4711', '유기농 현미 4kg', null, 2, '11', null],
      ['4711', '면 티셔츠', '블랙 / L', 1, '12', null],
    ]);
  });

  it('merged puts every item in one cell and sums the quantity', () => {
    expect(parcelRows(parcel, columns, 'merged')).toEqual([['4711', '유기농 현미 4kg, 면 티셔츠', '블랙 / L', 3, '11, 12', null]]);
  });

  it('leaves empty memo and detail cells empty', () => {
    const bare = { ...parcel, deliveryMemo: '  ', addressDetail: '' };
    const cols = [{ header: 'a', field: 'deliveryMemo' as const }, { header: 'b', field: 'addressDetail' as const }, { header: 'c', field: 'address' as const }];
    expect(parcelRows(bare, cols, 'merged')).toEqual([[null, null, '서울특별시 강남구 테헤란로 152']]);
  });

  it('item line and address', () => {
    expect(itemLine({ itemId: 1, productName: '양말', optionName: '흰색', quantity: 3 })).toBe('양말 / 흰색 x 3');
    expect(fullAddress(' 부산 해운대구 우동 1 ', '')).toBe('부산 해운대구 우동 1');
  });
});

describe('courierOfHeaders', () => {
  it('recognises each courier’s form, with the tracking column its program adds', () => {
    for (const code of COURIER_EXPORT_CODES) {
      expect(courierOfHeaders([...COURIER_EXPORT_FORMATS[code].columns.map((c) => c.header), '운송장번호'])).toBe(code);
    }
  });
  it('knows no courier for other files', () => {
    expect(courierOfHeaders(['주문번호', '송장번호'])).toBeNull();
    expect(courierOfHeaders(['고객주문번호', '주문번호', '운송장번호'])).toBeNull();
  });
});
