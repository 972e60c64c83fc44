/**
 * The buyer pays a 추가 결제 요청 on My Page: open the gateway's payment window, then confirm what
 * the window hands back (or record that it failed). Thin: the use cases are in
 * src/server/payments/checkout-service.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import { errorResponseSchema } from '../../contracts/errors';
import { myCheckoutConfirmSchema, myCheckoutFailSchema, myCheckoutResultSchema, myCheckoutSchema } from '../../contracts/my';
import { buyerOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { confirmCheckout, failCheckout, openCheckout, type CheckoutConfig } from '../payments/checkout-service';
import { orderNumberParams } from './order-access';

const tags = ['my-page'];
const responses = { ...errorResponses, 503: errorResponseSchema };

export const myPaymentRoutes: FastifyPluginAsyncZod<{ db: Db } & CheckoutConfig> = async (app, { db, ...config }) => {
  const { gateway } = config;

  app.post(
    '/api/v1/my/orders/:orderNumber/payment-requests/:requestId/checkouts',
    {
      config: { access: 'buyer' },
      schema: {
        tags,
        summary: '추가 결제창 열기 (Open the payment window for a payment request)',
        description:
          'For a pending request not past its due date: fixes the amount and the order id the gateway will know the attempt by, and answers what the ' +
          'window needs — the test gateway’s window URL, or Toss Payments’ client key — with the success and fail URLs it returns to.',
        params: orderNumberParams.extend({ requestId: z.coerce.number().pipe(id) }),
        response: { 201: myCheckoutSchema, ...responses },
      },
    },
    async (request, reply) => {
      const input = { orderNumber: request.params.orderNumber, requestId: request.params.requestId, origin: `${request.protocol}://${request.host}` };
      return reply.code(201).send(await openCheckout(db, config, buyerOf(request), input, languageOf(request)));
    },
  );

  app.post(
    '/api/v1/my/checkouts/confirm',
    {
      config: { access: 'buyer' },
      schema: {
        tags,
        summary: '추가 결제 승인 (Confirm the payment the window approved)',
        description:
          'What the success URL received (paymentKey, orderId, amount). An amount other than the checkout’s is refused before the gateway is asked ' +
          '(nothing is charged); the payment then pays the request, records the payment and lowers the balance due in one change. Confirming again ' +
          'with the same paymentKey answers the same result. A capture for a request no longer payable is cancelled at the gateway (409 PAYMENT_VOIDED).',
        body: myCheckoutConfirmSchema,
        response: { 200: myCheckoutResultSchema, ...responses },
      },
    },
    async (request) => confirmCheckout(db, gateway, buyerOf(request), request.body, languageOf(request)),
  );

  app.post(
    '/api/v1/my/checkouts/fail',
    {
      config: { access: 'buyer' },
      schema: {
        tags,
        summary: '추가 결제 실패 기록 (Record that the payment window failed or was closed)',
        description: 'What the fail URL received (code, message, orderId): the attempt is closed as failed and nothing else changes.',
        body: myCheckoutFailSchema,
        response: { 200: myCheckoutResultSchema, ...responses },
      },
    },
    async (request) => failCheckout(db, gateway, buyerOf(request), request.body, languageOf(request)),
  );
};
