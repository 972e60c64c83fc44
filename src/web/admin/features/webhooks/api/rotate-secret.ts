import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookEndpointSchema } from '../../../../../contracts/webhooks';
import { api } from '../../../app/api/client';
import { endpointPath, webhookKeys } from './keys';

/** POST /api/v1/webhook-endpoints/{id}/rotate-secret: a new secret; the old one stops at once. */
export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: number) => api.post(`${endpointPath(endpointId)}/rotate-secret`, undefined, webhookEndpointSchema),
    onSuccess: (endpoint) => {
      queryClient.setQueryData(webhookKeys.endpoint(endpoint.id), endpoint);
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints });
    },
  });
}
