import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OrderDetail } from '../../../../../contracts/orders';
import { errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { isVersionConflict, useConflict } from '../hooks/conflict';
import { detailKeys } from './keys';

/** After any change: the order, its payment summary, timeline and claims, and the list around it. */
export function refreshOrder(queryClient: QueryClient, orderId: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: detailKeys.order(orderId) }),
    queryClient.invalidateQueries({ queryKey: detailKeys.everything(orderId) }),
    queryClient.invalidateQueries({ queryKey: ['orders', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['views', 'counts'] }),
  ]);
}

interface Options<TVars, TResult> {
  /** The toast after success; null shows none. */
  success(result: TResult, vars: TVars): string | null;
  /** Buttons outside a dialog have nowhere to show a refusal: say it in a toast. */
  toastErrors?: boolean;
  /** false for calls that change nothing on the order (an edit's 금액 계산). */
  refresh?: boolean;
}

/**
 * A change to the order: on success the answered order goes straight into the cache, a toast says
 * what happened, and everything about the order is fetched again; a stale version raises the
 * conflict banner (nothing was changed — never retried behind the user's back).
 */
export function useOrderMutation<TVars, TResult>(orderId: number, mutationFn: (vars: TVars) => Promise<TResult>, options: Options<TVars, TResult>) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { report } = useConflict();
  return useMutation({
    mutationFn,
    onSuccess: (result, vars) => {
      if (typeof result === 'object' && result !== null && 'order' in result) queryClient.setQueryData<OrderDetail>(detailKeys.order(orderId), (result as { order: OrderDetail }).order);
      const message = options.success(result, vars);
      if (message) toast.success(message);
    },
    onError: (error) => {
      if (isVersionConflict(error)) report(error);
      else if (options.toastErrors) toast.error(errorMessage(error));
    },
    // after a conflict the screen stays as it was until staff press 새로고침: nothing moves under their eyes
    onSettled: (_result, error) => (options.refresh === false || isVersionConflict(error) ? undefined : refreshOrder(queryClient, orderId)),
  });
}
