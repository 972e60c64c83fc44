import { asc } from 'drizzle-orm';
import { API_SCOPES, type ApiScope, type StaffRole } from '../../domain/permissions';
import { hashPassword, randomPassword, randomToken, sha256 } from '../auth/secrets';
import { one, type Db, type Executor } from '../db/client';
import { apiKeys, coupons, memberGrades, shops, staff } from '../db/schema/index';
import { createDefaultViews } from '../views/default-views';
import { savePolicy } from './policy';
import { DEFAULT_SHOP_POLICY } from '../../domain/shop-policy';

export interface NewShop {
  name: string;
  ownerEmail: string;
  ownerName: string;
  ownerPassword?: string | undefined;
}

export interface CreatedShop {
  shopId: number;
  ownerId: number;
  ownerEmail: string;
  ownerPassword: string;
  apiKey: string;
}

/** The grades and coupons every new shop starts with, so members and checkouts have something to use. */
const DEFAULT_GRADES = [
  { name: '일반', discountRate: 0, position: 0 },
  { name: '실버', discountRate: 1, position: 1 },
  { name: '골드', discountRate: 3, position: 2 },
  { name: 'VIP', discountRate: 5, position: 3 },
];
const DEFAULT_COUPONS = [
  { name: '신규가입 3,000원 할인', kind: 'fixed' as const, value: 3000, minOrderAmount: 20000, maxDiscount: null },
  { name: '10% 할인 (최대 10,000원)', kind: 'rate' as const, value: 10, minOrderAmount: 30000, maxDiscount: 10000 },
  { name: '5,000원 할인', kind: 'fixed' as const, value: 5000, minOrderAmount: 50000, maxDiscount: null },
];

/** API keys read `jm_<shopId>_<secret>`: the shop id finds the row, the secret is checked by hash. */
export async function createApiKey(db: Executor, shopId: number, name: string, scopes: readonly ApiScope[] = API_SCOPES, createdBy: number | null = null): Promise<string> {
  return (await issueApiKey(db, shopId, name, scopes, createdBy)).key;
}

/** The same, answering the new key's id beside the key (only its hash is kept). */
export async function issueApiKey(db: Executor, shopId: number, name: string, scopes: readonly ApiScope[], createdBy: number | null): Promise<{ id: number; key: string }> {
  const secret = randomToken(24);
  const rows = await db.insert(apiKeys).values({ shopId, name, keyHash: sha256(secret), scopes: [...scopes], createdBy }).returning({ id: apiKeys.id });
  return { id: one(rows, 'api key').id, key: `jm_${shopId}_${secret}` };
}

/** A staff account; its password given as it is, or already hashed (hashed before a transaction, to keep it short). */
export async function createStaff(db: Executor, shopId: number, input: { email: string; name: string; role: StaffRole } & ({ password: string } | { passwordHash: string })): Promise<number> {
  const passwordHash = 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password);
  const rows = await db
    .insert(staff)
    .values({ shopId, email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash })
    .returning({ id: staff.id });
  return one(rows, 'staff').id;
}

export async function createShop(db: Db, input: NewShop): Promise<CreatedShop> {
  const ownerPassword = input.ownerPassword ?? randomPassword();
  return db.transaction(async (tx) => {
    const shopRows = await tx
      .insert(shops)
      .values({ name: input.name })
      .returning({ id: shops.id });
    const shopId = one(shopRows, 'shop').id;
    await savePolicy(tx, shopId, DEFAULT_SHOP_POLICY, null);
    const ownerId = await createStaff(tx, shopId, { email: input.ownerEmail, name: input.ownerName, role: 'owner', password: ownerPassword });
    await tx.insert(memberGrades).values(DEFAULT_GRADES.map((g) => ({ shopId, ...g })));
    await tx.insert(coupons).values(DEFAULT_COUPONS.map((c) => ({ shopId, ...c })));
    await createDefaultViews(tx, shopId);
    const apiKey = await createApiKey(tx, shopId, '스토어프론트');
    return { shopId, ownerId, ownerEmail: input.ownerEmail.toLowerCase(), ownerPassword, apiKey };
  });
}

export const DEMO_OWNER_EMAIL = 'owner@demo.jumun.kr';

/** On first start with an empty database: a demo shop and its owner. Answers null when a shop exists. */
export async function ensureDemoShop(db: Db, ownerPassword?: string): Promise<CreatedShop | null> {
  const existing = await db.select({ id: shops.id }).from(shops).orderBy(asc(shops.id)).limit(1);
  if (existing.length > 0) return null;
  return createShop(db, { name: '주문 데모샵', ownerEmail: DEMO_OWNER_EMAIL, ownerName: '김대표', ownerPassword });
}
