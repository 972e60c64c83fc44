import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSavedFilterSchema, savedFilterListResponseSchema, savedFilterParams, savedFilterSchema, updateSavedFilterSchema } from '../../contracts/saved-filters';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { runViewChange } from '../views/change';
import { createSavedFilter, deleteSavedFilter, listSavedFilters, updateSavedFilter } from './service';

const tags = ['saved-filters'];

/** 저장된 필터, shared by the shop like its tabs and with the same rule: staff and up change them, viewers read. */
export const savedFilterRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/saved-filters',
    { config: { access: 'orders.read' }, schema: { tags, summary: '저장된 필터 목록 (Saved filters, by name)', response: { 200: savedFilterListResponseSchema, ...errorResponses } } },
    async (request) => listSavedFilters(db, principalOf(request)),
  );

  app.post(
    '/api/v1/saved-filters',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '필터 저장 (Save a filter)',
        description: 'Names are unique in the shop (`SAVED_FILTER_NAME_TAKEN`); at most 100 (`TOO_MANY_SAVED_FILTERS`).',
        headers: idempotencyHeaders,
        body: createSavedFilterSchema,
        response: { 201: savedFilterSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runViewChange(db, request, 201, (tx, staff, now) => createSavedFilter(tx, staff, request.body, now));
      return reply.code(status).send(body);
    },
  );

  app.patch(
    '/api/v1/saved-filters/:savedFilterId',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '저장된 필터 수정 (Rename a saved filter or change its conditions)',
        params: savedFilterParams,
        headers: idempotencyHeaders,
        body: updateSavedFilterSchema,
        response: { 200: savedFilterSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff) => updateSavedFilter(tx, staff, request.params.savedFilterId, request.body))).body,
  );

  app.delete(
    '/api/v1/saved-filters/:savedFilterId',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '저장된 필터 삭제 (Delete a saved filter)',
        description: 'Answers the saved filters that remain.',
        params: savedFilterParams,
        headers: idempotencyHeaders,
        response: { 200: savedFilterListResponseSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff) => deleteSavedFilter(tx, staff, request.params.savedFilterId))).body,
  );
};
