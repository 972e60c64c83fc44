import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bulkJobSchema, type BulkJob, type BulkSelection } from '../../../../../contracts/bulk-jobs';
import type { OrderFilter, OrderSort } from '../../../../../contracts/order-filter';
import type { ColumnLayout, View } from '../../../../../contracts/views';
import { api } from '../../../app/api/client';
import { formatNumber } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { listKeys } from '../../order-list/api/keys';
import { bulkSelectionOf, type OrderSelection, type OrderSelectionApi } from '../../order-list/hooks/use-order-selection';
import { JOB_POLL_MS } from '../api/bulk-jobs';
import { bulkKeys } from '../api/keys';
import { useBulkI18n } from '../i18n';
import { isFinishedJob, type BulkActionType } from '../model/actions';

/** What the order list shows, as the bulk tools need it. */
export interface BulkListContext {
  selection: OrderSelectionApi;
  view: View;
  filter: OrderFilter;
  sort: OrderSort;
  columns: ColumnLayout;
}

/** The one dialog open at a time; each takes what it works on when it opens. */
export type BulkDialog =
  | { kind: 'action'; type: BulkActionType; selection: BulkSelection; count: number; openedAt: number; jobId?: number }
  | { kind: 'job'; jobId: number }
  | { kind: 'export'; selection: OrderSelection; openedAt: number; form?: string }
  | { kind: 'tracking'; openedAt: number }
  | { kind: 'recent' }
  | null;

export interface OrderBulkController {
  context: BulkListContext;
  dialog: BulkDialog;
  openAction(type: BulkActionType): void;
  openExport(): void;
  /** The export dialog with a courier's 송장 출력 form chosen. */
  openShippingExport(): void;
  openTracking(): void;
  openRecent(): void;
  openJob(jobId: number): void;
  close(): void;
  /** A job was started here: follow it to its end, then refresh the list and the tab counts. */
  started(job: BulkJob): void;
  /** Orders changed (tracking upload …): refresh the list and the tab counts now. */
  ordersChanged(): void;
}

/**
 * The bulk tools of the order list (일괄 처리, 엑셀 다운로드, 송장 일괄 등록, 최근 일괄 처리): which
 * dialog is open, and the jobs started from this page, followed in the background even after their
 * dialog was closed so the list shows the new statuses when they end.
 */
export function useOrderBulk(context: BulkListContext): OrderBulkController {
  const { b } = useBulkI18n();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<BulkDialog>(null);
  const [followed, setFollowed] = useState<number[]>([]);

  const ordersChanged = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
    void queryClient.invalidateQueries({ queryKey: listKeys.viewCounts });
  }, [queryClient]);

  const shownJobId = dialog?.kind === 'job' || dialog?.kind === 'action' ? (dialog.jobId ?? null) : null;
  const jobs = useQueries({
    queries: followed.map((jobId) => ({
      queryKey: bulkKeys.job(jobId),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get(`/api/v1/bulk-jobs/${jobId}`, bulkJobSchema, signal),
      staleTime: 0,
      refetchInterval: (query: { state: { data: BulkJob | undefined } }) => (isFinishedJob(query.state.data) ? false : JOB_POLL_MS),
    })),
  });
  const finished = jobs.flatMap((q) => (q.data && isFinishedJob(q.data) ? [q.data] : []));
  const finishedKey = finished.map((j) => j.id).join(',');
  const shownRef = useRef(shownJobId);
  shownRef.current = shownJobId;
  useEffect(() => {
    if (finished.length === 0) return;
    ordersChanged();
    void queryClient.invalidateQueries({ queryKey: bulkKeys.recent });
    for (const job of finished) {
      // the dialog showing the job says it already; a job that ended behind a closed dialog is told in a toast
      if (shownRef.current !== job.id) toast.success(b.job.finishedToast(job.actionLabel, b.job.summary(formatNumber(job.processed), formatNumber(job.skipped), formatNumber(job.failed))));
    }
    const done = new Set(finished.map((j) => j.id));
    setFollowed((ids) => ids.filter((id) => !done.has(id)));
    // finishedKey stands for the finished jobs: run once per job reaching its end
  }, [finishedKey]);

  return useMemo<OrderBulkController>(
    () => ({
      context,
      dialog,
      openAction: (type) => {
        const selection = bulkSelectionOf(context.selection.selection);
        if (selection) setDialog({ kind: 'action', type, selection, count: context.selection.count, openedAt: Date.now() });
      },
      openExport: () => setDialog({ kind: 'export', selection: context.selection.selection, openedAt: Date.now() }),
      openShippingExport: () => setDialog({ kind: 'export', selection: context.selection.selection, openedAt: Date.now(), form: 'courier:CJ' }),
      openTracking: () => setDialog({ kind: 'tracking', openedAt: Date.now() }),
      openRecent: () => setDialog({ kind: 'recent' }),
      openJob: (jobId) => {
        setDialog({ kind: 'job', jobId });
        const known = queryClient.getQueryData<BulkJob>(bulkKeys.job(jobId)) ?? queryClient.getQueryData<BulkJob[]>(bulkKeys.recent)?.find((j) => j.id === jobId);
        if (!isFinishedJob(known)) setFollowed((ids) => (ids.includes(jobId) ? ids : [...ids, jobId]));
      },
      close: () => setDialog(null),
      started: (job) => {
        setDialog((d) => (d?.kind === 'action' ? { ...d, jobId: job.id } : d));
        toast.success(b.job.startedToast(job.actionLabel, formatNumber(job.total)));
        setFollowed((ids) => (ids.includes(job.id) ? ids : [...ids, job.id]));
        // the selection was taken by the job; what is on screen will change under it
        context.selection.clear();
      },
      ordersChanged,
    }),
    [context, dialog, queryClient, toast, b, ordersChanged],
  );
}
