import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { apiKeys, staff } from '../db/schema/index';

const creator = alias(staff, 'creator');
const revoker = alias(staff, 'revoker');

export type ApiKeyRow = Awaited<ReturnType<typeof selectApiKeys>>[number];

/** A shop's keys with the names of who made and who revoked them: live keys first, newest first. */
export function selectApiKeys(db: Executor, shopId: number, keyId?: number) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdById: creator.id,
      createdByName: creator.name,
      revokedById: revoker.id,
      revokedByName: revoker.name,
    })
    .from(apiKeys)
    .leftJoin(creator, and(eq(creator.shopId, apiKeys.shopId), eq(creator.id, apiKeys.createdBy)))
    .leftJoin(revoker, and(eq(revoker.shopId, apiKeys.shopId), eq(revoker.id, apiKeys.revokedBy)))
    .where(keyId === undefined ? eq(apiKeys.shopId, shopId) : and(eq(apiKeys.shopId, shopId), eq(apiKeys.id, keyId)))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt), asc(apiKeys.id));
}

/** Revokes a live key; answers its name, or nothing when it was already revoked (or is not the shop's). */
export async function revokeLiveKey(db: Executor, shopId: number, keyId: number, staffId: number | null, now: Date) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy: staffId })
    .where(and(eq(apiKeys.shopId, shopId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name });
  return row;
}
