import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myChangeResultSchema, myPurchaseConfirmationSchema, type MyChangeResult } from '../../contracts/my';
import { STATUS_LABELS } from '../../domain/status';
import type { Db } from '../db/client';
import { confirmPurchase } from '../fulfillment/purchase-confirmation';
import { languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { runBuyerMutation } from './mutation';
import { orderNumberParams } from './order-access';
import { buyerActor } from './principal';

/** 구매확정 on My Page: the buyer confirms delivered items (the auto-confirm job does it after the shop's days). */
export const myPurchaseRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/my/orders/:orderNumber/purchase-confirmations',
    {
      config: { access: 'buyer' },
      schema: {
        tags: ['my'],
        summary: '구매확정 (Confirm the purchase of delivered items)',
        description:
          'Moves the named delivered units (배송완료) to 구매확정, or every delivered unit of the order when `items` is left out. ' +
          'A unit that is not delivered refuses the whole request with 422 PURCHASE_CONFIRM_NOT_ALLOWED and changes nothing. ' +
          'Send the order version (`expectedVersion` or `If-Match`); an `Idempotency-Key` makes a retry answer the first result.',
        params: orderNumberParams,
        headers: idempotencyHeaders,
        body: myPurchaseConfirmationSchema,
        response: { 200: myChangeResultSchema, ...errorResponses },
      },
    },
    async (request): Promise<MyChangeResult> => {
      const units = request.body.items ?? 'all-delivered';
      const { version } = await runBuyerMutation(db, request, (tx, order, now, buyer) => confirmPurchase(tx, order, units, buyerActor(buyer), false, now));
      return { version, claimId: null, refund: null, statusLabel: STATUS_LABELS.purchase_confirmed[languageOf(request)] };
    },
  );
};
