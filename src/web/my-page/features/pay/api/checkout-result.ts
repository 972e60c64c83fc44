import { useQuery, useQueryClient } from '@tanstack/react-query';
import { myCheckoutResultSchema, type MyCheckoutResult } from '../../../../../contracts/my';
import { api, newIdempotencyKey } from '../../../app/api/client';

/**
 * What the payment window handed back, told to the server once: a query (not a mutation) so a
 * second render or React's double effects in development never confirm twice, and never retried
 * by itself (the page offers 다시 시도; the server answers a repeat without charging twice).
 */
function useReport(key: readonly unknown[], enabled: boolean, send: () => Promise<MyCheckoutResult>) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: key,
    enabled,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async () => {
      const result = await send();
      // the order changed (paid, or the attempt closed): lists and the order read it again
      await queryClient.invalidateQueries({ queryKey: ['my', 'orders'] });
      await queryClient.invalidateQueries({ queryKey: ['my', 'order', result.orderNumber] });
      return result;
    },
  });
}

export interface SuccessParams {
  paymentKey: string;
  orderId: string;
  amount: number;
}

export function useConfirmCheckout(params: SuccessParams | null) {
  return useReport(['my', 'checkout-confirm', params?.paymentKey ?? '', params?.orderId ?? ''], params !== null, () =>
    api.post('/api/v1/my/checkouts/confirm', params, myCheckoutResultSchema, { idempotencyKey: newIdempotencyKey() }),
  );
}

export interface FailParams {
  orderId: string;
  code: string;
  message: string | null;
}

export function useReportCheckoutFailure(params: FailParams | null) {
  return useReport(['my', 'checkout-fail', params?.orderId ?? '', params?.code ?? ''], params !== null, () =>
    api.post('/api/v1/my/checkouts/fail', { orderId: params?.orderId, code: params?.code, ...(params?.message ? { message: params.message.slice(0, 500) } : {}) }, myCheckoutResultSchema, {
      idempotencyKey: newIdempotencyKey(),
    }),
  );
}
