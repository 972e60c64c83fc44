import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { webhookMessageDetailSchema, webhookMessageListSchema } from '../../../../../contracts/webhooks';
import { api } from '../../../app/api/client';
import { endpointPath, webhookKeys } from './keys';

const PAGE = 50;

/** GET /api/v1/webhook-endpoints/{id}/messages: the delivery log, newest first, more by cursor. */
export function useWebhookMessages(endpointId: number) {
  return useInfiniteQuery({
    queryKey: webhookKeys.messages(endpointId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (pageParam !== null) params.set('cursor', String(pageParam));
      return api.get(`${endpointPath(endpointId)}/messages?${params.toString()}`, webhookMessageListSchema, signal);
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    // pending messages move on their own: look again while the log is open
    refetchInterval: 3000,
  });
}

/** GET /api/v1/webhook-messages/{id}: one message with its payload and every attempt. */
export function useWebhookMessage(messageId: number | null) {
  return useQuery({
    queryKey: webhookKeys.message(messageId ?? 0),
    queryFn: ({ signal }) => api.get(`/api/v1/webhook-messages/${messageId ?? 0}`, webhookMessageDetailSchema, signal),
    enabled: messageId !== null,
  });
}

/** POST /api/v1/webhook-messages/{id}/redeliver: sends it now; answers with the new attempt. */
export function useRedeliverWebhookMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => api.post(`/api/v1/webhook-messages/${messageId}/redeliver`, undefined, webhookMessageDetailSchema),
    onSuccess: (message) => {
      queryClient.setQueryData(webhookKeys.message(message.id), message);
      if (message.endpointId !== null) return queryClient.invalidateQueries({ queryKey: webhookKeys.messages(message.endpointId) });
    },
  });
}
