import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/client';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { refundRoutes } from '../payments/refunds/routes';
import { cancelRoutes } from './cancel-routes';
import { claimFlowRoutes } from './flow-routes';

/** Cancels, returns, exchanges and their refunds (registered by app.ts in one line). */
export const claimRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, options) => {
  await app.register(cancelRoutes, options);
  await app.register(claimFlowRoutes, options);
  await app.register(refundRoutes, options);
};
