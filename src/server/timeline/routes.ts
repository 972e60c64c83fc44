import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { timelineQuerySchema, timelineResponseSchema } from '../../contracts/timeline';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses, orderIdParams } from '../http/route-schemas';
import { readTimeline } from './service';

export const timelineRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/orders/:orderId/timeline',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['timeline'],
        summary: '타임라인 (Order history with memos)',
        description: 'Every change of the order, newest first, with staff memos inline. `only=memos` shows memos only (메모만).',
        params: orderIdParams,
        querystring: timelineQuerySchema,
        response: { 200: timelineResponseSchema, ...errorResponses },
      },
    },
    async (request) => readTimeline(db, principalOf(request), request.params.orderId, request.query.only, languageOf(request)),
  );
};
