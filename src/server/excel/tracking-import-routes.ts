import { webcrypto } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  TRACKING_IMPORT_MAX_BYTES,
  TRACKING_IMPORT_MAX_ROWS,
  TRACKING_IMPORT_MAX_UNCOMPRESSED_BYTES,
  trackingImportQuerySchema,
  trackingImportResultSchema,
  XLSX_CONTENT_TYPE,
  type TrackingImportResult,
} from '../../contracts/excel';
import { errorResponseSchema } from '../../contracts/errors';
import { courierOfHeaders } from '../../domain/courier-export-formats';
import { findCourier } from '../../domain/couriers';
import { principalOf } from '../auth/plugin';
import { principalScope } from '../auth/principal';
import type { Db } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { markReplayed } from '../http/idempotent-replay';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { runIdempotentStaged } from '../idempotency/service';
import { xlsxHeaders, xlsxResponse } from './download';
import { importTrackingNumbers } from './tracking-import-service';
import { assertXlsxBytes, readTrackingSheet, trackingTemplate } from './tracking-sheet';

/** Hashed in the thread pool (WebCrypto), so a 10 MB body does not hold up other requests. */
const sha256Of = async (bytes: Buffer) => Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');

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
      config: { access: 'orders.update' },
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
          '(code and message when rejected) and totals; a file that is not an .xlsx, or has no 주문번호/송장번호 header, answers 400.\n\n' +
          `Limits, checked while the file is read: the parts read (workbook, styles, shared strings, and the sheets up to the one with the header) may inflate to ` +
          `${TRACKING_IMPORT_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB in total — counted as they inflate, whatever sizes the zip declares — else 413 \`EXCEL_FILE_TOO_LARGE\` ` +
          `(details \`maxUncompressedBytes\`); the header is looked for in the first 10 rows of each sheet; more than ${TRACKING_IMPORT_MAX_ROWS.toLocaleString('en')} rows ` +
          'with any of the four columns filled answer 422 `EXCEL_TOO_MANY_ROWS` as soon as the first row past the limit is read (the rest is not), and nothing is applied.\n\n' +
          'An `Idempotency-Key` is bound to the file’s bytes: a retry with the same key and the same file answers the first outcome ' +
          '(`Idempotent-Replayed: true`) and ships nothing more — one sent while the first is still running, or after it was cut off, runs ' +
          'again and each order replays its own outcome; the same key with another file answers 422 `IDEMPOTENCY_KEY_REUSED` and applies nothing.\n\n' +
          'A courier’s own file (a 송장 출력 file returned by its program with 운송장번호 filled in) uploads as is: 고객주문번호 (or 배송그룹번호) names ' +
          'the parcel and stands in for 주문번호 — the row ships exactly that parcel’s units, stepping units still 결제완료/상품준비중 through ' +
          '배송대기 first. Without a 택배사 column, rows take `?courier=` (any spelling; 422 `TRACKING_COURIER_UNKNOWN` when it names none), else ' +
          'the courier whose 송장 출력 form the header row is.',
        consumes: [XLSX_CONTENT_TYPE, 'application/octet-stream'],
        querystring: trackingImportQuerySchema,
        headers: idempotencyHeaders,
        response: { 200: trackingImportResultSchema, ...errorResponses, 413: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const key = request.headers['idempotency-key'];
      // the file is read whole before its key is recorded: a file refused (not an .xlsx, too large,
      // too many rows, no header) writes nothing at all
      const named = request.query.courier;
      const picked = named === undefined ? null : findCourier(named);
      if (named !== undefined && !picked) throw new AppError('TRACKING_COURIER_UNKNOWN', { courier: named });
      const sheet = await readTrackingSheet(request.body);
      assertXlsxBytes(request.body);
      const recognised = courierOfHeaders(sheet.headers);
      const fileCourier = picked ?? (recognised === null ? null : findCourier(recognised));
      // the key is bound to the file's bytes (the request is them); without a key nothing is hashed
      const file = key !== undefined ? await sha256Of(request.body) : null;
      const result = await runIdempotentStaged<TrackingImportResult>(
        db,
        { shopId: principal.shopId, scope: principalScope(principal), key, request: { route: 'POST /api/v1/tracking-imports', file, courier: picked?.code } },
        async () => ({ status: 200, body: await importTrackingNumbers(db, principal, sheet, languageOf(request), key, fileCourier) }),
      );
      markReplayed(request, result.replayed);
      return reply.code(result.status).send(result.body);
    },
  );

  app.get(
    '/api/v1/tracking-imports/template',
    {
      config: { access: 'orders.read' },
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
