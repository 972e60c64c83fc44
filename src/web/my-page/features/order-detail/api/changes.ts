import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  myChangeResultSchema,
  type MyChangeResult,
  type myCancellationRequestSchema,
  type myExchangeRequestSchema,
  type myPurchaseConfirmationSchema,
  type myReturnRequestSchema,
} from '../../../../../contracts/my';
import { api, ApiError, newIdempotencyKey } from '../../../app/api/client';
import { orderKey } from './order';

/** A buyer's change of one order, the body as the contract has it (expectedVersion: the version on screen). */
export type OrderChange =
  | { kind: 'cancel'; body: z.input<typeof myCancellationRequestSchema> }
  | { kind: 'return'; body: z.input<typeof myReturnRequestSchema> }
  | { kind: 'exchange'; body: z.input<typeof myExchangeRequestSchema> }
  | { kind: 'confirm'; body: z.input<typeof myPurchaseConfirmationSchema> }
  | { kind: 'withdraw'; claimId: number; body: { expectedVersion: number } };

function pathOf(orderNumber: string, change: OrderChange): string {
  const base = `/api/v1/my/orders/${encodeURIComponent(orderNumber)}`;
  switch (change.kind) {
    case 'cancel':
      return `${base}/cancellations`;
    case 'return':
      return `${base}/returns`;
    case 'exchange':
      return `${base}/exchanges`;
    case 'confirm':
      return `${base}/purchase-confirmations`;
    case 'withdraw':
      return `${base}/claims/${change.claimId}/withdraw`;
  }
}

/**
 * Sends a change with its own Idempotency-Key (one per submit) and reads the order again after it,
 * whatever the answer: a success changed it, and a refusal (409: changed meanwhile) means the
 * screen is behind.
 */
export function useOrderChange(orderNumber: string) {
  const queryClient = useQueryClient();
  return useMutation<MyChangeResult, Error, OrderChange>({
    mutationFn: (change) => api.post(pathOf(orderNumber, change), change.body, myChangeResultSchema, { idempotencyKey: newIdempotencyKey() }),
    onSettled: async (_result, error) => {
      if (error && !(error instanceof ApiError)) return;
      await Promise.all([queryClient.invalidateQueries({ queryKey: orderKey(orderNumber) }), queryClient.invalidateQueries({ queryKey: ['my', 'orders'] })]);
    },
  });
}
