import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TRACKING_IMPORT_MAX_BYTES, TRACKING_IMPORT_MAX_ROWS, trackingImportResultSchema, XLSX_CONTENT_TYPE } from '../../contracts/excel';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { xlsxHeaders, xlsxResponse } from './download';
import { importTrackingNumbers } from './tracking-import-service';
import { readTrackingSheet, trackingTemplate } from './tracking-sheet';

/**
 * 송장 일괄 등록. The file is the request body itself (no multipart): the .xlsx content type — or
 * application/octet-stream — is parsed as raw bytes, in this plugin only, up to 10 MB.
 */
export const trackingImportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addContentTypeParser([XLSX_CONTENT_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: TRACKING_IMPORT_MAX_BYTES }, (_request, body, done) => {
    done(null, body);
  });

  app.post(
    '/api/v1/tracking-imports',
    {
      config: { access: 'write' },
      bodyLimit: TRACKING_IMPORT_MAX_BYTES,
      schema: {
        tags: ['excel'],
        summary: '송장 일괄 등록 (Upload tracking numbers from .xlsx)',
        description:
          `The body is the .xlsx file (\`Content-Type: ${XLSX_CONTENT_TYPE}\`, up to 10 MB and ${TRACKING_IMPORT_MAX_ROWS.toLocaleString('en')} rows). ` +
          'Columns are found by header: 주문번호 and 송장번호 (required), 택배사, 품목번호 (optional; English headers too) — an exported order file ' +
          'filled in works as is. Each row ships the 배송대기 units of its order (or of its item) as one parcel with that courier and ' +
          'tracking number, through the same status change as by hand (timeline, version). All rows of one order apply together or not ' +
          'at all; orders are independent. Rows with neither courier nor tracking number are skipped. Answers 200 with a verdict per row ' +
          '(code and message when rejected) and totals; a file that is not an .xlsx, or has no 주문번호/송장번호 header, answers 400. ' +
          'An `Idempotency-Key` makes a retried upload replay each order’s outcome.',
        consumes: [XLSX_CONTENT_TYPE, 'application/octet-stream'],
        headers: idempotencyHeaders,
        response: { 200: trackingImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await readTrackingSheet(request.body);
      const key = request.headers['idempotency-key'];
      return importTrackingNumbers(db, principalOf(request), rows, languageOf(request), typeof key === 'string' ? key : undefined);
    },
  );

  app.get(
    '/api/v1/tracking-imports/template',
    {
      config: { access: 'read' },
      schema: {
        tags: ['excel'],
        summary: '송장 일괄 등록 양식 (Upload template)',
        description: `An .xlsx (\`${XLSX_CONTENT_TYPE}\`) with the header row 주문번호, 품목번호, 택배사, 송장번호 (English with \`Accept-Language: en\`), one example row, and the accepted couriers on a second sheet.`,
        response: { 200: xlsxResponse('The upload template (송장일괄등록_양식.xlsx)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const lang = languageOf(request);
      const body = await trackingTemplate(lang);
      return xlsxHeaders(reply, lang === 'ko' ? '송장일괄등록_양식.xlsx' : 'tracking_numbers_template.xlsx', 'tracking_numbers_template.xlsx').send(body);
    },
  );
};
