import { useQuery } from '@tanstack/react-query';
import { apiKeyListSchema } from '../../../../../contracts/api-keys';
import { api } from '../../../app/api/client';
import { apiKeyKeys } from './keys';

/** GET /api/v1/api-keys: live keys first, then revoked ones. */
export function useApiKeys() {
  return useQuery({ queryKey: apiKeyKeys.list, queryFn: ({ signal }) => api.get('/api/v1/api-keys', apiKeyListSchema, signal) });
}
