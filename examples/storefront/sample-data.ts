/**
 * What this demo shop sells and who shops here. A real storefront keeps these in its own database;
 * it syncs them to Jumun by its own ids (idempotent upserts), which is all this file is for.
 */
export const GRADES = [
  { name: '일반', discountRate: 0 },
  { name: '골드', discountRate: 3 },
  { name: 'VIP', discountRate: 5 },
];

type Option = { externalId: string; values: Array<{ name: string; value: string }>; sku: string; extraPrice: number; stock: number | null };
export const PRODUCTS: Array<{ externalId: string; name: string; price: number; optionNames: string[]; options: Option[] }> = [
  {
    externalId: 'SF-TEE',
    name: '오가닉 코튼 티셔츠',
    price: 29000,
    optionNames: ['색상', '사이즈'],
    options: ['화이트', '블랙'].flatMap((color, c) =>
      ['M', 'L', 'XL'].map((size, s) => ({
        externalId: `SF-TEE-${c}${s}`,
        values: [{ name: '색상', value: color }, { name: '사이즈', value: size }],
        sku: `TEE-${color === '화이트' ? 'WH' : 'BK'}-${size}`,
        extraPrice: size === 'XL' ? 2000 : 0,
        stock: 30,
      })),
    ),
  },
  { externalId: 'SF-MUG', name: '세라믹 머그컵 350ml', price: 15000, optionNames: [], options: [] },
  {
    externalId: 'SF-TOTE',
    name: '캔버스 에코백',
    price: 19000,
    optionNames: ['색상'],
    options: [
      { externalId: 'SF-TOTE-IV', values: [{ name: '색상', value: '아이보리' }], sku: 'TOTE-IV', extraPrice: 0, stock: 50 },
      { externalId: 'SF-TOTE-NV', values: [{ name: '색상', value: '네이비' }], sku: 'TOTE-NV', extraPrice: 1000, stock: 3 },
    ],
  },
  {
    externalId: 'SF-GRANOLA',
    name: '수제 그래놀라 500g',
    price: 12900,
    optionNames: ['맛'],
    options: [
      { externalId: 'SF-GRANOLA-OR', values: [{ name: '맛', value: '오리지널' }], sku: 'GRN-OR', extraPrice: 0, stock: null },
      { externalId: 'SF-GRANOLA-CH', values: [{ name: '맛', value: '초코' }], sku: 'GRN-CH', extraPrice: 500, stock: null },
    ],
  },
  { externalId: 'SF-SOCKS', name: '면 양말 3족 세트', price: 9900, optionNames: [], options: [] },
  {
    externalId: 'SF-CANDLE',
    name: '소이 캔들 200g',
    price: 24000,
    optionNames: ['향'],
    options: [
      { externalId: 'SF-CANDLE-LV', values: [{ name: '향', value: '라벤더' }], sku: 'CDL-LV', extraPrice: 0, stock: 12 },
      { externalId: 'SF-CANDLE-WD', values: [{ name: '향', value: '우디' }], sku: 'CDL-WD', extraPrice: 0, stock: 12 },
    ],
  },
];

export const MEMBERS = [
  { externalId: 'SF-M-1001', name: '김민지', phone: '010-4821-1001', email: 'minji@storefront.example', grade: 'VIP', points: 12000 },
  { externalId: 'SF-M-1002', name: '이서준', phone: '010-4821-1002', email: 'seojun@storefront.example', grade: '골드', points: 3000 },
  { externalId: 'SF-M-1003', name: '박지우', phone: '010-4821-1003', email: 'jiwoo@storefront.example', grade: '일반', points: 0 },
];

export const COUPONS = [
  { externalId: 'SF-C-WELCOME', name: '신규가입 3,000원 할인', kind: 'fixed' as const, value: 3000, minOrderAmount: 20000 },
  { externalId: 'SF-C-TEN', name: '10% 할인 (최대 10,000원)', kind: 'rate' as const, value: 10, maxDiscount: 10000 },
];

/** Coupons handed to members: issued-coupon id → member and coupon. */
export const ISSUED_COUPONS = [
  { externalId: 'SF-IC-1001-TEN', member: 'SF-M-1001', coupon: 'SF-C-TEN' },
  { externalId: 'SF-IC-1001-WELCOME', member: 'SF-M-1001', coupon: 'SF-C-WELCOME' },
  { externalId: 'SF-IC-1002-WELCOME', member: 'SF-M-1002', coupon: 'SF-C-WELCOME' },
  { externalId: 'SF-IC-1003-WELCOME', member: 'SF-M-1003', coupon: 'SF-C-WELCOME' },
];
