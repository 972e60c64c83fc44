import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { refundAccountSchema } from '../../../contracts/claims';
import { refundCompleted, refundFailed, refundPending, type Actor, type EventDraft } from '../../../domain/events';
import type { Db, Executor } from '../../db/client';
import { orders, refundPayments, refunds } from '../../db/schema/index';
import { unavailable, type GatewayResult, type GatewayCancel, type PaymentGateway } from '../gateways/gateway';
import { shopGatewayLookup } from '../gateways/shop-gateway';
import { refreshOrderSummary } from '../../orders/summary-refresh';
import { appendEvents } from '../../timeline/queries';
import { GATEWAY_METHODS, loadRefund, payOutPart, refundEventMethod, refundStatusOf } from './records';

export interface SettleTarget {
  shopId: number;
  orderId: number;
  refundId: number;
  actor: Actor;
}

type Loaded = Awaited<ReturnType<typeof loadRefund>>;
type Part = Loaded['parts'][number];

/** The idempotency key of one part: a retry of the same part can never cancel twice. */
export const cancelKeyOf = (refundId: number, paymentId: number) => `refund-${refundId}-${paymentId}`;

/**
 * Keys in use per payment, kept in the refund's breakdown. A part keeps its key while its outcome
 * is unknown ('unavailable': the cancel may have happened). A declined call cancelled nothing, and
 * a gateway answers a repeated key with its first answer, so after a decline the part gets a fresh
 * key: a retry can then succeed, and still never cancel twice.
 */
const breakdownRecord = z.record(z.string(), z.unknown());
const gatewayKeysOf = (breakdown: unknown) => z.object({ gatewayKeys: z.record(z.string(), z.string()).default({}) }).catch({ gatewayKeys: {} }).parse(breakdown ?? {}).gatewayKeys;
const keyOf = (refund: Loaded['refund'], paymentId: number) => gatewayKeysOf(refund.breakdown)[String(paymentId)] ?? cancelKeyOf(refund.id, paymentId);

