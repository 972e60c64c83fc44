import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  depositConfirmationBodySchema,
  depositResultSchema,
  depositRevertBodySchema,
  statusChangeBodySchema,
  statusChangeResultSchema,
} from '../../contracts/fulfillment';
import { actorOf } from '../auth/actor';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../http/route-schemas';
import { expectedVersionField, mutationResponseSchema, runOrderMutation } from '../orders/mutation-route';
import { addressRoutes } from './address-routes';
import { confirmDeposit, revertDeposit } from './deposit-service';
import { changeStatuses } from './status-service';

const CONCURRENCY =
  ' Send the order version the change is based on (`expectedVersion` or `If-Match`): a stale one answers 409 ORDER_VERSION_CONFLICT. ' +
  'An `Idempotency-Key` makes a retry answer the first result. A refused request changes nothing.';

/** Status changes by quantity, deposit confirmation and its revert, and the shipping addresses. */
export const fulfillmentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/orders/:orderId/status-changes',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['fulfillment'],
        summary: '상태 변경·되돌리기 (Change the status of units, forward or back)',
        description:
          'Moves quantities of items in shipment groups along the status table: 결제완료 → 상품준비중 → 배송대기 → 배송중 (with `shipment`) → 배송완료 → 구매확정, ' +
          'and back where the table allows (배송중 → 배송대기 clears the tracking number). Acting on part of a group splits those units off into a new group at ' +
          'the same address; units that end up at the same address and status (and parcel, once shipped) share one group; emptied groups are removed. ' +
          'Moves into cancel/return/exchange answer USE_CLAIM_ROUTE; moves that refund or charge answer REVERT_NEEDS_MONEY.' +
          CONCURRENCY,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: statusChangeBodySchema.extend(expectedVersionField),
        response: { 200: mutationResponseSchema(statusChangeResultSchema), ...errorResponses },
      },
    },
    async (request) => runOrderMutation(db, request, (tx, order, now) => changeStatuses(tx, order, request.body, actorOf(principalOf(request)), now)),
  );

  app.post(
    '/api/v1/orders/:orderId/deposit-confirmations',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['fulfillment'],
        summary: '입금 확인 (Confirm a bank deposit)',
        description:
          'Captures the pending 무통장 or 가상계좌 payment in full and moves every 입금대기 unit to 결제완료. Refused with NOTHING_AWAITS_PAYMENT when there is ' +
          'no such payment or no unit awaits it.' +
          CONCURRENCY,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: depositConfirmationBodySchema.extend(expectedVersionField),
        response: { 200: mutationResponseSchema(depositResultSchema), ...errorResponses },
      },
    },
    async (request) => runOrderMutation(db, request, (tx, order, now) => confirmDeposit(tx, order, request.body, actorOf(principalOf(request)), now)),
  );

  app.post(
    '/api/v1/orders/:orderId/deposit-confirmations/revert',
    {
      config: { access: 'claims.revert' },
      schema: {
        tags: ['fulfillment'],
        summary: '입금 확인 취소 (Revert a deposit confirmed by mistake)',
        description:
          'Only for a 무통장 payment with nothing refunded, no other money captured and every unit still 결제완료: the payment goes back to pending and ' +
          'the units to 입금대기. Anything else answers REVERT_NEEDS_MONEY (cancel with a refund instead).' +
          CONCURRENCY,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: depositRevertBodySchema.extend(expectedVersionField),
        response: { 200: mutationResponseSchema(depositResultSchema), ...errorResponses },
      },
    },
    async (request) => runOrderMutation(db, request, (tx, order, now) => revertDeposit(tx, order, request.body, actorOf(principalOf(request)), now)),
  );

  await app.register(addressRoutes, { db });
};
