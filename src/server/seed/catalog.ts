/**
 * The demo catalog and members a shop needs before orders can be generated: products with options,
 * ~2,000 members with grades, a points ledger (the cached balance is its sum) and issued coupons.
 * The draft is pure (a seeded RNG in, rows out); ensureDemoCatalog writes it once per shop.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { countRows, type Db } from '../db/client';
import { coupons, customerCoupons, customers, memberGrades, pointsLedger, productOptions, products } from '../db/schema/index';
import { bulkInsert } from './bulk-insert';
import { PRODUCT_SEEDS } from './catalog-data';
import { IdPool } from './ids';
import { emailAddress, koreanName, mobilePhone } from './people';
import type { Rng } from './random';

const DAY = 86_400_000;
export const DEMO_MEMBER_COUNT = 2000;

/** Grade names as createShop makes them, with how common each is among members. */
const GRADE_SHARE: Readonly<Record<string, number>> = { 일반: 60, 실버: 20, 골드: 13, VIP: 7 };

export interface MemberDraft {
  name: string;
  phone: string;
  email: string;
  gradeIndex: number;
  createdAt: Date;
  /** ledger rows, oldest first; the member's balance is their sum */
  points: Array<{ delta: number; reason: string; at: Date }>;
  /** indexes into the shop's coupons, issued and still available */
  coupons: Array<{ couponIndex: number; issuedAt: Date; expiresAt: Date }>;
}

export function draftMembers(rng: Rng, count: number, gradeNames: readonly string[], couponCount: number, now: Date): MemberDraft[] {
  const gradeWeights = gradeNames.map((g, i) => [i, GRADE_SHARE[g] ?? 1] as const);
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(now.getTime() - rng.int(1, 720) * DAY - rng.int(0, DAY - 1));
    const points: MemberDraft['points'] = [{ delta: 2000, reason: '회원가입 적립', at: createdAt }];
    const span = now.getTime() - createdAt.getTime();
    for (let k = rng.int(0, 4); k > 0; k--) {
      points.push({ delta: rng.int(1, 40) * 100, reason: rng.pick(['구매확정 적립', '리뷰 작성 적립', '출석 이벤트 적립']), at: new Date(createdAt.getTime() + rng.int(1, span - 1)) });
    }
    // a few members hold enough points to pay a whole order with them (points_only payments)
    if (rng.chance(0.03)) points.push({ delta: rng.int(10, 30) * 10_000, reason: '이벤트 당첨 적립', at: new Date(now.getTime() - rng.int(1, 30) * DAY) });
    points.sort((a, b) => a.at.getTime() - b.at.getTime());
    const issued: MemberDraft['coupons'] = [];
    if (couponCount > 0 && rng.chance(0.4)) {
      for (let k = rng.int(1, 2); k > 0; k--) {
        const issuedAt = new Date(now.getTime() - rng.int(1, 60) * DAY);
        issued.push({ couponIndex: rng.int(0, couponCount - 1), issuedAt, expiresAt: new Date(issuedAt.getTime() + 90 * DAY) });
      }
    }
    return {
      name: koreanName(rng),
      phone: mobilePhone(rng),
      email: emailAddress(rng, i + 1),
      gradeIndex: gradeWeights.length > 0 ? rng.weighted(gradeWeights) : -1,
      createdAt,
      points,
      coupons: issued,
    };
  });
}

/**
 * When the shop has no products yet: the demo products (with options, SKUs and some tracked
 * stock) and DEMO_MEMBER_COUNT members. Answers whether it wrote anything. Members are only added
 * together with the products, so a shop with a real catalog is never filled with demo people.
 */
export async function ensureDemoCatalog(db: Db, shopId: number, rng: Rng, now: Date = new Date()): Promise<boolean> {
  // nothing references shops by a foreign key: check, or a mistyped --shop would get a catalog
  if ((await countRows(db, sql`select count(*) as n from shops where id = ${shopId}`)) === 0) throw new Error(`shop ${shopId} does not exist`);
  const existing = await countRows(db, sql`select count(*) as n from products where shop_id = ${shopId}`);
  if (existing > 0) return false;
  await db.transaction(async (tx) => {
    // ids drawn first, so options, ledger rows and coupons can point at their parents in one pass
    const ids = new IdPool();
    await ids.reserve(tx, { products: PRODUCT_SEEDS.length, customers: DEMO_MEMBER_COUNT });
    const createdAt = new Date(now.getTime() - 200 * DAY);
    const catalog = PRODUCT_SEEDS.map((p) => ({ ...p, id: ids.take('products') }));
    await bulkInsert(tx, products, catalog.map((p) => ({ shopId, id: p.id, name: p.name, price: p.price, status: 'active' as const, createdAt })));
    const optionRows = catalog.flatMap((p, i) =>
      p.options.map(([name, extraPrice], k) => ({
        shopId,
        productId: p.id,
        name,
        sku: `${p.category}-${String(i + 1).padStart(4, '0')}-${String(k + 1).padStart(2, '0')}`,
        extraPrice,
        stock: p.stock === undefined ? null : p.stock + rng.int(0, 50),
      })),
    );
    await bulkInsert(tx, productOptions, optionRows);

    const grades = await tx.select().from(memberGrades).where(eq(memberGrades.shopId, shopId)).orderBy(asc(memberGrades.position));
    const shopCoupons = await tx.select({ id: coupons.id }).from(coupons).where(eq(coupons.shopId, shopId)).orderBy(asc(coupons.id));
    const drafts = draftMembers(rng, DEMO_MEMBER_COUNT, grades.map((g) => g.name), shopCoupons.length, now).map((m) => ({ ...m, id: ids.take('customers') }));
    await bulkInsert(
      tx,
      customers,
      drafts.map((m) => ({
        shopId,
        id: m.id,
        name: m.name,
        email: m.email,
        phone: m.phone,
        gradeId: grades[m.gradeIndex]?.id ?? null,
        pointsBalance: m.points.reduce((sum, p) => sum + p.delta, 0),
        createdAt: m.createdAt,
      })),
    );
    await bulkInsert(
      tx,
      pointsLedger,
      drafts.flatMap((m) => m.points.map((p) => ({ shopId, customerId: m.id, orderId: null, delta: p.delta, kind: p.delta > 0 ? ('earned' as const) : ('adjusted' as const), reason: p.reason, createdAt: p.at }))),
    );
    await bulkInsert(
      tx,
      customerCoupons,
      drafts.flatMap((m) =>
        m.coupons.flatMap((c) => {
          const coupon = shopCoupons[c.couponIndex];
          return coupon ? [{ shopId, customerId: m.id, couponId: coupon.id, status: 'available' as const, expiresAt: c.expiresAt, createdAt: c.issuedAt }] : [];
        }),
      ),
    );
  });
  return true;
}
