import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_ORDER_SORT, orderFilterSchema, orderSortSchema, type OrderFilter, type OrderSort } from '../../contracts/order-filter';
import {
  orderCountRequestSchema,
  orderCountResponseSchema,
  orderListQuerySchema,
  orderListResponseSchema,
  orderSearchRequestSchema,
  type OrderListQuery,
  type OrderListResponse,
} from '../../contracts/order-list';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { AppError, languageOf, type Lang } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { countMatchingOrders, type CountPolicy } from '../order-counts/count-service';
import { listOrders } from './queries';

const csv = (value: string | undefined) => value?.split(',').map((v) => v.trim()).filter((v) => v !== '');

/** The query parameters as a filter spec, checked by the same schema as a POSTed one. */
function filterOfQuery(q: OrderListQuery): OrderFilter {
  const parsed = orderFilterSchema.safeParse({
    keyword: q.keyword,
    unitStatuses: csv(q.unitStatuses),
    claimStatuses: csv(q.claimStatuses),
    orderStatuses: csv(q.orderStatuses),
    paymentStatuses: csv(q.paymentStatuses),
    channels: csv(q.channels),
    paymentMethods: csv(q.paymentMethods),
    memberType: q.memberType,
    hasMemo: q.hasMemo === undefined ? undefined : q.hasMemo === 'true',
  });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { context: 'querystring', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return parsed.data;
}

function sortOfQuery(value: string | undefined): OrderSort {
  if (!value) return DEFAULT_ORDER_SORT;
  const [field, direction = 'asc'] = value.split(':');
  const parsed = orderSortSchema.safeParse({ field, direction });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { field: 'sort', reason: 'expected field:asc|desc' });
  return parsed.data;
}

export interface OrderListRouteOptions {
  db: Db;
  /** When a count is answered with its estimate (src/server/order-counts/count-service.ts). */
  counts: CountPolicy;
}

export const orderListRoutes: FastifyPluginAsyncZod<OrderListRouteOptions> = async (app, { db, counts }) => {
  async function search(
    shopId: number,
    input: { filter: OrderFilter; sort: OrderSort; limit: number; cursor?: string | undefined; withTotal?: boolean; exactTotal?: boolean },
    lang: Lang,
  ): Promise<OrderListResponse> {
    // one `now` for the page and its count, so "last 7 days" means the same in both
    const now = new Date();
    const page = await listOrders(db, shopId, input, now, lang);
    if (input.withTotal === false) return { ...page, total: null, totalExact: null };
    const count = await countMatchingOrders(db, shopId, input.filter, now, { ...counts, exact: input.exactTotal });
    return { ...page, total: count.total, totalExact: count.exact };
  }

  app.get(
    '/api/v1/orders',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '주문 목록 (Order list)',
        description:
          'Keyword, statuses, channels and the like as query parameters; `sort=field:asc|desc` (default `orderedAt:desc`). ' +
          'Pages by `cursor` (`nextCursor` of the previous page). For periods, amounts and every other condition use POST /api/v1/orders/search.',
        querystring: orderListQuerySchema,
        response: { 200: orderListResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return search(principalOf(request).shopId, { filter: filterOfQuery(q), sort: sortOfQuery(q.sort), limit: q.limit, cursor: q.cursor }, languageOf(request));
    },
  );

  app.post(
    '/api/v1/orders/search',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '주문 검색 (Order list by a filter spec)',
        description:
          'The filter spec of tabs and saved filters (`OrderFilter`): every condition optional, combined with AND; lists match any of their values. ' +
          '`total` counts every matching order: exactly for the default tabs and whenever counting is cheap, otherwise the planner\'s estimate (`totalExact` false; `exactTotal: true` asks for the exact number). ' +
          'Reading only: nothing changes, so it needs no Idempotency-Key.',
        body: orderSearchRequestSchema,
        response: { 200: orderListResponseSchema, ...errorResponses },
      },
    },
    async (request) => search(principalOf(request).shopId, request.body, languageOf(request)),
  );

  app.post(
    '/api/v1/orders/count',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '주문 수 (How many orders match a filter spec)',
        description:
          'The `total` of POST /api/v1/orders/search on its own, so a screen can show the rows at once and the count when it is ready ' +
          '(a broad filter over millions of orders reads every match to count it). Filters of statuses only (the default tabs, 전체) are answered ' +
          'exactly from counters; any other filter exactly when the planner expects counting to be cheap, and otherwise with its estimate ' +
          '(`exact: false`, shown as 약 N건). `exact: true` in the request always counts.',
        body: orderCountRequestSchema,
        response: { 200: orderCountResponseSchema, ...errorResponses },
      },
    },
    async (request) => countMatchingOrders(db, principalOf(request).shopId, request.body.filter, new Date(), { ...counts, exact: request.body.exact }),
  );
};
