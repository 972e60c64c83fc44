import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { productListQuerySchema, productListResponseSchema, productParams, productSchema } from '../../contracts/products';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses } from '../http/route-schemas';
import { getProduct, listProducts } from './service';

const tags = ['products'];

/** The catalog, read only: what staff search when they add an item to an order or filter the list by product. */
export const productRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/products',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '상품 검색 (Search the catalog by name)',
        description:
          '`keyword` matches any part of the name, case-insensitively (`그래` finds 수제 그래놀라). Products on sale first, then hidden ones, ' +
          'each by name, with their options. Pages by `cursor` (`nextCursor` of the previous page, same keyword).',
        querystring: productListQuerySchema,
        response: { 200: productListResponseSchema, ...errorResponses },
      },
    },
    async (request) => listProducts(db, principalOf(request).shopId, request.query),
  );

  app.get(
    '/api/v1/products/:productId',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '상품 (A product with its options)',
        description: 'Another shop’s product answers 404 `CATALOG_PRODUCT_NOT_FOUND`, like one that does not exist.',
        params: productParams,
        response: { 200: productSchema, ...errorResponses },
      },
    },
    async (request) => getProduct(db, principalOf(request).shopId, request.params.productId),
  );
};
