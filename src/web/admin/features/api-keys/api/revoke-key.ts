import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiKeySchema } from '../../../../../contracts/api-keys';
import { api } from '../../../app/api/client';
import { apiKeyKeys, apiKeyPath } from './keys';

/** DELETE /api/v1/api-keys/{id}: revoked at once. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: number) => api.delete(apiKeyPath(keyId), apiKeySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}
