import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  COURIER_EXPORT_CODES,
  COURIER_EXPORT_FORMATS,
  courierExportFormatListSchema,
  createShippingExportFormSchema,
  shippingExportFormListSchema,
  shippingExportFormParams,
  shippingExportFormSchema,
  shippingExportRequestSchema,
  updateShippingExportFormSchema,
} from '../../contracts/shipping-export';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { runViewChange } from '../views/change';
import { xlsxHeaders, xlsxResponse } from './download';
import { orderIdsInOrder } from './export-query';
import { recordDownload } from './personal-export';
import { ExportAborted } from './export-service';
import { resolveShippingExport, shippingExportFileName, writeShippingWorkbook } from './shipping-export-service';
import { createShippingExportForm, deleteShippingExportForm, listShippingExportForms, updateShippingExportForm } from './shipping-forms-service';

const tags = ['excel'];

/**
 * 택배 송장 출력: the file for a courier's bulk-label program, the couriers' forms, and the shop's
 * own forms (staff and up change them, viewers export with them — like tabs and saved filters).
 */
export const shippingExportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/orders/shipping-export',
    {
      config: { access: 'personal.export' },
      schema: {
        tags,
        summary: '송장 출력 (Export parcels for a courier’s bulk-label upload)',
        description:
          'Answers an .xlsx streamed as it is written (송장출력_<form>_YYYYMMDD_HHmm.xlsx). Orders as in the order export (`viewId` or `filter`, ' +
          'optionally within `period`; or `orderIds`); of them, every parcel — a shipment group of units 결제완료, 상품준비중 or 배송대기 going to one ' +
          'address, not held for an additional payment — is one row (or one row per item in a shop form with `row_per_item`). Form: a courier’s ' +
          `(\`format\`: ${COURIER_EXPORT_CODES.join(', ')}; see GET /api/v1/shipping-export-formats) or the shop’s (\`formId\`). 고객주문번호 is the ` +
          'parcel id (배송그룹번호): the courier’s program hands it back beside the tracking number, and POST /api/v1/tracking-imports ships exactly ' +
          'that parcel. Text cells but 수량 and 박스수량. The file carries names, phones and addresses: each download is recorded in the ' +
          'personal-data access log (purpose `export`, reason 송장 출력, the order ids) and the audit log.',
        body: shippingExportRequestSchema,
        response: { 200: xlsxResponse('The workbook (송장출력_<form>_YYYYMMDD_HHmm.xlsx)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const lang = languageOf(request);
      const now = new Date();
      const spec = await resolveShippingExport(db, principal, request.body, now);
      // labels need the names, phones and addresses themselves: a recorded download, its reason the labels
      const ids = await orderIdsInOrder(db, principal.shopId, spec.selection, now);
      const { orderIds: chosen, ...selection } = request.body;
      await recordDownload(db, principal, {
        file: 'shipping',
        fileName: shippingExportFileName(spec.layout, now, 'ko'),
        orderIds: ids,
        clientAddress: request.ip,
        personal: { fields: ['name', 'phone', 'address'], reason: '송장 출력' },
        selection: { ...selection, ...(chosen ? { chosen: chosen.length } : {}) },
      });
      const out = new PassThrough();
      out.on('error', () => undefined);
      writeShippingWorkbook(db, principal.shopId, { ...spec, resolvedIds: ids }, lang, out).catch((error: unknown) => {
        if (error instanceof ExportAborted) return;
        request.log.error({ err: error }, 'shipping export failed mid-stream');
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return xlsxHeaders(reply, shippingExportFileName(spec.layout, now, lang), shippingExportFileName(spec.layout, now, 'en')).send(out);
    },
  );

  app.get(
    '/api/v1/shipping-export-formats',
    {
      config: { access: 'orders.read' },
      schema: { tags, summary: '택배사 송장 출력 양식 (The couriers’ bulk-label forms)', response: { 200: courierExportFormatListSchema, ...errorResponses } },
    },
    async () => ({
      formats: COURIER_EXPORT_CODES.map((code) => {
        const f = COURIER_EXPORT_FORMATS[code];
        return { code, ko: f.ko, en: f.en, verified: f.verified, columns: [...f.columns] };
      }),
    }),
  );

  app.get(
    '/api/v1/shipping-export-forms',
    { config: { access: 'orders.read' }, schema: { tags, summary: '송장 출력 양식 목록 (The shop’s shipping export forms, by name)', response: { 200: shippingExportFormListSchema, ...errorResponses } } },
    async (request) => listShippingExportForms(db, principalOf(request).shopId),
  );

  app.post(
    '/api/v1/shipping-export-forms',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '송장 출력 양식 저장 (Save a shipping export form)',
        description: 'Columns left to right (`field`, `header`), items merged into one cell or a row each. Names are unique in the shop (409 `SHIPPING_EXPORT_FORM_NAME_TAKEN`); at most 50.',
        headers: idempotencyHeaders,
        body: createShippingExportFormSchema,
        response: { 201: shippingExportFormSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runViewChange(db, request, 201, (tx, staff, now) => createShippingExportForm(tx, staff, request.body, now));
      return reply.code(status).send(body);
    },
  );

  app.patch(
    '/api/v1/shipping-export-forms/:formId',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '송장 출력 양식 수정 (Change a shipping export form)',
        params: shippingExportFormParams,
        headers: idempotencyHeaders,
        body: updateShippingExportFormSchema,
        response: { 200: shippingExportFormSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff, now) => updateShippingExportForm(tx, staff, request.params.formId, request.body, now))).body,
  );

  app.delete(
    '/api/v1/shipping-export-forms/:formId',
    {
      config: { access: 'views.write' },
      schema: {
        tags,
        summary: '송장 출력 양식 삭제 (Delete a shipping export form)',
        description: 'Answers the forms that remain.',
        params: shippingExportFormParams,
        headers: idempotencyHeaders,
        response: { 200: shippingExportFormListSchema, ...errorResponses },
      },
    },
    async (request) => (await runViewChange(db, request, 200, (tx, staff) => deleteShippingExportForm(tx, staff, request.params.formId))).body,
  );
};
