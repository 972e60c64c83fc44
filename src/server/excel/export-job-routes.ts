import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportJobIdParams, exportJobSchema } from '../../contracts/export-jobs';
import { principalOf } from '../auth/plugin';
import { allows } from '../auth/principal';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { xlsxHeaders, xlsxResponse } from './download';
import { openExportFile, readExportJob } from './export-jobs';

/** An export job (엑셀 다운로드 written in the background) and its file: any staff of the shop who may read orders. */
export const exportJobRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/exports/:exportId',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['excel'],
        summary: '엑셀 다운로드 작업 (An export job)',
        description:
          'An export answered 202 by `POST /api/v1/exports/orders`: `status` queued → running → done (or failed), `progress` as orders written of all ' +
          '(`done`/`total`), and once done `fileUrl`, the file’s `bytes` and `rows`, and `expiresAt` (a day after it finished; then `expired`). ' +
          'A job survives a restart: one interrupted is written again from the start by the next server. Another shop’s id answers 404.',
        params: exportJobIdParams,
        response: { 200: exportJobSchema, ...errorResponses },
      },
    },
    async (request) => readExportJob(db, principalOf(request).shopId, request.params.exportId, languageOf(request)),
  );

  app.get(
    '/api/v1/exports/:exportId/file',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['excel'],
        summary: '엑셀 파일 받기 (Fetch an export job’s file)',
        description:
          'The finished workbook, as the streamed export would have answered it (주문목록_YYYYMMDD_HHmm.xlsx, Content-Length set). 409 EXPORT_FILE_NOT_READY ' +
          'while it is written, 409 EXPORT_JOB_FAILED when it could not be, 410 EXPORT_FILE_EXPIRED a day after it finished. A file with unmasked ' +
          'personal data is only for `personal.export` (403 EXPORT_PERSONAL_FORBIDDEN); its download was recorded in the access log when it was asked for.',
        params: exportJobIdParams,
        response: { 200: xlsxResponse('The workbook (주문목록_YYYYMMDD_HHmm.xlsx)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const file = await openExportFile(db, principal.shopId, request.params.exportId, allows(principal, 'personal.export'));
      return xlsxHeaders(reply, file.fileName, file.asciiFileName).header('content-length', file.bytes).send(file.body);
    },
  );
};
