import type { FastifyRequest } from 'fastify';
import type { ClaimResult } from '../../contracts/claims';
import type { OrderDetail } from '../../contracts/orders';
import { actorOf } from '../auth/actor';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { toOrderDetail } from '../orders/detail';
import { loadOrderRows } from '../orders/read-queries';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { settleRefund } from '../refunds/settle';
import type { ClaimOutcome } from './request-service';
import { claimViews, refundViews } from './views';

/**
 * Ends a claims request: pays the refund the change created (after its transaction has committed),
 * then answers the order as it now stands with the claim, its refund and the proposal. A replayed
 * request answers the same claim and refund as they now stand and calls no gateway again.
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
  if (outcome.refundId !== null && settle !== 'none') {
    // a replayed retry does not call the gateway again; 'auto' only settles a refund never tried
    const mode = request.idempotentReplayed ? 'auto' : settle;
    try {
      await settleRefund(db, gateway, { shopId, orderId, refundId: outcome.refundId, actor: actorOf(principal) }, mode);
    } catch (error) {
      // The claim has committed; answering 500 would tell the client it did not. The refund stays
      // pending (never done without the gateway's word) and shows so; a retry settles it.
      request.log.error({ err: error, refundId: outcome.refundId }, 'refund settlement failed; the refund stays pending');
    }
  }
  const rows = await loadOrderRows(db, shopId, orderId);
  if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId });
  const lang = languageOf(request);
  const refunds = await refundViews(db, shopId, orderId);
  return {
    order: toOrderDetail(rows, lang),
    result: {
      claim: claimViews(rows, refunds, lang).find((c) => c.id === outcome.claimId) ?? null,
      refund: refunds.find((r) => r.id === outcome.refundId) ?? null,
      proposal: outcome.proposal,
      buyerShippingFee: outcome.buyerShippingFee,
    },
  };
}
