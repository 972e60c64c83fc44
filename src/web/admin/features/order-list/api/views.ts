import { useQuery } from '@tanstack/react-query';
import { viewCountsResponseSchema, viewListResponseSchema } from '../../../../../contracts/views';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/** The shop's tabs in order, 전체 first, each with the caller's columns. */
export function useViews() {
  return useQuery({
    queryKey: listKeys.views,
    queryFn: ({ signal }) => api.get('/api/v1/views', viewListResponseSchema, signal).then((r) => r.views),
    staleTime: 60_000,
  });
}

/** Every tab's count in one call: exact, or (a saved tab whose count would be slow) the server's estimate. */
export function useViewCounts() {
  return useQuery({
    queryKey: listKeys.viewCounts,
    queryFn: ({ signal }) => api.get('/api/v1/views/counts', viewCountsResponseSchema, signal).then((r) => new Map(r.counts.map((c) => [c.viewId, c]))),
    staleTime: 30_000,
    // orders keep arriving and moving while the list is open
    refetchInterval: 60_000,
  });
}
