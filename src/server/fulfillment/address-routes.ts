import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import { addAddressBodySchema, addressResultSchema, allocationBodySchema, allocationResultSchema, editAddressBodySchema } from '../../contracts/fulfillment';
import { actorOf } from '../auth/actor';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../http/route-schemas';
import { expectedVersionField, mutationResponseSchema, runOrderMutation } from '../orders/mutation-route';
import { addAddress, allocateToAddress, deleteAddress, editAddress } from './address-service';

const addressParams = orderIdParams.extend({ addressId: z.coerce.number().pipe(id) });
const FEE_NOTE =
  ' The order’s money does not change: `remoteFeeDifference` is what the shop’s shipping rule would charge more (or less) for remote areas ' +
  '(제주·도서산간), to be settled through an order edit if staff choose (`remoteFeeSettlement: order_edit`).';

/** Up to 5 shipping addresses per order, each with its own shipment groups. */
export const addressRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const addressResponse = mutationResponseSchema(addressResultSchema);

  app.post(
    '/api/v1/orders/:orderId/addresses',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['fulfillment'],
        summary: '배송지 추가 (Add a shipping address)',
        description: 'Adds an empty address (at most 5 per order: TOO_MANY_ADDRESSES); move units to it with …/allocations.',
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: addAddressBodySchema.extend(expectedVersionField),
        response: { 201: addressResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { expectedVersion: _version, ...address } = request.body;
      const answer = await runOrderMutation(db, request, (tx, order, now) => addAddress(tx, order, address, actorOf(principalOf(request)), now));
      return reply.code(201).send(answer);
    },
  );

  app.patch(
    '/api/v1/orders/:orderId/addresses/:addressId',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['fulfillment'],
        summary: '배송지 수정 (Change a shipping address)',
        description: 'Refused with ADDRESS_ALREADY_SHIPPED once any unit at the address has shipped.' + FEE_NOTE,
        params: addressParams,
        headers: idempotencyHeaders,
        body: editAddressBodySchema.extend(expectedVersionField),
        response: { 200: addressResponse, ...errorResponses },
      },
    },
    async (request) => runOrderMutation(db, request, (tx, order) => editAddress(tx, order, request.params.addressId, request.body, actorOf(principalOf(request)))),
  );

  app.delete(
    '/api/v1/orders/:orderId/addresses/:addressId',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['fulfillment'],
        summary: '배송지 삭제 (Delete an empty shipping address)',
        description: 'Only an address without units (ADDRESS_NOT_EMPTY otherwise). Send the version as `If-Match` or `expectedVersion` in a JSON body.',
        params: addressParams,
        headers: idempotencyHeaders,
        // a DELETE usually has no body (Fastify hands null): the version then comes from If-Match
        body: z.object(expectedVersionField).nullish().transform((b) => b ?? {}),
        response: { 200: addressResponse, ...errorResponses },
      },
    },
    async (request) => runOrderMutation(db, request, (tx, order) => deleteAddress(tx, order, request.params.addressId, actorOf(principalOf(request)))),
  );

  app.post(
    '/api/v1/orders/:orderId/addresses/:addressId/allocations',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['fulfillment'],
        summary: '배송지 지정 (Move units to this address)',
        description:
          'Moves quantities of unshipped units (입금대기, 결제완료, 상품준비중, 배송대기) to the address, keeping their status: they join its group with that ' +
          'status or start one. Shipped units answer UNITS_ALREADY_SHIPPED.' +
          FEE_NOTE,
        params: addressParams,
        headers: idempotencyHeaders,
        body: allocationBodySchema.extend(expectedVersionField),
        response: { 200: mutationResponseSchema(allocationResultSchema), ...errorResponses },
      },
    },
    async (request) =>
      runOrderMutation(db, request, (tx, order, now) => allocateToAddress(tx, order, request.params.addressId, request.body, actorOf(principalOf(request)), now)),
  );
};
