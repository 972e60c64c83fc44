import { useQuery } from '@tanstack/react-query';
import { webhookEndpointListSchema, webhookEndpointSchema } from '../../../../../contracts/webhooks';
import { api } from '../../../app/api/client';
import { endpointPath, webhookKeys } from './keys';

/** GET /api/v1/webhook-endpoints: the shop's endpoints. */
export function useWebhookEndpoints() {
  return useQuery({
    queryKey: webhookKeys.endpoints,
    queryFn: ({ signal }) => api.get('/api/v1/webhook-endpoints', webhookEndpointListSchema, signal),
  });
}

/** GET /api/v1/webhook-endpoints/{id}: one endpoint (the delivery log's header). */
export function useWebhookEndpoint(endpointId: number) {
  return useQuery({
    queryKey: webhookKeys.endpoint(endpointId),
    queryFn: ({ signal }) => api.get(endpointPath(endpointId), webhookEndpointSchema, signal),
  });
}
