import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orderExportRequestSchema, PERSONAL_EXPORT_COLUMNS, XLSX_CONTENT_TYPE } from '../../contracts/excel';
import { exportJobSchema, orderExportQuerySchema } from '../../contracts/export-jobs';
import type { ColumnKey } from '../../contracts/views';
import type { PersonalField } from '../../domain/personal-data';
import { principalOf } from '../auth/plugin';
import { allows } from '../auth/principal';
import type { Db } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { xlsxHeaders, xlsxResponse } from './download';
import { ExportAborted, exportFileName, exportOrderIds, resolveExportSpec, writeOrdersWorkbook } from './export-service';
import { createExportJob, readExportJob, type ExportJobAction } from './export-jobs';
import type { ExportJobRunner } from './export-job-runner';
import { recordDownload } from './personal-export';

const fieldOfColumn = (c: ColumnKey): PersonalField => (c === 'ordererEmail' ? 'email' : c === 'recipientAddress' ? 'address' : 'phone');

/** Orders a download may write on the spot (in the request, on the main thread); more become a job. */
export const DEFAULT_STREAM_MAX_ORDERS = 2_000;

export interface ExportRouteOptions {
  db: Db;
  runner: ExportJobRunner;
  /** Above this many orders the export is a job (202); default DEFAULT_STREAM_MAX_ORDERS. */
  streamMaxOrders?: number | undefined;
}

export const exportRoutes: FastifyPluginAsyncZod<ExportRouteOptions> = async (app, { db, runner, streamMaxOrders = DEFAULT_STREAM_MAX_ORDERS }) => {
  app.post(
    '/api/v1/exports/orders',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['excel'],
        summary: '엑셀 다운로드 (Export orders as .xlsx)',
        description:
          `Answers the workbook itself (\`${XLSX_CONTENT_TYPE}\`), streamed as it is written, with the file name in Content-Disposition ` +
          '(주문목록_YYYYMMDD_HHmm.xlsx). Orders: a tab (`viewId`) or a filter spec (`filter`), optionally within a `period` (both must hold), ' +
          'or chosen `orderIds` (up to 10,000). Columns: `columns`, else the tab’s layout as the caller sees it, else the default layout; ' +
          'then 품목번호, 상품명, 옵션, 수량, 판매가, 품목상태 — one row per item, the order’s columns repeated. 품목번호 is the order item id, for the ' +
          'tracking-number upload. Order, item, tracking and phone numbers are text cells; money is numeric (#,##0); times are Asia/Seoul ' +
          '`YYYY-MM-DD HH:mm`. Headers in English with `Accept-Language: en`. Errors before the first byte answer JSON as usual; a failure ' +
          'mid-stream cuts the download short. Personal columns (연락처, 이메일, 수령인 연락처, 주소) come masked as in the list unless the caller ' +
          'has `personal.export` (owner, manager): then they are unmasked, `reason` (다운로드 사유) is required (400 EXPORT_REASON_REQUIRED) and the ' +
          'download is recorded in the personal-data access log with its order ids. Every download is written to the audit log. ' +
          `More than the server's streaming limit of orders (${DEFAULT_STREAM_MAX_ORDERS.toLocaleString('en')} by default), or any number with \`?async=true\`, ` +
          'answers 202 with an export job instead (Location: its URL): the workbook is written in the background, off the request; follow it with ' +
          '`GET /api/v1/exports/{exportId}` (status, progress done/total) and fetch the file from `GET /api/v1/exports/{exportId}/file` when done, for a day. ' +
          'The orders are the ones matching now, and the download is recorded now, as for a streamed file.',
        querystring: orderExportQuerySchema,
        body: orderExportRequestSchema,
        response: { 200: xlsxResponse('The workbook (주문목록_YYYYMMDD_HHmm.xlsx)'), 202: exportJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const lang = languageOf(request);
      const now = new Date();
      // everything that can be refused (an unknown tab …) is settled before the first byte
      const spec = await resolveExportSpec(db, principal, request.body, now);
      // personal columns come unmasked only to those who may export them, for a stated reason
      const personalColumns = (spec.columns ?? []).filter((c) => PERSONAL_EXPORT_COLUMNS.includes(c));
      const shown = personalColumns.length > 0 && allows(principal, 'personal.export');
      const reason = request.body.reason;
      if (shown && !reason) throw new AppError('EXPORT_REASON_REQUIRED', { columns: personalColumns });
      const ids = await exportOrderIds(db, principal.shopId, spec, now);
      const { orderIds: chosen, ...selection } = request.body;
      await recordDownload(db, principal, {
        file: 'orders',
        fileName: exportFileName(now, 'ko'),
        orderIds: ids,
        clientAddress: request.ip,
        personal: shown && reason ? { fields: [...new Set(personalColumns.map(fieldOfColumn))], reason } : null,
        selection: { ...selection, columns: spec.columns, ...(chosen ? { chosen: chosen.length } : {}) },
      });
      if (request.query.async === 'true' || ids.length > streamMaxOrders) {
        const action: ExportJobAction = {
          kind: 'orders',
          ids: ids.join(','),
          columns: [...(spec.columns ?? [])],
          lang,
          personal: shown ? 'shown' : 'masked',
          now: now.toISOString(),
          fileName: exportFileName(now, lang),
          asciiFileName: exportFileName(now, 'en'),
        };
        const jobId = await createExportJob(db, principal, action, { ...selection, ...(chosen ? { chosen: chosen.length } : {}) }, ids.length);
        runner.wake();
        return reply.code(202).header('location', `/api/v1/exports/${jobId}`).send(await readExportJob(db, principal.shopId, jobId, lang));
      }
      const out = new PassThrough();
      // a download cancelled while the zip is being finished makes the zip write into a closed
      // stream; that error is expected and must not take the process down
      out.on('error', () => undefined);
      writeOrdersWorkbook(db, principal.shopId, { ...spec, resolvedIds: ids, personal: shown ? 'shown' : 'masked' }, lang, out).catch((error: unknown) => {
        // the reader went away: Fastify has closed the stream already, nothing to report
        if (error instanceof ExportAborted) return;
        request.log.error({ err: error }, 'order export failed mid-stream');
        // headers are out, so the only way to tell the client is to cut the download short
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return xlsxHeaders(reply, exportFileName(now, lang), exportFileName(now, 'en')).send(out);
    },
  );
};
