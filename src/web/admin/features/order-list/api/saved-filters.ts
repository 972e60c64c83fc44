import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrderFilter } from '../../../../../contracts/order-filter';
import { savedFilterListResponseSchema, savedFilterSchema } from '../../../../../contracts/saved-filters';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/** 저장된 필터, by name (Korean collation, as the server sorts them). */
export function useSavedFilters(enabled: boolean) {
  return useQuery({
    queryKey: listKeys.savedFilters,
    queryFn: ({ signal }) => api.get('/api/v1/saved-filters', savedFilterListResponseSchema, signal).then((r) => r.savedFilters),
    enabled,
  });
}

export function useCreateSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; filter: OrderFilter }) => api.post('/api/v1/saved-filters', input, savedFilterSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKeys.savedFilters }),
  });
}

export function useDeleteSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/v1/saved-filters/${id}`, savedFilterListResponseSchema),
    onSuccess: (result) => queryClient.setQueryData(listKeys.savedFilters, result.savedFilters),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKeys.savedFilters }),
  });
}
