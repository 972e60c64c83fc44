import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkJobIdParams, bulkJobItemsQuerySchema, bulkJobItemsSchema, bulkJobListSchema, bulkJobSchema, bulkPreviewSchema, bulkRequestSchema } from '../../contracts/bulk-jobs';
import { principalOf, requirePermission } from '../auth/plugin';
import type { Principal } from '../auth/principal';
import type { BulkAction } from '../../contracts/bulk-jobs';
import { auditActorOf, recordAuditEvent } from '../audit/record';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { markReplayed } from '../http/idempotent-replay';
import { cancelBulkJob, createBulkJob, listBulkJobItems, listBulkJobs, readBulkJob } from './job-service';
import { previewBulk } from './preview-service';
import type { BulkJobRunner } from './runner';

const ACTIONS =
  ' Actions: confirm_deposit (입금확인), start_preparing (상품준비중), mark_ready_to_ship (배송대기), ship (배송중, a courier and tracking number per order), ' +
  'mark_delivered (배송완료), confirm_purchase (구매확정), cancel (전체 취소 with the refund as proposed), add_memo (메모). ' +
  'Orders with an open cancel, return or exchange are left out of every action but a memo.';

/** Cancelling many orders at once is a manager's (bulk.cancel), beyond the routes' bulk.run; its preview too. */
function requireActionPermission(principal: Principal, action: BulkAction) {
  if (action.type === 'cancel') requirePermission(principal, 'bulk.cancel');
}

/** 일괄 처리: preview, start, follow and stop bulk jobs. */
export const bulkJobRoutes: FastifyPluginAsyncZod<{ db: Db; runner: BulkJobRunner }> = async (app, { db, runner }) => {
  app.post(
    '/api/v1/bulk-jobs/preview',
    {
      config: { access: 'bulk.run' },
      schema: {
        tags: ['bulk-jobs'],
        summary: '일괄 처리 미리보기 (Preview a bulk action)',
        description: 'Changes nothing. How many orders match, how many the action will process, and the others grouped by why ("이미 배송중 12건").' + ACTIONS,
        body: bulkRequestSchema,
        response: { 200: bulkPreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      requireActionPermission(principal, request.body.action);
      return previewBulk(db, principal.shopId, request.body.selection, request.body.action, new Date(), languageOf(request));
    },
  );

  app.post(
    '/api/v1/bulk-jobs',
    {
      config: { access: 'bulk.run' },
      schema: {
        tags: ['bulk-jobs'],
        summary: '일괄 처리 시작 (Start a bulk job)',
        description:
          'Takes the matching orders as of now and processes them in the background in batches; answers 202 with the job. ' +
          'Each order is processed at most once, with its timeline event; the job survives a restart. An `Idempotency-Key` makes a retry answer the same job.' +
          ACTIONS,
        headers: idempotencyHeaders,
        body: bulkRequestSchema,
        response: { 202: bulkJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      requireActionPermission(principal, request.body.action);
      const key = request.headers['idempotency-key'];
      const { jobId, replayed } = await createBulkJob(db, principal, request.body, typeof key === 'string' ? key : undefined);
      markReplayed(request, replayed);
      runner.wake();
      const job = await readBulkJob(db, principal.shopId, jobId, languageOf(request));
      const actor = auditActorOf(principal);
      if (!replayed) {
        await recordAuditEvent(db, {
          kind: 'bulk_job_started', ...actor, subject: job.actionLabel, clientAddress: request.ip,
          detail: { ...actor.detail, jobId, action: request.body.action.type, count: job.total },
        });
      }
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/v1/bulk-jobs',
    {
      config: { access: 'orders.read' },
      schema: { tags: ['bulk-jobs'], summary: '최근 일괄 처리 (Recent bulk jobs)', response: { 200: bulkJobListSchema, ...errorResponses } },
    },
    async (request) => ({ items: await listBulkJobs(db, principalOf(request).shopId, languageOf(request)) }),
  );

  app.get(
    '/api/v1/bulk-jobs/:jobId',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['bulk-jobs'],
        summary: '일괄 처리 진행 (A bulk job and its progress)',
        description: '`done` of `total` orders settled so far: `processed`, `skipped` and `failed`, with the skipped and failed ones grouped by reason.',
        params: bulkJobIdParams,
        response: { 200: bulkJobSchema, ...errorResponses },
      },
    },
    async (request) => readBulkJob(db, principalOf(request).shopId, request.params.jobId, languageOf(request)),
  );

  app.get(
    '/api/v1/bulk-jobs/:jobId/items',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['bulk-jobs'],
        summary: '일괄 처리 결과 주문 (The orders of a bulk job with their outcome)',
        params: bulkJobIdParams,
        querystring: bulkJobItemsQuerySchema,
        response: { 200: bulkJobItemsSchema, ...errorResponses },
      },
    },
    async (request) => listBulkJobItems(db, principalOf(request).shopId, request.params.jobId, request.query, languageOf(request)),
  );

  app.post(
    '/api/v1/bulk-jobs/:jobId/cancel',
    {
      config: { access: 'bulk.run' },
      schema: {
        tags: ['bulk-jobs'],
        summary: '일괄 처리 중지 (Stop a bulk job)',
        description: 'Stops the job after the batch in hand; orders already processed stay processed, the rest stay pending.',
        params: bulkJobIdParams,
        response: { 200: bulkJobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { shopId } = principalOf(request);
      await cancelBulkJob(db, shopId, request.params.jobId);
      return readBulkJob(db, shopId, request.params.jobId, languageOf(request));
    },
  );
};
