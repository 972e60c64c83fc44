import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdApiKeySchema, type CreateApiKeyRequest } from '../../../../../contracts/api-keys';
import { api } from '../../../app/api/client';
import { apiKeyKeys } from './keys';

/** POST /api/v1/api-keys: a new key; the answer carries its secret, this once. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => api.post('/api/v1/api-keys', body, createdApiKeySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}
