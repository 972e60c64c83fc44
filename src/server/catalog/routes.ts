import type { FastifyRequest } from 'fastify';
import { markReplayed } from '../http/idempotent-replay';
import { idempotencyContextOf, runIdempotentRequest } from '../idempotency/for-request';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  catalogBatchRequestSchema,
  catalogBatchResponseSchema,
  catalogListQuerySchema,
  catalogListResponseSchema,
  catalogProductInputSchema,
  catalogProductParams,
  catalogProductSchema,
  type CatalogProduct,
} from '../../contracts/catalog';
import { errorResponseSchema } from '../../contracts/errors';
import { principalOf } from '../auth/plugin';
import type { Db, Tx } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { isUniqueViolation, runIdempotentStaged, type StoredResponse } from '../idempotency/service';
import { runCatalogBatch } from './batch';
import { deactivateProduct, getCatalogProduct, listCatalog, upsertProduct } from './service';

const tags = ['catalog'];

/** One product change in one transaction, once per Idempotency-Key. */
async function runProductChange(db: Db, request: FastifyRequest, work: (tx: Tx, shopId: number, now: Date) => Promise<StoredResponse<CatalogProduct>>) {
  try {
    return await runIdempotentRequest(db, request, work);
  } catch (error) {
    // two requests created the same product or option id at once: the loser may simply retry
    if (isUniqueViolation(error)) throw new AppError('CATALOG_CONCURRENT_CHANGE');
    throw error;
  }
}

/**
 * The Catalog API: a storefront (its API key) or a manager writes products by the storefront's own
 * ids. `integrate` access for reads too: the external ids and the whole option list are the
 * integration's business; staff pick products through GET /api/v1/products.
 */
export const catalogRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.put(
    '/api/v1/catalog/products/:externalId',
    {
      config: { access: 'catalog.write' },
      schema: {
        tags,
        summary: '상품 등록·수정 (Upsert a product and its options by the storefront’s ids)',
        description:
          'Creates the product (201) or makes it what the body says (200); a body equal to what is stored writes nothing. Options are matched by ' +
          '`externalId`; options missing from the body become inactive, never deleted. `values` name each of `optionNames` once ' +
          '(`CATALOG_OPTION_VALUES_MISMATCH`); an option id another product holds answers 409 `CATALOG_OPTION_ID_TAKEN`. ' +
          'A deactivated product is reactivated by a PUT.',
        params: catalogProductParams,
        headers: idempotencyHeaders,
        body: catalogProductInputSchema,
        response: { 200: catalogProductSchema, 201: catalogProductSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runProductChange(db, request, async (tx, shopId, now) => {
        const { outcome, product } = await upsertProduct(tx, shopId, request.params.externalId, request.body, now);
        return { status: outcome === 'created' ? 201 : 200, body: product };
      });
      return reply.code(status).send(body);
    },
  );

  app.post(
    '/api/v1/catalog/products/batch',
    {
      config: { access: 'catalog.write' },
      schema: {
        tags,
        summary: '상품 일괄 등록·수정 (Upsert up to 1,000 products)',
        description:
          'Each row is a `CatalogBatchRow`, validated and applied on its own: the answer lists every row with `created`, `updated`, ' +
          '`unchanged` or `refused` (and its error). Rows are applied 100 to a transaction. More than 1,000 rows answer 413 ' +
          '`CATALOG_BATCH_TOO_LARGE` and nothing is applied. With an Idempotency-Key a repeat answers the first answer.',
        headers: idempotencyHeaders,
        body: catalogBatchRequestSchema,
        response: { 200: catalogBatchResponseSchema, 413: errorResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const shopId = principalOf(request).shopId;
      // chunks commit one by one, so the key is bound first and the answer stored at the end
      const outcome = await runIdempotentStaged(db, idempotencyContextOf(request), async () => ({
        status: 200,
        body: await runCatalogBatch(db, shopId, request.body.products, languageOf(request), new Date()),
      }));
      markReplayed(request, outcome.replayed);
      return reply.code(outcome.status).send(outcome.body);
    },
  );

  app.get(
    '/api/v1/catalog/products',
    {
      config: { access: 'catalog.write' },
      schema: {
        tags,
        summary: '상품 목록 (The catalog, by Jumun id)',
        description: '`keyword` matches part of the name or of the external id. Deactivated products are listed too; filter with `status`.',
        querystring: catalogListQuerySchema,
        response: { 200: catalogListResponseSchema, ...errorResponses },
      },
    },
    async (request) => listCatalog(db, principalOf(request).shopId, request.query),
  );

  app.get(
    '/api/v1/catalog/products/:externalId',
    {
      config: { access: 'catalog.write' },
      schema: {
        tags,
        summary: '상품 (A product by the storefront’s id)',
        description: 'Another shop’s id answers 404 `CATALOG_EXTERNAL_PRODUCT_NOT_FOUND`, like one that does not exist.',
        params: catalogProductParams,
        response: { 200: catalogProductSchema, ...errorResponses },
      },
    },
    async (request) => getCatalogProduct(db, principalOf(request).shopId, request.params.externalId),
  );

  app.post(
    '/api/v1/catalog/products/:externalId/deactivate',
    {
      config: { access: 'catalog.write' },
      schema: {
        tags,
        summary: '상품 판매 중지 (Deactivate a product and its options)',
        description: 'Status `inactive`, every option inactive; items of past orders keep their snapshot. Repeating it changes nothing. A PUT reactivates.',
        params: catalogProductParams,
        headers: idempotencyHeaders,
        response: { 200: catalogProductSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runProductChange(db, request, async (tx, shopId, now) => ({
        status: 200,
        body: await deactivateProduct(tx, shopId, request.params.externalId, now),
      }));
      return reply.code(status).send(body);
    },
  );
};
