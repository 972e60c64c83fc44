import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrderFilter, OrderSort } from '../../../../../contracts/order-filter';
import { viewDiffSchema, type ColumnLayout, type ViewDiffResponse } from '../../../../../contracts/views';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

export interface ListViewState {
  filter: OrderFilter;
  sort: OrderSort;
  columns: ColumnLayout;
}

/**
 * 수정됨: what differs from the saved tab, by the server's rules (POST /views/{id}/diff — filters
 * compare by what they select, so ticking a status and unticking it again is no change). Only
 * asked when something may differ; otherwise nothing has changed.
 */
export function useViewDiff(viewId: number, state: ListViewState, mayDiffer: boolean): ViewDiffResponse | null {
  const query = useQuery({
    queryKey: listKeys.viewDiff(viewId, state),
    queryFn: ({ signal }) => api.query(`/api/v1/views/${viewId}/diff`, state, viewDiffSchema, signal),
    enabled: mayDiffer,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  if (!mayDiffer) return null;
  return query.data ?? null;
}
