import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buyerMessageDetailSchema, buyerMessageListSchema, deliveryOutcomeSchema } from '../../../../../contracts/notifications';
import { api } from '../../../app/api/client';
import { notificationKeys, type BuyerMessageFilter } from './keys';

const PAGE = 30;

/** GET /api/v1/buyer-messages: newest first, more by the `before` cursor. */
export function useBuyerMessages(filter: BuyerMessageFilter) {
  return useInfiniteQuery({
    queryKey: notificationKeys.messageList(filter),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
      if (pageParam !== null) params.set('before', String(pageParam));
      return api.get(`/api/v1/buyer-messages?${params.toString()}`, buyerMessageListSchema, signal);
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    // pending messages move on their own (the outbox worker): look again while the list is open
    refetchInterval: 5000,
  });
}

/** GET /api/v1/buyer-messages/{id}: one message as sent, with every attempt. */
export function useBuyerMessage(messageId: number | null) {
  return useQuery({
    queryKey: notificationKeys.message(messageId ?? 0),
    queryFn: ({ signal }) => api.get(`/api/v1/buyer-messages/${messageId ?? 0}`, buyerMessageDetailSchema, signal),
    enabled: messageId !== null,
  });
}

/** POST /api/v1/buyer-messages/{id}/resend: sends it again now; answers with the outcome. */
export function useResendBuyerMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => api.post(`/api/v1/buyer-messages/${messageId}/resend`, undefined, deliveryOutcomeSchema),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: notificationKeys.messages }),
        // a resend writes a timeline line (sent, fell back, failed) on its order: an open timeline shows it
        queryClient.invalidateQueries({ predicate: ({ queryKey }) => queryKey[0] === 'orders' && queryKey[2] === 'timeline' }),
      ]),
  });
}
