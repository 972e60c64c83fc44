import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { apiKeys, sessions, shops, staff } from '../db/schema/index';

/** Every account of the e-mail (a person may work for several shops), each with its shop's name, oldest shop first. */
export async function findStaffAccountsByEmail(db: Executor, email: string) {
  return db
    .select({ staff, shopName: shops.name })
    .from(staff)
    .innerJoin(shops, eq(shops.id, staff.shopId))
    .where(sql`lower(${staff.email}) = ${email.toLowerCase()}`)
    .orderBy(asc(staff.shopId));
}

export async function findSessionStaff(db: Executor, shopId: number, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ staff, shopName: shops.name })
    .from(sessions)
    .innerJoin(staff, and(eq(staff.shopId, sessions.shopId), eq(staff.id, sessions.staffId)))
    .innerJoin(shops, eq(shops.id, sessions.shopId))
    .where(and(eq(sessions.shopId, shopId), eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(staff.active, true)))
    .limit(1);
  return row;
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Executor, shopId: number, tokenHash: string) {
  await db.delete(sessions).where(and(eq(sessions.shopId, shopId), eq(sessions.tokenHash, tokenHash)));
}

export async function findApiKey(db: Executor, shopId: number, keyHash: string) {
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.shopId, shopId), eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

export async function findShopName(db: Executor, shopId: number) {
  const [row] = await db.select({ name: shops.name }).from(shops).where(eq(shops.id, shopId)).limit(1);
  return row?.name;
}

export async function shopExists(db: Executor, shopId: number): Promise<boolean> {
  const [row] = await db.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId)).limit(1);
  return row !== undefined;
}

/** A key's last use, written at most once a minute so a busy storefront does not write on every request. */
export async function noteKeyUse(db: Executor, shopId: number, key: { id: number; lastUsedAt: Date | null }, now: Date) {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < 60_000) return;
  await db.update(apiKeys).set({ lastUsedAt: now }).where(and(eq(apiKeys.shopId, shopId), eq(apiKeys.id, key.id)));
}
