import { and, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { admit, blockAfter, nextFailureCount, THROTTLE_RULES, throttleSubject, type Admission, type ThrottleKind } from '../../domain/sign-in-throttle';
import type { Db, Executor } from '../db/client';
import { signInThrottles, staff } from '../db/schema/index';
import { recordAuditEvent } from '../audit/record';
import { AppError } from '../http/errors';

/**
 * Sign-in and API-key throttling kept in the database, so every app server sees the same counts
 * (a second server must not hand an attacker a fresh allowance). The rules are the domain's.
 */

export interface Subject {
  kind: ThrottleKind;
  value: string;
  /** The account's shop and staff member, when the subject is a known account. */
  shopId?: number | null;
  staffId?: number | null;
}


/** The strictest refusal among the subjects (a lock before a delay, the longest wait first). */
export async function admission(db: Executor, subjects: readonly Subject[], now: Date): Promise<Admission> {
  const keys = subjects.map((s) => throttleSubject(s.kind, s.value));
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.subject, keys));
  let worst: Admission = { allowed: true };
  for (const row of rows) {
    const verdict = admit(row, now);
    if (verdict.allowed) continue;
    if (worst.allowed || (verdict.locked && !worst.locked) || (verdict.locked === worst.locked && verdict.retryAfterSeconds > worst.retryAfterSeconds)) worst = verdict;
  }
  return worst;
}

/** Counts one failure against every subject, in one transaction; answers whether one of them just locked. */
export async function recordFailure(db: Db, subjects: readonly Subject[], now: Date): Promise<{ locked: Subject[] }> {
  return db.transaction(async (tx) => {
    const locked: Subject[] = [];
    for (const subject of subjects) {
      const key = throttleSubject(subject.kind, subject.value);
      const rule = THROTTLE_RULES[subject.kind];
      // a placeholder row first, so that concurrent failures queue on its lock instead of racing
      await tx.insert(signInThrottles).values({ subject: key, lastFailureAt: now, failures: 0 }).onConflictDoNothing();
      const [row] = await tx.select().from(signInThrottles).where(eq(signInThrottles.subject, key)).for('update');
      const failures = row && row.failures > 0 ? nextFailureCount(row, rule, now) : 1;
      const block = blockAfter(failures, rule, now);
      const newlyLocked = block.locks && !row?.lockedAt;
      await tx
        .update(signInThrottles)
        .set({
          failures,
          lastFailureAt: now,
          blockedUntil: block.blockedUntil,
          lockedAt: block.locks ? (row?.lockedAt ?? now) : null,
          shopId: subject.shopId ?? row?.shopId ?? null,
          staffId: subject.staffId ?? row?.staffId ?? null,
        })
        .where(eq(signInThrottles.subject, key));
      if (newlyLocked) locked.push(subject);
    }
    return { locked };
  });
}

/** A success on an account forgets its failures (an address keeps its count: it may be trying others). */
export async function clearThrottle(db: Executor, subject: Subject) {
  await db.delete(signInThrottles).where(eq(signInThrottles.subject, throttleSubject(subject.kind, subject.value)));
}

/** Refuses an attempt the throttle does not admit, in words that never say whether the password was right. */
export function refusal(verdict: Exclude<Admission, { allowed: true }>, code: 'SIGN_IN_THROTTLED' | 'SIGN_IN_LOCKED' | 'API_KEY_THROTTLED'): AppError {
  return new AppError(code, { retryAfterSeconds: verdict.retryAfterSeconds });
}

/** The shop's staff accounts that are now locked or slowed down, for the owner's screen. */
export async function listShopLocks(db: Executor, shopId: number, now: Date) {
  return db
    .select({
      staffId: signInThrottles.staffId,
      email: staff.email,
      name: staff.name,
      failures: signInThrottles.failures,
      lastFailureAt: signInThrottles.lastFailureAt,
      blockedUntil: signInThrottles.blockedUntil,
      lockedAt: signInThrottles.lockedAt,
    })
    .from(signInThrottles)
    .innerJoin(staff, and(eq(staff.shopId, signInThrottles.shopId), eq(staff.id, signInThrottles.staffId)))
    .where(and(eq(signInThrottles.shopId, shopId), or(isNotNull(signInThrottles.lockedAt), gt(signInThrottles.blockedUntil, now))))
    .orderBy(sql`${signInThrottles.lastFailureAt} desc`);
}

/** Lifts the lock of one of the shop's staff accounts; false when that account has none. */
export async function liftShopLock(db: Db, shopId: number, staffId: number, liftedBy: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(signInThrottles)
      .where(and(eq(signInThrottles.shopId, shopId), eq(signInThrottles.staffId, staffId), sql`${signInThrottles.subject} like 'account:%'`))
      .returning({ subject: signInThrottles.subject });
    const [lifted] = removed;
    if (!lifted) return false;
    await recordAuditEvent(tx, { kind: 'sign_in_lock_lifted', shopId, staffId, subject: lifted.subject, detail: { liftedBy } });
    return true;
  });
}
