import { useMutation, useQueryClient } from '@tanstack/react-query';
import { myCheckoutResultSchema, myCheckoutSchema, type MyCheckout } from '../../../../../contracts/my';
import { api, newIdempotencyKey } from '../../../app/api/client';
import { orderKey } from './order';
import { isTossWindowError, openTossWindow } from './toss';

/**
 * 결제하기: opens a checkout for the request, then its payment window — the test gateway's window
 * page (the browser goes there and comes back to /my/pay/success or /my/pay/fail), or Toss's.
 * Resolves 'left' when the browser is on its way to the window, or the window's refusal.
 */
export function useStartCheckout(orderNumber: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (requestId: number): Promise<{ outcome: 'left' } | { outcome: 'closed'; message: string }> => {
      const path = `/api/v1/my/orders/${encodeURIComponent(orderNumber)}/payment-requests/${requestId}/checkouts`;
      const checkout = await api.post(path, {}, myCheckoutSchema, { idempotencyKey: newIdempotencyKey() });
      if (checkout.gateway === 'test') {
        if (!checkout.windowUrl) throw new Error('test checkout without a window');
        window.location.assign(checkout.windowUrl);
        return { outcome: 'left' };
      }
      try {
        await openTossWindow(checkout);
        return { outcome: 'left' };
      } catch (error) {
        if (!isTossWindowError(error)) throw error;
        await reportFailure(checkout, error.code, error.message);
        return { outcome: 'closed', message: error.message };
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKey(orderNumber) }),
  });
}

/** Tells the server the window ended without a payment, so the attempt is closed and recorded. */
async function reportFailure(checkout: MyCheckout, code: string, message: string) {
  await api.post('/api/v1/my/checkouts/fail', { orderId: checkout.gatewayOrderId, code, message }, myCheckoutResultSchema).catch(() => undefined);
}
