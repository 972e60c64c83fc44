import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cancellationPreviewSchema, cancellationRequestSchema, claimResultSchema, refundProposalSchema } from '../../contracts/claims';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../http/route-schemas';
import { mutationResponseSchema, runOrderMutation } from '../orders/mutation-route';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { proposalDto } from '../payments/refunds/explanation';
import { completeClaim } from './complete-service';
import { claimContext } from './context';
import { claimReasonOf } from './reason';
import { previewCancel, requestClaim, type ClaimOutcome } from './request-service';
import { finishClaimRequest } from './respond';

export const CONCURRENCY =
  ' Send the order version the change is based on (`expectedVersion` or `If-Match`): a stale one answers 409 ORDER_VERSION_CONFLICT. ' +
  'An `Idempotency-Key` makes a retry answer the first result (one claim, one refund, no second gateway call). A refused request changes nothing.';

export const REASONS =
  ' The reason is a preset `reasonCode` (change_of_mind 단순 변심, defective 상품 불량, wrong_item 오배송, late_delivery 배송 지연, other 기타) with ' +
  '`reasonText` beside it, required with other (400 CLAIM_REASON_TEXT_REQUIRED). The older free-text `reason` alone is kept as other with that text.';

export const REFUND_MODEL =
  ' Refund = items (after grade/manual discounts) − couponRemoved − pointsRestored (given back as points) − shippingChange − deduction, less what the ' +
  'buyer still owed. Staff may adjust each component (`refund`); 무통장/virtual-account payments need `refundAccount`. Gateway refunds are paid ' +
  'right after the change commits; a gateway that does not answer leaves the refund pending (retry it), a refusal marks it failed.';

/** 주문 취소: the proposal, and the cancel itself (취소접수, or 취소완료 with the refund at once). */
export const cancelRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  app.post(
    '/api/v1/orders/:orderId/cancellations/preview',
    {
      config: { access: 'claims.request' },
      schema: {
        tags: ['claims'],
        summary: '취소 환불 미리보기 (Preview the refund of a cancel)',
        description: 'Changes nothing. Answers the proposed refund with each component, with any staff adjustments applied.' + REFUND_MODEL,
        params: orderIdParams,
        body: cancellationPreviewSchema,
        response: { 200: refundProposalSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = claimContext(request, new Date());
      return proposalDto(await previewCancel(db, ctx, request.body.items, request.body.refund), ctx.lang);
    },
  );

  app.post(
    '/api/v1/orders/:orderId/cancellations',
    {
      config: { access: 'claims.request' },
      schema: {
        tags: ['claims'],
        summary: '주문 취소 (Cancel units: request, or complete with the refund)',
        description:
          'Takes the named units (입금대기, 결제완료, 상품준비중 or 배송대기) out of their shipment groups into a cancel claim. `complete: false` stops at 취소접수; ' +
          '`complete: true` also completes it (취소완료) with the refund.' + REASONS + REFUND_MODEL + CONCURRENCY,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: cancellationRequestSchema,
        response: { 201: mutationResponseSchema(claimResultSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const reason = claimReasonOf(body);
      const { result } = await runOrderMutation(db, request, async (tx, _order, now) => {
        const ctx = claimContext(request, now);
        const requested = await requestClaim(tx, ctx, { kind: 'cancel', items: body.items, ...reason, fault: null, pickup: null, restock: false });
        const outcome: ClaimOutcome = { claimId: requested.claimId, refundId: null, proposal: null, buyerShippingFee: null };
        if (!body.complete) return { events: requested.events, result: outcome };
        const completed = await completeClaim(tx, ctx, requested.claimId, { refund: body.refund, refundAccount: body.refundAccount });
        return { events: [...requested.events, ...completed.events], result: completed.outcome };
      });
      return reply.code(201).send(await finishClaimRequest(db, gateway, request, result, 'auto'));
    },
  );
};
