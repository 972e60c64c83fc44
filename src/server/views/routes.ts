import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CountPolicy } from '../order-counts/count-service';
import {
  createViewSchema,
  reorderViewsSchema,
  updateViewSchema,
  viewCountsResponseSchema,
  viewDiffSchema,
  viewLayoutSchema,
  viewListResponseSchema,
  viewParams,
  viewSchema,
  viewStateSchema,
} from '../../contracts/views';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { runViewChange } from './change';
import { clearPersonalLayout, countViews, createView, deleteView, diffAgainstView, getView, listViews, reorderViews, setPersonalLayout, updateView } from './service';

const tags = ['views'];

/**
 * Tabs of the order list. Who may do what: every staff member, viewers too, reads the tabs and
 * keeps their own column layout (`read`); staff and up create, change, reorder and delete the
 * shared tabs (`write`) — the announcement presents tabs as every operator's tool for their own
 * daily work, and a shop of a few people has no one else to ask. Viewers only look.
 */
export const viewRoutes: FastifyPluginAsyncZod<{ db: Db; counts: CountPolicy }> = async (app, { db, counts }) => {
  app.get(
    '/api/v1/views',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '탭 목록 (Tabs of the order list)',
        description: 'The shop’s tabs in order, 전체 first, each with filter, sort and columns; columns are the caller’s own layout when they keep one (`personalLayout`).',
        response: { 200: viewListResponseSchema, ...errorResponses },
      },
    },
    async (request) => listViews(db, principalOf(request)),
  );

  app.get(
    '/api/v1/views/counts',
    {
      config: { access: 'orders.read' },
      schema: { tags, summary: '탭별 주문 수 (Order count of every tab)', response: { 200: viewCountsResponseSchema, ...errorResponses } },
    },
    async (request) => countViews(db, principalOf(request), new Date(), counts),
  );

  app.get(
    '/api/v1/views/:viewId',
    { config: { access: 'orders.read' }, schema: { tags, summary: '탭 (One tab)', params: viewParams, response: { 200: viewSchema, ...errorResponses } } },
    async (request) => getView(db, principalOf(request), request.params.viewId),
  );

  app.post(
    '/api/v1/views',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '탭 추가 (Add a tab)',
        description: 'Added after the last tab; at most 30 tabs (`TOO_MANY_VIEWS`), names unique in the shop (`VIEW_NAME_TAKEN`).',
        headers: idempotencyHeaders,
        body: createViewSchema,
        response: { 201: viewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runViewChange(db, request, 201, (tx, staff, now) => createView(tx, staff, request.body, now));
      return reply.code(status).send(body);
    },
  );

  app.patch(
    '/api/v1/views/:viewId',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '탭 수정 (Rename a tab, change its filter, sort or shared columns)',
        description: '전체 keeps its name and selects every order (`VIEW_LOCKED`); its sort and columns may change.',
        params: viewParams,
        headers: idempotencyHeaders,
        body: updateViewSchema,
        response: { 200: viewSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff, now) => updateView(tx, staff, request.params.viewId, request.body, now))).body,
  );

  app.post(
    '/api/v1/views/reorder',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '탭 순서 변경 (Reorder the tabs)',
        description: 'Every tab id once, in the new order, 전체 first (`VIEW_ORDER_INCOMPLETE`, `VIEW_LOCKED`).',
        headers: idempotencyHeaders,
        body: reorderViewsSchema,
        response: { 200: viewListResponseSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff) => reorderViews(tx, staff, request.body.ids))).body,
  );

  app.delete(
    '/api/v1/views/:viewId',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '탭 삭제 (Delete a tab)',
        description: 'For every staff member; answers the remaining tabs. 전체 cannot be deleted (`VIEW_LOCKED`).',
        params: viewParams,
        headers: idempotencyHeaders,
        response: { 200: viewListResponseSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff) => deleteView(tx, staff, request.params.viewId))).body,
  );

  app.put(
    '/api/v1/views/:viewId/layout',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '내 관리 항목 설정 (My own columns for a tab)',
        description: 'Only the signed-in staff member’s view changes. Columns left out are kept hidden at the end.',
        params: viewParams,
        headers: idempotencyHeaders,
        body: viewLayoutSchema,
        response: { 200: viewSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff, now) => setPersonalLayout(tx, staff, request.params.viewId, request.body.columns, now))).body,
  );

  app.delete(
    '/api/v1/views/:viewId/layout',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '내 관리 항목 초기화 (Back to the shared columns)',
        params: viewParams,
        headers: idempotencyHeaders,
        response: { 200: viewSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff) => clearPersonalLayout(tx, staff, request.params.viewId))).body,
  );

  app.post(
    '/api/v1/views/:viewId/diff',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '저장되지 않은 변경 (What differs from the saved tab)',
        description:
          'Compares the list’s current filter, sort and columns with the tab as the caller sees it. Filters compare by what they select: value order, repeats and empty conditions do not count. Changes nothing.',
        params: viewParams,
        body: viewStateSchema,
        response: { 200: viewDiffSchema, ...errorResponses },
      },
    },
    async (request) => diffAgainstView(db, principalOf(request), request.params.viewId, request.body),
  );
};
