import type { BulkRequest } from '../../../../../contracts/bulk-jobs';

/** React Query keys of bulk jobs. */
export const bulkKeys = {
  all: ['bulk-jobs'] as const,
  recent: ['bulk-jobs', 'recent'] as const,
  preview: (request: BulkRequest) => ['bulk-jobs', 'preview', request] as const,
  job: (jobId: number) => ['bulk-jobs', 'job', jobId] as const,
  items: (jobId: number, outcome: string) => ['bulk-jobs', 'job', jobId, 'items', outcome] as const,
};