async function cancelPart(gateway: PaymentGateway, refund: Loaded['refund'], { part, payment }: Part): Promise<GatewayResult<GatewayCancel>> {
  const paymentKey = payment.gatewayTransactionId;
  if (!paymentKey) {
    return { ok: false, kind: 'declined', code: 'NO_GATEWAY_TRANSACTION', message: 'PG 거래번호가 없는 결제라 PG로 취소할 수 없습니다. 환불 계좌로 직접 송금하세요.' };
  }
  const parsed = refundAccountSchema.safeParse(refund.refundAccount);
  const account = parsed.success ? parsed.data : null;
  try {
    // Payments reported by a storefront were never confirmed through the test gateway.
    await gateway.register?.(paymentKey, payment.capturedAmount, payment.refundedAmount);
    return await gateway.cancel({
      paymentKey,
      amount: part.amount,
      reason: refund.reason ?? '주문 취소',
      ...(payment.method === 'virtual_account' && account ? { refundAccount: account } : {}),
      idempotencyKey: keyOf(refund, payment.id),
    });
  } catch (error) {
    // A throwing adapter is a bug, but the money's fate is unknown: keep the part pending for a retry.
    return unavailable('GATEWAY_ERROR', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Pays out a refund's gateway parts: called after the transaction that created (or reopened) the
 * refund has committed, because a gateway call must never sit inside a database transaction.
 * `auto` settles only a refund never tried before, so a replayed request does not call again;
 * `retry` tries every open part again with the same idempotency keys.
 *
 * The outcome is recorded in a second transaction that locks the order: a part becomes done only
 * when the gateway said so; 'declined' fails it with the gateway's message; 'unavailable' leaves it
 * pending. If the process dies in between, the refund stays pending and a retry settles it.
 */
export async function settleRefund(db: Db, gateway: PaymentGateway, target: SettleTarget, mode: 'auto' | 'retry'): Promise<void> {
  const loaded = await loadRefund(db, target.shopId, target.orderId, target.refundId);
  const { refund } = loaded;
  if (refund.status !== 'pending' && refund.status !== 'failed') return;
  if (mode === 'auto' && refund.attempts > 0) return;
  const open = loaded.parts.filter((p) => GATEWAY_METHODS.has(p.payment.method) && (p.part.status === 'pending' || (mode === 'retry' && p.part.status === 'failed')));
  if (open.length === 0) return;

  const outcomes: Array<{ part: Part; result: GatewayResult<GatewayCancel> }> = [];
  const gatewayOf = await shopGatewayLookup(db, target.shopId, gateway);
  for (const part of open) outcomes.push({ part, result: await cancelPart(gatewayOf(part.payment.gateway), refund, part) });
  await recordOutcomes(db, target, outcomes);
}

async function recordOutcomes(db: Db, target: SettleTarget, outcomes: ReadonlyArray<{ part: Part; result: GatewayResult<GatewayCancel> }>) {
  const { shopId, orderId, refundId, actor } = target;
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId))).for('no key update');
    const { refund, parts } = await loadRefund(tx, shopId, orderId, refundId);
    let declined: string | null = null;
    let unreachable: string | null = null;
    const keys = gatewayKeysOf(refund.breakdown);
    for (const { part, result } of outcomes) {
      const current = parts.find((p) => p.part.paymentId === part.part.paymentId)?.part;
      // a concurrent settle may have recorded it already; the gateway answered both from one key
      if (!current || current.status === 'done') continue;
      if (result.ok) {
        await payOutPart(tx, shopId, current, result.value.cancelId);
      } else if (result.kind === 'declined') {
        declined = result.message;
        keys[String(current.paymentId)] = `${cancelKeyOf(refundId, current.paymentId)}-${refund.attempts + 1}`;
        await tx.update(refundPayments).set({ status: 'failed' }).where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.refundId, refundId), eq(refundPayments.paymentId, current.paymentId)));
      } else {
        unreachable = result.message;
      }
    }
    const after = await tx.select({ status: refundPayments.status }).from(refundPayments).where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.refundId, refundId)));
    const status = refundStatusOf(after, refund.status);
    const failureMessage = declined ?? (unreachable ? `PG 응답 없음: ${unreachable}` : null);
    await tx
      .update(refunds)
      .set({
        status,
        attempts: refund.attempts + 1,
        failureMessage,
        executedAt: status === 'done' ? now : null,
        breakdown: { ...breakdownRecord.catch({}).parse(refund.breakdown ?? {}), gatewayKeys: keys },
      })
      .where(and(eq(refunds.shopId, shopId), eq(refunds.id, refundId)));

    const events: EventDraft[] = [];
    const method = refundEventMethod(refund.method);
    if (status === 'done' && refund.status !== 'done') events.push(refundCompleted(actor, { refundId, amount: refund.amount, method }));
    else if (declined) events.push(refundFailed(actor, { refundId, amount: refund.amount, message: declined }));
    else if (unreachable) events.push(refundPending(actor, { refundId, amount: refund.amount, method, note: 'PG 응답이 없어 재시도가 필요합니다' }));
    await refreshOrderSummary(tx, shopId, orderId, now);
    await appendEvents(tx, shopId, orderId, events, now);
  });
}

/** Reopens a refund's failed gateway parts so that settleRefund('retry') tries them again. */
export async function reopenFailedParts(tx: Executor, shopId: number, refundId: number, paymentIds: readonly number[]) {
  if (paymentIds.length === 0) return;
  await tx
    .update(refundPayments)
    .set({ status: 'pending' })
    .where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.refundId, refundId), inArray(refundPayments.paymentId, [...paymentIds]), eq(refundPayments.status, 'failed')));
  await tx.update(refunds).set({ status: 'pending', failureMessage: null }).where(and(eq(refunds.shopId, shopId), eq(refunds.id, refundId)));
}
