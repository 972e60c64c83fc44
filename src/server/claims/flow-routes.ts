import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  claimCompletePreviewSchema,
  claimCompleteRequestSchema,
  claimListSchema,
  claimResultSchema,
  claimStatusRequestSchema,
  exchangeRequestSchema,
  refundProposalSchema,
  returnRequestSchema,
  versionOnlySchema,
} from '../../contracts/claims';
import { id } from '../../contracts/common';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../http/route-schemas';
import { mutationResponseSchema, runOrderMutation } from '../orders/mutation-route';
import { loadOrderRows } from '../orders/read-queries';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { proposalDto } from '../payments/refunds/explanation';
import { CONCURRENCY, REASONS, REFUND_MODEL } from './cancel-routes';
import { completeClaim, previewCompletion } from './complete-service';
import { claimContext } from './context';
import { claimReasonOf, faultOf } from './reason';
import { requestClaim, type ClaimOutcome } from './request-service';
import { finishClaimRequest } from './respond';
import { stepClaim, withdrawClaim } from './step-service';
import { claimViews, refundViews } from './views';

const claimParams = orderIdParams.extend({ claimId: z.coerce.number().pipe(id) });
const created = { 201: mutationResponseSchema(claimResultSchema), ...errorResponses };
const changed = { 200: mutationResponseSchema(claimResultSchema), ...errorResponses };
const only = (claimId: number | null): ClaimOutcome => ({ claimId, refundId: null, proposal: null, buyerShippingFee: null });

