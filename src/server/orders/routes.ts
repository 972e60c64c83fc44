import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkoutQuoteRequestSchema, checkoutQuoteSchema, createOrderRequestSchema, orderDetailSchema, type CheckoutQuote, type OrderDetail } from '../../contracts/orders';
import { principalOf } from '../auth/plugin';
import { actorOf } from '../auth/actor';
import { allows, principalScope } from '../auth/principal';
import { recordPersonalDataAccess } from '../audit/personal-data-access';
import type { Db } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { markReplayed } from '../http/idempotent-replay';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../http/route-schemas';
import { runIdempotent } from '../idempotency/service';
import { toOrderDetail } from './detail';
import { maskOrderDetail, personalFieldsOf } from './personal-masking';
import { priceCheckout, type PricedCheckout } from './checkout-pricing';
import { createOrder } from './intake-service';
import { loadOrderRows } from './read-queries';

function quoteOf(checkout: PricedCheckout): CheckoutQuote {
  const { priced, resolved, member, shipping } = checkout;
  return {
    items: priced.lines.map((line, i) => ({
      productName: resolved[i]?.productName ?? '',
      optionName: resolved[i]?.optionName ?? null,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      gradeDiscountPerUnit: line.gradeDiscountPerUnit,
      couponShare: line.couponShare,
      pointsShare: line.pointsShare,
      amount: line.amount,
    })),
    member: member ? { gradeName: member.gradeName, gradeDiscountRate: member.gradeDiscountRate, pointsBalance: member.pointsBalance } : null,
    totals: {
      itemsSubtotal: priced.itemsSubtotal,
      gradeDiscount: priced.gradeDiscountTotal,
      couponDiscount: priced.couponDiscount,
      pointsUsed: priced.pointsUsed,
      shippingFee: shipping.base + shipping.remote,
      remoteShippingFee: shipping.remote,
      total: priced.total,
    },
  };
}

export const orderRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/orders',
    {
      config: { access: 'orders.intake' },
      schema: {
        tags: ['orders'],
        summary: '주문 접수 (Create an order from a checkout)',
        description:
          'Called by a storefront with its shop API key. The server prices the order, checks the reported payment amount against the total, ' +
          'spends the member’s coupon and points and takes stock, all in one transaction. Send an `Idempotency-Key`: a retry answers the first result.',
        headers: idempotencyHeaders,
        body: createOrderRequestSchema,
        response: { 201: orderDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const lang = languageOf(request);
      const result = await runIdempotent<OrderDetail>(
        db,
        { shopId: principal.shopId, scope: principalScope(principal), key: request.headers['idempotency-key'], request: { route: 'POST /api/v1/orders', body: request.body } },
        async (tx) => {
          const orderId = await createOrder(tx, principal.shopId, request.body, actorOf(principal), new Date());
          const rows = await loadOrderRows(tx, principal.shopId, orderId);
          if (!rows) throw new Error(`order ${orderId} vanished inside its own transaction`);
          return { status: 201, body: toOrderDetail(rows, lang) };
        },
      );
      markReplayed(request, result.replayed);
      return reply.code(result.status).send(result.body);
    },
  );

  app.post(
    '/api/v1/orders/quote',
    {
      config: { access: 'orders.intake' },
      schema: {
        tags: ['orders'],
        summary: '주문 금액 계산 (Quote a checkout)',
        description:
          'The same body as `POST /api/v1/orders` without the payment: answers what the order will cost by the shop’s rules (grade discount, coupon, ' +
          'points, shipping by postcode), line by line. Nothing is written or spent. Send `totals.total` as `payment.amount` when handing the order in.',
        body: checkoutQuoteRequestSchema,
        response: { 200: checkoutQuoteSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      // a transaction of its own: the member's row is read the way intake reads it, then let go
      return db.transaction(async (tx) => quoteOf(await priceCheckout(tx, principal.shopId, request.body, new Date())));
    },
  );

  app.get(
    '/api/v1/orders/:orderId',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '주문 상세 (Order detail)',
        description:
          'The orderer and the addresses unmasked with `personal.view` (staff and up; API keys with the `read` scope), each such read recorded ' +
          'in the personal-data access log (purpose `detail`, or `api` for a key); masked (홍*동, 010-****-5678, 서울특별시 강남구 ***) for viewers, unrecorded.',
        params: orderIdParams,
        response: { 200: orderDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const rows = await loadOrderRows(db, principal.shopId, request.params.orderId);
      if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId: request.params.orderId });
      const detail = toOrderDetail(rows, languageOf(request));
      // one order shows its personal data to those allowed, and each such read is recorded
      if (!allows(principal, 'personal.view')) return maskOrderDetail(detail);
      await recordPersonalDataAccess(db, principal, {
        purpose: principal.kind === 'staff' ? 'detail' : 'api',
        orderIds: [detail.id],
        fields: personalFieldsOf(detail),
        clientAddress: request.ip,
      });
      return detail;
    },
  );
};
