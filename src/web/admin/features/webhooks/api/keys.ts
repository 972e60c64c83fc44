/** React Query keys of the webhook screens. */
export const webhookKeys = {
  endpoints: ['webhook-endpoints'] as const,
  endpoint: (endpointId: number) => ['webhook-endpoints', endpointId] as const,
  messages: (endpointId: number) => ['webhook-messages', 'endpoint', endpointId] as const,
  message: (messageId: number) => ['webhook-messages', 'one', messageId] as const,
};

export const endpointPath = (endpointId: number) => `/api/v1/webhook-endpoints/${endpointId}`;