/** 반품 and 교환, and moving any claim along its flow: status steps, completion, withdrawal. */
export const claimFlowRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  app.post(
    '/api/v1/orders/:orderId/returns',
    {
      config: { access: 'claims.request' },
      schema: {
        tags: ['claims'],
        summary: '반품 접수 (Request a return)',
        description:
          'Units that are 배송중 or 배송완료 go into a return claim (반품접수) with the pickup address (any address, not only the order’s), the fault ' +
          '(a buyer’s-fault return keeps the return shipping from the refund; without `fault`, the reason decides) and whether to restock on completion.' + REASONS + CONCURRENCY,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: returnRequestSchema,
        response: created,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const reason = claimReasonOf(b);
      const { result } = await runOrderMutation(db, request, async (tx, _order, now) => {
        const requested = await requestClaim(tx, claimContext(request, now), {
          kind: 'return', items: b.items, ...reason, fault: faultOf(b.fault, reason.reasonCode), pickup: b.pickup, restock: b.restock,
        });
        return { events: requested.events, result: only(requested.claimId) };
      });
      return reply.code(201).send(await finishClaimRequest(db, gateway, request, result, 'none'));
    },
  );

  app.post(
    '/api/v1/orders/:orderId/exchanges',
    {
      config: { access: 'claims.request' },
      schema: {
        tags: ['claims'],
        summary: '교환 접수 (Request an exchange)',
        description:
          'Units that are 배송중 or 배송완료 go into an exchange claim (교환접수). With `replacementOptionId` (another option of the same product at the same ' +
          'unit price, otherwise EXCHANGE_PRICE_DIFFERS: use an order edit) the units become their own order item in that option, carrying their share of ' +
          'the coupon and points; the order total does not change. A buyer’s-fault exchange reports the shipping the shop may charge (`buyerShippingFee`); ' +
          'nothing is charged automatically.' + REASONS + CONCURRENCY,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: exchangeRequestSchema,
        response: created,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const reason = claimReasonOf(b);
      const { result } = await runOrderMutation(db, request, async (tx, _order, now) => {
        const requested = await requestClaim(tx, claimContext(request, now), {
          kind: 'exchange', items: b.items, ...reason, fault: faultOf(b.fault, reason.reasonCode), pickup: b.pickup, restock: false, replacementOptionId: b.replacementOptionId,
        });
        return { events: requested.events, result: { ...only(requested.claimId), buyerShippingFee: requested.buyerShippingFee } };
      });
      return reply.code(201).send(await finishClaimRequest(db, gateway, request, result, 'none'));
    },
  );

  app.post(
    '/api/v1/orders/:orderId/claims/:claimId/status',
    {
      config: { access: 'claims.request' },
      schema: {
        tags: ['claims'],
        summary: '클레임 상태 변경·되돌리기 (Move a claim one step, forward or back)',
        description:
          '반품접수 → 수거중 (pickup tracking in `pickup`) → 수거완료, 교환접수 → 수거중 → 수거완료 → 교환발송 (`reshipment` courier and tracking) → 교환완료, ' +
          'and one step back. 취소완료/반품완료 are reached with …/complete (CLAIM_COMPLETE_REQUIRED); stepping back from them voids their unpaid refund and ' +
          'undoes its money moves, and is refused with REVERT_NEEDS_MONEY once the refund was paid.' + CONCURRENCY,
        params: claimParams,
        headers: idempotencyHeaders,
        body: claimStatusRequestSchema,
        response: changed,
      },
    },
    async (request) => {
      const { result } = await runOrderMutation(db, request, async (tx, _order, now) => ({
        events: await stepClaim(tx, claimContext(request, now), request.params.claimId, request.body),
        result: only(request.params.claimId),
      }));
      return finishClaimRequest(db, gateway, request, result, 'none');
    },
  );

  app.post(
    '/api/v1/orders/:orderId/claims/:claimId/complete/preview',
    {
      config: { access: 'claims.request' },
      schema: {
        tags: ['claims'],
        summary: '클레임 완료 환불 미리보기 (Preview the refund of completing a claim)',
        description: 'Changes nothing.' + REFUND_MODEL,
        params: claimParams,
        body: claimCompletePreviewSchema,
        response: { 200: refundProposalSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = claimContext(request, new Date());
      return proposalDto(await previewCompletion(db, ctx, request.params.claimId, request.body.refund), ctx.lang);
    },
  );

  app.post(
    '/api/v1/orders/:orderId/claims/:claimId/complete',
    {
      config: { access: 'claims.complete' },
      schema: {
        tags: ['claims'],
        summary: '취소완료·반품완료 (Complete a cancel or return, with its refund)',
        description: '취소접수 → 취소완료, 수거완료 → 반품완료 (restocking tracked options when the return says so).' + REFUND_MODEL + CONCURRENCY,
        params: claimParams,
        headers: idempotencyHeaders,
        body: claimCompleteRequestSchema,
        response: changed,
      },
    },
    async (request) => {
      const { result } = await runOrderMutation(db, request, async (tx, _order, now) => {
        const completed = await completeClaim(tx, claimContext(request, now), request.params.claimId, request.body);
        return { events: completed.events, result: completed.outcome };
      });
      return finishClaimRequest(db, gateway, request, result, 'auto');
    },
  );

  app.post(
    '/api/v1/orders/:orderId/claims/:claimId/withdraw',
    {
      config: { access: 'claims.request' },
      schema: {
        tags: ['claims'],
        summary: '클레임 철회 (Withdraw a requested claim)',
        description:
          'Only from 취소접수/반품접수/교환접수: the units go back to the shipment groups and statuses they came from, an exchange’s replacement item merges ' +
          'back, and the claim is removed (its history stays on the timeline).' + CONCURRENCY,
        params: claimParams,
        headers: idempotencyHeaders,
        body: versionOnlySchema,
        response: changed,
      },
    },
    async (request) => {
      const { result } = await runOrderMutation(db, request, async (tx, _order, now) => ({
        events: await withdrawClaim(tx, claimContext(request, now), request.params.claimId),
        result: only(null),
      }));
      return finishClaimRequest(db, gateway, request, result, 'none');
    },
  );

  app.get(
    '/api/v1/orders/:orderId/claims',
    {
      config: { access: 'orders.read' },
      schema: { tags: ['claims'], summary: '클레임 목록 (The order’s cancels, returns and exchanges)', params: orderIdParams, response: { 200: claimListSchema, ...errorResponses } },
    },
    async (request) => {
      const { shopId } = principalOf(request);
      const rows = await loadOrderRows(db, shopId, request.params.orderId);
      if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId: request.params.orderId });
      return { claims: claimViews(rows, await refundViews(db, shopId, rows.order.id, languageOf(request)), languageOf(request)) };
    },
  );
};
