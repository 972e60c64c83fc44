import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { ClaimResult } from '../../contracts/claims';
import type { OrderDetail } from '../../contracts/orders';
import type { Actor } from '../../domain/events';
import { actorOf } from '../auth/actor';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { toOrderDetail } from '../orders/detail';
import { loadOrderRows } from '../orders/read-queries';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { proposalDto } from '../payments/refunds/explanation';
import { settleRefund } from '../payments/refunds/settle';
import type { ClaimOutcome } from './request-service';
import { claimViews, refundViews } from './views';

/** Who pays a claim's refund out, and how a failure to do so is logged. */
export interface RefundSettlement {
  shopId: number;
  orderId: number;
  actor: Actor;
  /** The request is a replay of one already answered (Idempotency-Key). */
  replayed: boolean;
  log: FastifyBaseLogger;
}

/**
 * Pays the refund a claims change created, after its transaction has committed. A replayed request
 * calls no gateway again ('auto' only settles a refund never tried). A failure is logged, never
 * thrown: the claim has committed, and the refund stays pending (never done without the gateway's
 * word) for a retry. Staff and buyer routes both end with it.
 */
export async function settleClaimRefund(db: Db, gateway: PaymentGateway, target: RefundSettlement, refundId: number | null, settle: 'auto' | 'retry' | 'none'): Promise<void> {
  if (refundId === null || settle === 'none') return;
  const mode = target.replayed ? 'auto' : settle;
  try {
    await settleRefund(db, gateway, { shopId: target.shopId, orderId: target.orderId, refundId, actor: target.actor }, mode);
  } catch (error) {
    // answering 500 would tell the client the claim did not happen; it did
    target.log.error({ err: error, refundId }, 'refund settlement failed; the refund stays pending');
  }
}

/**
 * Ends a staff claims request: pays the refund the change created (after its transaction has
 * committed), then answers the order as it now stands with the claim, its refund and the proposal.
 * A replayed request answers the same claim and refund as they now stand and calls no gateway again.
 */
export async function finishClaimRequest(
  db: Db,
  gateway: PaymentGateway,
  request: FastifyRequest & { params: { orderId: number } },
  outcome: ClaimOutcome,
  settle: 'auto' | 'retry' | 'none',
): Promise<{ order: OrderDetail; result: ClaimResult }> {
  const principal = principalOf(request);
  const { shopId } = principal;
  const orderId = request.params.orderId;
  await settleClaimRefund(db, gateway, { shopId, orderId, actor: actorOf(principal), replayed: request.idempotentReplayed, log: request.log }, outcome.refundId, settle);
  const rows = await loadOrderRows(db, shopId, orderId);
  if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId });
  const lang = languageOf(request);
  const refunds = await refundViews(db, shopId, orderId, lang);
  return {
    order: toOrderDetail(rows, lang),
    result: {
      claim: claimViews(rows, refunds, lang).find((c) => c.id === outcome.claimId) ?? null,
      refund: refunds.find((r) => r.id === outcome.refundId) ?? null,
      proposal: outcome.proposal && proposalDto(outcome.proposal, lang),
      buyerShippingFee: outcome.buyerShippingFee,
    },
  };
}
