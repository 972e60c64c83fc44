import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { sessions, shops, staff, staffTokens } from '../db/schema/index';

export type StaffRow = typeof staff.$inferSelect;
export type StaffTokenRow = typeof staffTokens.$inferSelect;

export async function listShopStaff(db: Executor, shopId: number) {
  return db.select().from(staff).where(eq(staff.shopId, shopId)).orderBy(asc(staff.id));
}

/** Invitations still waiting: neither used, revoked nor expired. */
export async function listPendingInvitations(db: Executor, shopId: number, now: Date) {
  return db
    .select()
    .from(staffTokens)
    .where(and(eq(staffTokens.shopId, shopId), eq(staffTokens.purpose, 'invite'), isNull(staffTokens.usedAt), isNull(staffTokens.revokedAt), gt(staffTokens.expiresAt, now)))
    .orderBy(asc(staffTokens.id));
}

/** The staff member, locked for the change about to be made to them. */
export async function lockStaff(db: Executor, shopId: number, staffId: number) {
  const [row] = await db.select().from(staff).where(and(eq(staff.shopId, shopId), eq(staff.id, staffId))).for('update');
  return row;
}

/**
 * How many active owners the shop has, their rows locked: two owners demoting each other at once
 * queue here, and the second sees the first's change.
 */
export async function countActiveOwnersLocked(db: Executor, shopId: number): Promise<number> {
  const rows = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.shopId, shopId), eq(staff.role, 'owner'), eq(staff.active, true)))
    .for('update');
  return rows.length;
}

export async function findStaffInShopByEmail(db: Executor, shopId: number, email: string) {
  const [row] = await db.select({ id: staff.id }).from(staff).where(and(eq(staff.shopId, shopId), sql`lower(${staff.email}) = ${email.toLowerCase()}`)).limit(1);
  return row;
}

export async function findPendingInvitationByEmail(db: Executor, shopId: number, email: string, now: Date) {
  const [row] = await db
    .select({ id: staffTokens.id })
    .from(staffTokens)
    .where(
      and(
        eq(staffTokens.shopId, shopId),
        eq(staffTokens.purpose, 'invite'),
        sql`lower(${staffTokens.email}) = ${email.toLowerCase()}`,
        isNull(staffTokens.usedAt),
        isNull(staffTokens.revokedAt),
        gt(staffTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

export async function insertStaffToken(db: Executor, row: typeof staffTokens.$inferInsert): Promise<StaffTokenRow> {
  const [inserted] = await db.insert(staffTokens).values(row).returning();
  if (!inserted) throw new Error('staff token not inserted');
  return inserted;
}

/** A link by its hash, locked when `lock` (the one that redeems it). */
export async function findStaffToken(db: Executor, shopId: number, tokenHash: string, lock = false) {
  const query = db.select().from(staffTokens).where(and(eq(staffTokens.shopId, shopId), eq(staffTokens.tokenHash, tokenHash)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function revokePendingTokens(db: Executor, shopId: number, where: { id?: number; staffId?: number; purpose: 'invite' | 'reset' }, now: Date) {
  return db
    .update(staffTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(staffTokens.shopId, shopId),
        eq(staffTokens.purpose, where.purpose),
        where.id !== undefined ? eq(staffTokens.id, where.id) : undefined,
        where.staffId !== undefined ? eq(staffTokens.staffId, where.staffId) : undefined,
        isNull(staffTokens.usedAt),
        isNull(staffTokens.revokedAt),
        gt(staffTokens.expiresAt, now),
      ),
    )
    .returning();
}

export async function markTokenUsed(db: Executor, shopId: number, tokenId: number, staffId: number, now: Date) {
  await db.update(staffTokens).set({ usedAt: now, staffId }).where(and(eq(staffTokens.shopId, shopId), eq(staffTokens.id, tokenId)));
}

export async function updateStaffRow(db: Executor, shopId: number, staffId: number, values: Partial<typeof staff.$inferInsert>): Promise<StaffRow> {
  const [row] = await db.update(staff).set(values).where(and(eq(staff.shopId, shopId), eq(staff.id, staffId))).returning();
  if (!row) throw new Error(`staff ${staffId} vanished while it was changed`);
  return row;
}

/** Ends every session of the staff member at once (deactivation, a new password). */
export async function deleteStaffSessions(db: Executor, shopId: number, staffId: number) {
  await db.delete(sessions).where(and(eq(sessions.shopId, shopId), eq(sessions.staffId, staffId)));
}

export async function shopNameOf(db: Executor, shopId: number): Promise<string> {
  const [row] = await db.select({ name: shops.name }).from(shops).where(eq(shops.id, shopId)).limit(1);
  return row?.name ?? '';
}
