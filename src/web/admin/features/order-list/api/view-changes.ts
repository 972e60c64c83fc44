import { useMutation, useQueryClient } from '@tanstack/react-query';
import { viewListResponseSchema, viewSchema, type ColumnLayout, type CreateViewRequest, type UpdateViewRequest, type View } from '../../../../../contracts/views';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/** Changes to the shared tabs and to the caller's own columns; each refreshes the tabs and their counts. */
function useViewsMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>, update?: (views: View[], result: TResult) => View[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      if (update) queryClient.setQueryData<View[]>(listKeys.views, (views) => (views ? update(views, result) : views));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKeys.views }),
  });
}

const replaceView = (views: View[], view: View) => views.map((v) => (v.id === view.id ? view : v));

export const useCreateView = () =>
  useViewsMutation(
    (input: CreateViewRequest) => api.post('/api/v1/views', input, viewSchema),
    (views, view) => [...views, view],
  );

export const useUpdateView = () =>
  useViewsMutation(({ id, change }: { id: number; change: UpdateViewRequest }) => api.patch(`/api/v1/views/${id}`, change, viewSchema), replaceView);

export const useDeleteView = () =>
  useViewsMutation(
    (id: number) => api.delete(`/api/v1/views/${id}`, viewListResponseSchema),
    (_views, result) => result.views,
  );

/** Optimistic: the tab stays where it was dropped while the server agrees (or goes back if not). */
export function useReorderViews() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => api.post('/api/v1/views/reorder', { ids }, viewListResponseSchema),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: listKeys.views, exact: true });
      const before = queryClient.getQueryData<View[]>(listKeys.views);
      if (before) {
        const byId = new Map(before.map((v) => [v.id, v]));
        queryClient.setQueryData<View[]>(
          listKeys.views,
          ids.flatMap((id) => byId.get(id) ?? []),
        );
      }
      return { before };
    },
    onError: (_error, _ids, context) => {
      if (context?.before) queryClient.setQueryData(listKeys.views, context.before);
    },
    onSuccess: (result) => queryClient.setQueryData(listKeys.views, result.views),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKeys.views }),
  });
}

/** 관리 항목 설정: the signed-in staff member's own columns for a tab. */
export const useSaveLayout = () =>
  useViewsMutation(({ id, columns }: { id: number; columns: ColumnLayout }) => api.put(`/api/v1/views/${id}/layout`, { columns }, viewSchema), replaceView);

/** Back to the tab's shared columns. */
export const useResetLayout = () => useViewsMutation((id: number) => api.delete(`/api/v1/views/${id}/layout`, viewSchema), replaceView);
