import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { bulkJobItemsSchema, bulkJobListSchema, bulkJobSchema, bulkPreviewSchema, type BulkJob, type BulkRequest } from '../../../../../contracts/bulk-jobs';
import { api } from '../../../app/api/client';
import { isFinishedJob } from '../model/actions';
import { bulkKeys } from './keys';

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 1_000;

/** "N건 중 M건 처리, K건 제외" with the reasons: changes nothing, asked each time the preview opens. */
export function useBulkPreview(request: BulkRequest | null) {
  return useQuery({
    queryKey: request ? bulkKeys.preview(request) : ['bulk-jobs', 'preview', null],
    queryFn: ({ signal }) => api.query('/api/v1/bulk-jobs/preview', request, bulkPreviewSchema, signal),
    enabled: request !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Starts the job (202); the client gives the request an Idempotency-Key, so a retry starts nothing twice. */
export function useStartBulkJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkRequest) => api.post('/api/v1/bulk-jobs', request, bulkJobSchema),
    onSuccess: (job) => {
      queryClient.setQueryData(bulkKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: bulkKeys.recent });
    },
  });
}

/** A job and its progress, asked again every second until it has finished. */
export function useBulkJob(jobId: number | null, initial?: BulkJob) {
  return useQuery({
    queryKey: bulkKeys.job(jobId ?? 0),
    queryFn: ({ signal }) => api.get(`/api/v1/bulk-jobs/${jobId ?? 0}`, bulkJobSchema, signal),
    enabled: jobId !== null,
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => (isFinishedJob(query.state.data) ? false : JOB_POLL_MS),
  });
}

export function useStopBulkJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: number) => api.post(`/api/v1/bulk-jobs/${jobId}/cancel`, {}, bulkJobSchema),
    onSuccess: (job) => {
      queryClient.setQueryData(bulkKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: bulkKeys.recent });
    },
  });
}

/** The latest jobs of the shop (the API keeps 20), refreshed while one of them runs. */
export function useRecentBulkJobs(enabled: boolean) {
  return useQuery({
    queryKey: bulkKeys.recent,
    queryFn: ({ signal }) => api.get('/api/v1/bulk-jobs', bulkJobListSchema, signal).then((r) => r.items),
    enabled,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((job) => !isFinishedJob(job)) ? 2_000 : false),
  });
}

export type JobOutcome = 'processed' | 'skipped' | 'failed';
type JobItems = z.infer<typeof bulkJobItemsSchema>;
const PAGE = 100;

/** The orders of a job with one outcome, a page of 100 at a time (paged by order id). */
export function useBulkJobItems(jobId: number, outcome: JobOutcome, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: bulkKeys.items(jobId, outcome),
    queryFn: ({ pageParam, signal }) =>
      api.get(`/api/v1/bulk-jobs/${jobId}/items?outcome=${outcome}&limit=${PAGE}${pageParam ? `&afterOrderId=${pageParam}` : ''}`, bulkJobItemsSchema, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last: JobItems) => last.nextAfterOrderId,
    enabled,
  });
}
