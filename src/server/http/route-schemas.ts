import { z } from 'zod';
import { id } from '../../contracts/common';
import { errorResponseSchema } from '../../contracts/errors';

/** Pieces every route schema shares, so each route states only what is its own. */
export const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });
export const orderIdParams = z.object({ orderId: z.coerce.number().pipe(id) });
