import { useQuery, useQueryClient } from '@tanstack/react-query';
import { personalDataRevealSchema, type PersonalDataReveal } from '../../../../../contracts/audit';
import { api } from '../../../app/api/client';

const revealKey = (orderId: number) => ['orders', orderId, 'personal-data'] as const;

/**
 * 보기: one order's unmasked orderer and addresses, asked only when someone presses 보기 (each ask
 * is recorded on the server). Every cell and popover of that order shares the answer, so one press
 * shows the values in place across the row; it is dropped a few minutes after the row goes away.
 */
export function usePersonalDataReveal(orderId: number) {
  const queryClient = useQueryClient();
  const ask = () => api.post(`/api/v1/orders/${orderId}/personal-data-reveals`, undefined, personalDataRevealSchema);
  const query = useQuery<PersonalDataReveal>({
    queryKey: revealKey(orderId),
    queryFn: ask,
    enabled: false,
    staleTime: Infinity,
    retry: false,
  });
  return {
    revealed: query.data ?? null,
    pending: query.isFetching,
    error: query.error,
    // a refusal or a failure leaves the value masked; the button stays to try again
    reveal: () => void queryClient.fetchQuery({ queryKey: revealKey(orderId), queryFn: ask }).catch(() => undefined),
  };
}
