/**
 * Where the test gateway keeps its payments and the first answer to each cancel key: tables of
 * the database (schema/test-gateway.ts), so that every app server on it is one gateway. Each call
 * is its own short transaction on the Db, never the caller's: a gateway call is made outside any
 * order transaction (on PGlite, one transaction at a time, calling from inside one would wait on
 * itself).
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import { testGatewayCancels, testGatewayPayments } from '../../db/schema/index';
import { declined, ok, type CancelInput, type GatewayCancel, type GatewayFailure, type GatewayResult } from './gateway';
import { cancelIdOf, decideCancel } from './test-gateway-rules';

export type StoredPayment = typeof testGatewayPayments.$inferSelect;
type RememberedCancel = typeof testGatewayCancels.$inferSelect;

/** Another server inserted the same idempotency key first: roll back and answer what it did. */
class KeyTaken extends Error {}

/** A number no other call of any server gets. */
export async function nextSerial(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(db, sql`select nextval('test_gateway_serial') as n`);
  return Number(row?.n);
}

export async function findPayment(db: Db, paymentKey: string): Promise<StoredPayment | undefined> {
  const [row] = await db.select().from(testGatewayPayments).where(eq(testGatewayPayments.paymentKey, paymentKey));
  return row;
}

/** Inserts a payment unless the key is known already; true when this call inserted it. */
export async function insertPayment(db: Db, payment: typeof testGatewayPayments.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(testGatewayPayments).values(payment).onConflictDoNothing().returning({ key: testGatewayPayments.paymentKey });
  return inserted.length > 0;
}

/** The buyer deposits into a waiting virtual account; a payment in any other state is left as it is. */
export async function markDeposited(db: Db, paymentKey: string, at: Date): Promise<void> {
  await db
    .update(testGatewayPayments)
    .set({ state: 'captured', depositedAt: at })
    .where(and(eq(testGatewayPayments.paymentKey, paymentKey), eq(testGatewayPayments.state, 'awaiting_deposit')));
}

export async function rememberedCancel(db: Db, idempotencyKey: string): Promise<RememberedCancel | undefined> {
  const [row] = await db.select().from(testGatewayCancels).where(eq(testGatewayCancels.idempotencyKey, idempotencyKey));
  return row;
}

export const reusedKey = (remembered: RememberedCancel, input: CancelInput) => remembered.paymentKey !== input.paymentKey || remembered.amount !== input.amount;
// Toss would replay the first answer; being stricter here catches a caller reusing keys.
export const keyReused = () => declined('IDEMPOTENCY_KEY_REUSED', '같은 멱등키로 다른 취소를 요청했습니다.');

function answerOf(row: RememberedCancel): GatewayResult<GatewayCancel> {
  if (row.declineCode !== null) return declined(row.declineCode, row.declineMessage ?? '');
  if (row.cancelId === null || row.remainingAmount === null || row.cancelledAt === null) throw new Error(`cancel ${row.idempotencyKey} has no outcome`);
  return ok({ cancelId: row.cancelId, amount: row.amount, remainingAmount: row.remainingAmount, cancelledAt: row.cancelledAt });
}

/**
 * One cancel, once per idempotency key across every server: the payment row is locked (FOR
 * UPDATE) so that cancels of one payment take turns and each sees the balance the one before left;
 * under that lock a key already answered is replayed. A key inserted meanwhile by a call on another
 * payment (or on none) surfaces as a primary-key conflict: this call rolls back and answers the
 * first one. `forced` is an injected decline, remembered as the key's answer like a real one.
 */
export async function cancelOnce(db: Db, input: CancelInput, forced: GatewayFailure | null, now: Date): Promise<GatewayResult<GatewayCancel>> {
  for (;;) {
    try {
      return await db.transaction(async (tx) => {
        const [payment] = await tx.select().from(testGatewayPayments).where(eq(testGatewayPayments.paymentKey, input.paymentKey)).for('update');
        const [prior] = await tx.select().from(testGatewayCancels).where(eq(testGatewayCancels.idempotencyKey, input.idempotencyKey));
        if (prior) return reusedKey(prior, input) ? keyReused() : answerOf(prior);

        const decision = forced ? { ok: false as const, failure: forced } : decideCancel(payment, input);
        const remembered = { idempotencyKey: input.idempotencyKey, paymentKey: input.paymentKey, amount: input.amount };
        let answer: GatewayResult<GatewayCancel>;
        let row: typeof testGatewayCancels.$inferInsert;
        if (decision.ok) {
          const value: GatewayCancel = { cancelId: cancelIdOf(await nextSerial(tx)), amount: input.amount, remainingAmount: decision.remaining, cancelledAt: now };
          answer = ok(value);
          row = { ...remembered, cancelId: value.cancelId, remainingAmount: value.remainingAmount, cancelledAt: now };
        } else {
          answer = decision.failure;
          row = { ...remembered, declineCode: decision.failure.code, declineMessage: decision.failure.message };
        }
        const inserted = await tx.insert(testGatewayCancels).values(row).onConflictDoNothing().returning({ key: testGatewayCancels.idempotencyKey });
        if (inserted.length === 0) throw new KeyTaken();
        if (decision.ok) {
          await tx.update(testGatewayPayments).set({ cancelled: decision.cancelled, state: decision.state }).where(eq(testGatewayPayments.paymentKey, input.paymentKey));
        }
        return answer;
      });
    } catch (error) {
      if (!(error instanceof KeyTaken)) throw error;
    }
  }
}
