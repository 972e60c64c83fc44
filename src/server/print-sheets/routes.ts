import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { printSheetsRequestSchema, printSheetsResponseSchema } from '../../contracts/print-sheets';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { readPrintSheets } from './service';

export const printSheetRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/orders/print-sheets',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '주문서·거래명세서 출력 (Print sheets)',
        description:
          'Reads what the packing list (주문서) and the statement (거래명세서) print, one page per order: order number and time, buyer, channel, ' +
          'each address with its recipient, 배송 메모 and the items going there (product, option, quantity, unit price, amount; units in a ' +
          'cancel, return or exchange are left out and counted in `leftOut`), the order’s totals with 공급가액/세액, and the shop’s 고객센터. ' +
          'Orders: chosen `orderIds` (up to 500, in that order; one that is not the shop’s answers 404 ORDER_NOT_FOUND with the ids), or a tab ' +
          '(`viewId`) or a filter spec (`filter`), optionally within a `period`, in the tab’s sort — more than 500 matches answer 422 ' +
          'PRINT_TOO_MANY_ORDERS with `details.matched`. Names, phones and addresses unmasked with `personal.view` ' +
          '(recorded in the personal-data access log as `export`, reason 출력), masked for viewers; every print is written to the audit log.',
        body: printSheetsRequestSchema,
        response: { 200: printSheetsResponseSchema, ...errorResponses },
      },
    },
    async (request) => readPrintSheets(db, principalOf(request), request.body, languageOf(request), new Date(), request.ip),
  );
};
