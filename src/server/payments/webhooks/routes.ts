import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../../contracts/errors';
import { paymentWebhookParamsSchema, paymentWebhookReceiptSchema } from '../../../contracts/payment-webhooks';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { PaymentGateway } from '../gateways/gateway';
import { receiveNotification } from './service';

/** Adapters take plain strings; a repeated header is joined as HTTP allows. */
function flatHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

/** Outcomes a person may want to look into; the rest is routine. */
const NOTEWORTHY = new Set(['not_authentic', 'secret_mismatch', 'unknown_payment', 'review_recorded']);

/** Notifications from the payment gateway (가상계좌 입금 통보, payment status changes). */
export const paymentWebhookRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  app.post(
    '/api/v1/payment-webhooks/:gateway/:shopId',
    {
      // The gateway calls it without our credentials: authenticity comes from the body (the deposit
      // secret) or from asking the gateway, never from the caller.
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'PG 웹훅 (Payment gateway notifications)',
        description:
          'Register `/api/v1/payment-webhooks/{gateway}/{shopId}` in the gateway’s console (Toss: 웹훅 and 가상계좌 입금 통보). A confirmed deposit into a ' +
          'pending 가상계좌/무통장 payment captures it with the deposited amount and, when it covers the payment, moves 입금대기 units to 결제완료 — the ' +
          'same as 입금 확인 by staff, with the system as actor. A cancel or reversal the order’s ledger does not show is only written on the timeline for ' +
          'staff. A deposit whose secret differs from the one handed in with the payment (`payment.depositSecret`) is ignored; a body that cannot prove ' +
          'itself is checked with the gateway first. Answers 200 to every notice it dealt with — applied, already applied, not authentic or for a payment ' +
          'the shop does not have — so the gateway stops retrying; 503 GATEWAY_UNAVAILABLE when the gateway could not be asked, so it retries.',
        // No credentials of ours, in the API reference too.
        security: [],
        params: paymentWebhookParamsSchema,
        body: z.unknown(),
        response: { 200: paymentWebhookReceiptSchema, 400: errorResponseSchema, 404: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async (request) => {
      const { shopId } = request.params;
      // Another adapter's URL: nothing here can parse its bodies.
      if (request.params.gateway !== gateway.name) throw new AppError('NOT_FOUND', { gateway: request.params.gateway });
      const result = await receiveNotification(db, gateway, { shopId, body: request.body, headers: flatHeaders(request.headers) });
      const log = { shopId, gateway: gateway.name, ...result };
      if (NOTEWORTHY.has(result.outcome)) request.log.warn(log, 'payment gateway notification needs a look');
      else request.log.info(log, 'payment gateway notification');
      return { received: true as const };
    },
  );
};
