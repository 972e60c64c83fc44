import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { coupons, customerCoupons, customers, memberGrades, pointsLedger, productOptions, products } from '../../src/server/db/schema/index';

/**
 * Catalog and member rows for tests. Written straight to the database because the catalog and
 * customer admin are not part of the API yet; everything under test goes through HTTP.
 */
export async function addProduct(db: Db, shopId: number, input: { name: string; price: number; options?: Array<{ name: string; extraPrice?: number; stock?: number | null }> }) {
  const [product] = await db.insert(products).values({ shopId, name: input.name, price: input.price }).returning({ id: products.id });
  const options = input.options?.length
    ? await db
        .insert(productOptions)
        .values(input.options.map((o, i) => ({ shopId, productId: product!.id, name: o.name, sku: `SKU-${product!.id}-${i}`, extraPrice: o.extraPrice ?? 0, stock: o.stock ?? null })))
        .returning({ id: productOptions.id, stock: productOptions.stock })
    : [];
  return { productId: product!.id, optionIds: options.map((o) => o.id) };
}

export async function addMember(db: Db, shopId: number, input: { name: string; gradeName: string; points: number; couponName?: string }) {
  const [grade] = await db.select().from(memberGrades).where(and(eq(memberGrades.shopId, shopId), eq(memberGrades.name, input.gradeName)));
  const [customer] = await db
    .insert(customers)
    .values({ shopId, name: input.name, phone: '010-2222-3333', email: `${Math.random().toString(36).slice(2)}@member.kr`, gradeId: grade!.id, pointsBalance: input.points })
    .returning({ id: customers.id });
  await db.insert(pointsLedger).values({ shopId, customerId: customer!.id, delta: input.points, reason: '가입 적립' });
  let customerCouponId: number | undefined;
  if (input.couponName) {
    const [coupon] = await db.select().from(coupons).where(and(eq(coupons.shopId, shopId), eq(coupons.name, input.couponName)));
    const [issued] = await db.insert(customerCoupons).values({ shopId, customerId: customer!.id, couponId: coupon!.id }).returning({ id: customerCoupons.id });
    customerCouponId = issued!.id;
  }
  return { customerId: customer!.id, customerCouponId, gradeDiscountRate: grade!.discountRate };
}

export async function stockOf(db: Db, shopId: number, optionId: number) {
  const [row] = await db.select({ stock: productOptions.stock }).from(productOptions).where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, optionId)));
  return row?.stock;
}

export async function pointsOf(db: Db, shopId: number, customerId: number) {
  const [row] = await db.select({ points: customers.pointsBalance }).from(customers).where(and(eq(customers.shopId, shopId), eq(customers.id, customerId)));
  return row?.points;
}

export const seoulAddress = (overrides: Record<string, unknown> = {}) => ({
  recipientName: '홍길동',
  recipientPhone: '010-1234-5678',
  postcode: '04524',
  address1: '서울특별시 중구 세종대로 110',
  address2: '3층',
  ...overrides,
});

export const jejuAddress = () => seoulAddress({ recipientName: '고영희', postcode: '63122', address1: '제주특별자치도 제주시 문연로 6' });

export const cardPayment = (amount: number) => ({
  method: 'card' as const,
  amount,
  status: 'paid' as const,
  gateway: 'toss',
  gatewayTransactionId: `tviva${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
  paidAt: '2026-11-26T10:15:00+09:00',
  card: { company: '신한카드', numberMasked: '5365-10**-****-1234', installmentMonths: 3 },
});
