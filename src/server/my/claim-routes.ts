import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import { myCancellationRequestSchema, myChangeResultSchema, myExchangeRequestSchema, myReturnRequestSchema, myVersionOnlySchema, type MyChangeResult } from '../../contracts/my';
import { STATUS_LABELS } from '../../domain/status';
import { buyerOf } from '../auth/plugin';
import { buyerClaimContext } from '../claims/context';
import { settleClaimRefund } from '../claims/respond';
import type { Db } from '../db/client';
import { orders, refunds } from '../db/schema/index';
import { languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { labelOf, REFUND_METHOD_LABELS, REFUND_STATUS_LABELS } from '../payments/summary/labels';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { buyerCancel, buyerReturnOrExchange, buyerWithdraw, type BuyerClaimOutcome } from './claim-service';
import { runBuyerMutation } from './mutation';
import { orderNumberParams } from './order-access';
import { buyerActor } from './principal';

const claimParams = orderNumberParams.extend({ claimId: z.coerce.number().pipe(id) });
const created = { 201: myChangeResultSchema, ...errorResponses };

const CONCURRENCY =
  ' Send the order version you read (`expectedVersion` or `If-Match`): a stale one answers 409 ORDER_VERSION_CONFLICT. An `Idempotency-Key` makes a ' +
  'retry answer the first result (one claim, one refund). Another buyer’s order answers 404. Units in the wrong status answer 422 BUYER_CLAIM_NOT_ALLOWED; ' +
  "reasonCode 'other' needs reasonText (400 VALIDATION_FAILED).";

/**
 * The answer of a buyer's claim change: pays out the refund an instant cancel created (after its
 * transaction committed; a replay calls no gateway again), then the claim, that refund as it now
 * stands and where the units stand. The version is read last: paying the refund moves it on.
 */
async function answer(
  db: Db,
  gateway: PaymentGateway,
  request: FastifyRequest,
  outcome: BuyerClaimOutcome & { orderId: number },
  settle: 'auto' | 'none',
): Promise<MyChangeResult> {
  const buyer = buyerOf(request);
  const lang = languageOf(request);
  const target = { shopId: buyer.shopId, orderId: outcome.orderId, actor: buyerActor(buyer), replayed: request.idempotentReplayed, log: request.log };
  await settleClaimRefund(db, gateway, target, outcome.refundId, settle);
  const [refund] =
    outcome.refundId === null
      ? []
      : await db.select({ amount: refunds.amount, status: refunds.status }).from(refunds).where(and(eq(refunds.shopId, buyer.shopId), eq(refunds.id, outcome.refundId)));
  const [order] = await db.select({ version: orders.version }).from(orders).where(and(eq(orders.shopId, buyer.shopId), eq(orders.id, outcome.orderId)));
  return {
    version: order?.version ?? 0,
    claimId: outcome.claimId,
    // a refund of 0 (shipping now due took the units' worth) is done with nothing to pay: say so
    refund: refund ? { amount: refund.amount, statusLabel: refund.amount === 0 ? labelOf(REFUND_METHOD_LABELS, 'none', lang) : labelOf(REFUND_STATUS_LABELS, refund.status, lang) } : null,
    statusLabel: outcome.statuses.map((s) => STATUS_LABELS[s][lang]).join(', '),
  };
}

/** 취소·반품·교환 신청 and withdrawing one, by the buyer on My Page (registered by app.ts in one line). */
export const myClaimRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  app.post(
    '/api/v1/my/orders/:orderNumber/cancellations',
    {
      config: { access: 'buyer' },
      schema: {
        tags: ['my'],
        summary: '주문 취소 신청 (Cancel units not shipped yet)',
        description:
          'Units still 입금대기, 결제완료, 상품준비중 or 배송대기. Where the shop lets buyers cancel at once and every unit is still 입금대기/결제완료, the cancel ' +
          'completes (취소완료) with its refund, paid back through the payment gateway right away; a deposited 무통장/virtual-account payment also needs ' +
          '`refundAccount`. Otherwise (or when the refund needs staff to decide) it waits as 취소접수 for staff.' + CONCURRENCY,
        params: orderNumberParams,
        headers: idempotencyHeaders,
        body: myCancellationRequestSchema,
        response: created,
      },
    },
    async (request, reply) => {
      const { result } = await runBuyerMutation(db, request, async (tx, order, now, buyer) => {
        const change = await buyerCancel(tx, buyerClaimContext(buyer, order.id, languageOf(request), now), request.body);
        return { events: change.events, result: { ...change.result, orderId: order.id } };
      });
      return reply.code(201).send(await answer(db, gateway, request, result, 'auto'));
    },
  );

  for (const kind of ['return', 'exchange'] as const) {
    app.post(
      `/api/v1/my/orders/:orderNumber/${kind}s`,
      {
        config: { access: 'buyer' },
        schema: {
          tags: ['my'],
          summary: kind === 'return' ? '반품 신청 (Ask for a return)' : '교환 신청 (Ask for an exchange)',
          description:
            'Delivered (배송완료) units only, within the shop’s return window counted in Korean days from each parcel’s delivery (else 422 ' +
            'RETURN_WINDOW_CLOSED). Fault follows the reason (불량·오배송·배송 지연: the shop’s). `pickup` is one of the order’s addresses (`addressId`) or a ' +
            'new one. ' +
            (kind === 'exchange' ? '`replacementOptionId`: another option of the same product at the same price (EXCHANGE_PRICE_DIFFERS, EXCHANGE_OPTION_INVALID). ' : '') +
            `Arrives as ${kind === 'return' ? '반품접수' : '교환접수'} for staff.` +
            CONCURRENCY,
          params: orderNumberParams,
          headers: idempotencyHeaders,
          body: kind === 'return' ? myReturnRequestSchema : myExchangeRequestSchema,
          response: created,
        },
      },
      async (request, reply) => {
        const { result } = await runBuyerMutation(db, request, async (tx, order, now, buyer) => {
          const change = await buyerReturnOrExchange(tx, buyerClaimContext(buyer, order.id, languageOf(request), now), kind, request.body);
          return { events: change.events, result: { ...change.result, orderId: order.id } };
        });
        return reply.code(201).send(await answer(db, gateway, request, result, 'none'));
      },
    );
  }

  app.post(
    '/api/v1/my/orders/:orderNumber/claims/:claimId/withdraw',
    {
      config: { access: 'buyer' },
      schema: {
        tags: ['my'],
        summary: '신청 철회 (Withdraw a cancel, return or exchange request)',
        description:
          'Only a request the buyer made, and only while it is still 취소접수/반품접수/교환접수: its units go back where they were. Once staff moved it on ' +
          '(수거중 …) it answers 422 CLAIM_NOT_WITHDRAWABLE.' + CONCURRENCY,
        params: claimParams,
        headers: idempotencyHeaders,
        body: myVersionOnlySchema,
        response: { 200: myChangeResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { result } = await runBuyerMutation(db, request, async (tx, order, now, buyer) => {
        const change = await buyerWithdraw(tx, buyerClaimContext(buyer, order.id, languageOf(request), now), request.params.claimId);
        return { events: change.events, result: { ...change.result, orderId: order.id } };
      });
      return answer(db, gateway, request, result, 'none');
    },
  );
};
