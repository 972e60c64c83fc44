/**
 * What the order generator reads from the shop: its current policy version, owner (memo author), catalog,
 * members and coupons. Loaded once per seeding run; the generator then works in memory only.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CouponRule } from '../../domain/coupon';
import type { ShippingPolicy } from '../../domain/shipping-fee';
import { DEFAULT_SHOP_POLICY } from '../../domain/shop-policy';
import type { Db } from '../db/client';
import { coupons, customers, memberGrades, productOptions, products, shops, staff } from '../db/schema/index';
import { currentPolicy } from '../shops/policy';
import { PRODUCT_SEEDS } from './catalog-data';
import { draftMembers } from './catalog';
import type { Rng } from './random';

export interface CatalogEntry {
  productId: number;
  optionId: number | null;
  productName: string;
  optionName: string | null;
  sku: string | null;
  unitPrice: number;
}

export interface MemberState {
  id: number;
  name: string;
  phone: string;
  email: string | null;
  gradeName: string | null;
  gradeRate: number;
  /** kept up to date as generated orders spend and earn points */
  points: number;
}

export interface SeedContext {
  shopId: number;
  shopName: string;
  orderNumberPrefix: string;
  /** The shop's current policy version: every generated order is stamped with it (orders.policy_id). */
  policyId: number;
  policy: ShippingPolicy;
  returnShippingFee: number;
  autoConfirmDays: number;
  owner: { id: number; name: string } | null;
  catalog: CatalogEntry[];
  members: MemberState[];
  coupons: Array<{ id: number; name: string; rule: CouponRule }>;
  /** one scrypt hash shared by every guest order: hashing per row would dominate the run */
  guestPasswordHash: string;
}

export async function loadSeedContext(db: Db, shopId: number, guestPasswordHash: string): Promise<SeedContext> {
  const [shop] = await db.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new Error(`shop ${shopId} does not exist`);
  const current = await currentPolicy(db, shopId);
  const [owner] = await db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(eq(staff.shopId, shopId))
    .orderBy(sql`${staff.role} <> 'owner'`, asc(staff.id))
    .limit(1);
  const optionRows = await db
    .select({ productId: products.id, productName: products.name, price: products.price, optionId: productOptions.id, optionName: productOptions.name, sku: productOptions.sku, extra: productOptions.extraPrice })
    .from(products)
    .leftJoin(productOptions, and(eq(productOptions.shopId, products.shopId), eq(productOptions.productId, products.id)))
    .where(and(eq(products.shopId, shopId), eq(products.status, 'active')))
    .orderBy(asc(products.id), asc(productOptions.id));
  const memberRows = await db
    .select({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email, points: customers.pointsBalance, gradeName: memberGrades.name, gradeRate: memberGrades.discountRate })
    .from(customers)
    .leftJoin(memberGrades, and(eq(memberGrades.shopId, customers.shopId), eq(memberGrades.id, customers.gradeId)))
    .where(eq(customers.shopId, shopId))
    .orderBy(asc(customers.id));
  const couponRows = await db.select().from(coupons).where(eq(coupons.shopId, shopId)).orderBy(asc(coupons.id));
  return {
    shopId,
    shopName: shop.name,
    orderNumberPrefix: shop.orderNumberPrefix,
    policyId: current.id,
    policy: current.policy.shipping,
    returnShippingFee: current.policy.returnShippingFee,
    autoConfirmDays: current.policy.autoConfirmDays,
    owner: owner ?? null,
    catalog: optionRows.map((r) => ({
      productId: r.productId,
      optionId: r.optionId,
      productName: r.productName,
      optionName: r.optionName,
      sku: r.sku,
      unitPrice: r.price + (r.extra ?? 0),
    })),
    members: memberRows
      // a member without a phone cannot be an orderer (orders.orderer_phone is required)
      .filter((m) => m.phone !== null)
      .map((m) => ({ id: m.id, name: m.name, phone: m.phone ?? '', email: m.email, gradeName: m.gradeName, gradeRate: m.gradeRate ?? 0, points: m.points })),
    coupons: couponRows.map((c) => ({ id: c.id, name: c.name, rule: { kind: c.kind, value: c.value, maxDiscount: c.maxDiscount, minOrderAmount: c.minOrderAmount } })),
    guestPasswordHash,
  };
}

/**
 * The same shape without a database, with ids 1, 2, 3 …: for checking the generator in memory
 * (determinism tests, benchmarks of generation alone). Mirrors createShop's grades and coupons.
 */
export function inMemoryContext(rng: Rng, now: Date): SeedContext {
  const grades = [['일반', 0], ['실버', 1], ['골드', 3], ['VIP', 5]] as const;
  let optionId = 0;
  const catalog = PRODUCT_SEEDS.flatMap((p, i) =>
    p.options.map(([name, extra], k) => ({
      productId: i + 1,
      optionId: ++optionId,
      productName: p.name,
      optionName: name,
      sku: `${p.category}-${String(i + 1).padStart(4, '0')}-${String(k + 1).padStart(2, '0')}`,
      unitPrice: p.price + extra,
    })),
  );
  const members = draftMembers(rng, 200, grades.map((g) => g[0]), 3, now).map((m, i) => ({
    id: i + 1,
    name: m.name,
    phone: m.phone,
    email: m.email,
    gradeName: grades[m.gradeIndex]?.[0] ?? null,
    gradeRate: grades[m.gradeIndex]?.[1] ?? 0,
    points: m.points.reduce((sum, p) => sum + p.delta, 0),
  }));
  return {
    shopId: 1,
    shopName: '주문 데모샵',
    orderNumberPrefix: '',
    policyId: 1,
    policy: DEFAULT_SHOP_POLICY.shipping,
    returnShippingFee: DEFAULT_SHOP_POLICY.returnShippingFee,
    autoConfirmDays: DEFAULT_SHOP_POLICY.autoConfirmDays,
    owner: { id: 1, name: '김대표' },
    catalog,
    members,
    coupons: [
      { id: 1, name: '신규가입 3,000원 할인', rule: { kind: 'fixed', value: 3000, minOrderAmount: 20000, maxDiscount: null } },
      { id: 2, name: '10% 할인 (최대 10,000원)', rule: { kind: 'rate', value: 10, minOrderAmount: 30000, maxDiscount: 10000 } },
      { id: 3, name: '5,000원 할인', rule: { kind: 'fixed', value: 5000, minOrderAmount: 50000, maxDiscount: null } },
    ],
    guestPasswordHash: 'scrypt$32768$8$1$c2VlZA==$ZGV0ZXJtaW5pc3RpYw==',
  };
}
