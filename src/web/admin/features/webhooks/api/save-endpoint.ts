import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookEndpointSchema, type CreateWebhookEndpointRequest, type UpdateWebhookEndpointRequest } from '../../../../../contracts/webhooks';
import { api } from '../../../app/api/client';
import { endpointPath, webhookKeys } from './keys';

/** POST /api/v1/webhook-endpoints: a new endpoint (its secret is made by the server). */
export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookEndpointRequest) => api.post('/api/v1/webhook-endpoints', body, webhookEndpointSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints }),
  });
}

/** PATCH /api/v1/webhook-endpoints/{id}: URL, description, event types or the enabled switch. */
export function useUpdateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ endpointId, body }: { endpointId: number; body: UpdateWebhookEndpointRequest }) => api.patch(endpointPath(endpointId), body, webhookEndpointSchema),
    onSuccess: (endpoint) => {
      queryClient.setQueryData(webhookKeys.endpoint(endpoint.id), endpoint);
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints });
    },
  });
}
