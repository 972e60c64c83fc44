import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { courierListSchema } from '../../contracts/couriers';
import { COURIERS } from '../../domain/couriers';
import { errorResponses } from '../http/route-schemas';

/** The courier table, for the pickers of the admin app and integrations. */
export const courierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/couriers',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['fulfillment'],
        summary: '택배사 목록 (Couriers)',
        description:
          'Every courier the server knows, in picker order: its code and its Korean and English names. Parcels store the code; wherever a ' +
          'courier is sent (status changes, bulk ship, claim pickups and re-shipments, the order filter, the tracking upload) any name or usual ' +
          'spelling of one is stored as its code. Another name is stored as typed (refused only by the tracking upload).',
        response: { 200: courierListSchema, ...errorResponses },
      },
    },
    async () => ({ couriers: COURIERS.map(({ code, ko, en }) => ({ code, ko, en })) }),
  );
};
