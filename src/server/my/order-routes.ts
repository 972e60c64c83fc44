import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myOrderDetailSchema, myOrderListQuerySchema, myOrderListSchema } from '../../contracts/my';
import { buyerOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { orderNumberParams } from './order-access';
import { listBuyerOrders, loadBuyerOrder } from './order-queries';
import { toMyOrderDetail } from './order-view';

const tags = ['my-page'];

/** The buyer's own orders on My Page: the list and one order's page, read-only. */
export const myOrderRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/my/orders',
    {
      config: { access: 'buyer' },
      schema: {
        tags,
        summary: '내 주문 목록 (My orders, newest first)',
        description:
          "A member's orders at this shop, or a guest's one order, newest first, with the units of each order per status and the number of open " +
          '추가 결제 요청. Page with `limit` and the `nextCursor` of the previous page. Buyer session only (the `jumun_buyer` cookie).',
        querystring: myOrderListQuerySchema,
        response: { 200: myOrderListSchema, ...errorResponses },
      },
    },
    async (request) => listBuyerOrders(db, buyerOf(request), request.query, languageOf(request), new Date()),
  );

  app.get(
    '/api/v1/my/orders/:orderNumber',
    {
      config: { access: 'buyer' },
      schema: {
        tags,
        summary: '내 주문 상세 (One of my orders: items, parcels, payments, requests, claims, history)',
        description:
          'Items with their units per status, parcels with the courier tracking link, addresses, the payment breakdown, 추가 결제 요청 (payable or not), ' +
          'claims, the history events meant for the buyer, the shop contact, and what the buyer may do now (cancel, return or exchange, confirm). ' +
          "An order that is not the buyer's answers 404 ORDER_NOT_FOUND, like one that does not exist.",
        params: orderNumberParams,
        response: { 200: myOrderDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const now = new Date();
      return toMyOrderDetail(await loadBuyerOrder(db, buyerOf(request), request.params.orderNumber), languageOf(request), now);
    },
  );
};
