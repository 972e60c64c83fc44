import { useCallback, useMemo, useState } from 'react';
import type { OrderFilter, OrderSort } from '../../../../../contracts/order-filter';
import type { ColumnLayout, View } from '../../../../../contracts/views';
import { navigate, useLocation } from '../../../app/router';
import { effectiveFilter, effectiveSort, listHrefOf, paramsFor, readListParams } from '../model/url-state';

export interface ListState {
  view: View;
  filter: OrderFilter;
  sort: OrderSort;
  columns: ColumnLayout;
  /** Something differs from the saved tab as far as the address and the columns tell. */
  mayDiffer: boolean;
  setFilter(filter: OrderFilter): void;
  setKeyword(keyword: string): void;
  setSort(sort: OrderSort): void;
  setColumns(columns: ColumnLayout): void;
  /** Forget unsaved column changes (after saving or resetting the layout). */
  resetColumns(): void;
  goToView(viewId: number): void;
  /** 취소: back to the tab as saved. */
  discard(): void;
}

/**
 * The current tab and what the list shows in it. Filter, keyword and sort live in the address
 * (a link reproduces the view); columns changed by resizing live here until saved — they are the
 * staff member's own and do not travel in links.
 */
export function useListState(views: View[]): ListState {
  const location = useLocation();
  const params = readListParams(location.search);
  const first = views[0];
  if (!first) throw new Error('a shop always has the 전체 tab');
  const view = views.find((v) => v.id === params.viewId) ?? first;
  // one filter object per address, so queries keyed on it stay put between renders
  const filter = useMemo(() => effectiveFilter(view, params), [view, location.href]);
  const sort = effectiveSort(view, params);
  const [columnDraft, setColumnDraft] = useState<{ viewId: number; columns: ColumnLayout } | null>(null);
  const columns = columnDraft?.viewId === view.id ? columnDraft.columns : view.columns;

  const go = useCallback(
    (next: { filter: OrderFilter; sort: OrderSort }, replace = false) => navigate(listHrefOf(paramsFor(view, next)), { replace }),
    [view],
  );

  return {
    view,
    filter,
    sort,
    columns,
    mayDiffer: params.keyword !== null || params.filter !== null || params.sort !== null || columnDraft?.viewId === view.id,
    setFilter: (next) => go({ filter: next, sort }),
    // typing replaces the history entry: Back leaves the search rather than undoing it letter by letter
    setKeyword: (keyword) => go({ filter: { ...filter, keyword }, sort }, true),
    setSort: (next) => go({ filter, sort: next }),
    setColumns: (next) => setColumnDraft({ viewId: view.id, columns: next }),
    resetColumns: () => setColumnDraft(null),
    goToView: (viewId) => {
      setColumnDraft(null);
      navigate(listHrefOf({ viewId, keyword: null, filter: null, sort: null }));
    },
    discard: () => {
      setColumnDraft(null);
      navigate(listHrefOf({ viewId: view.id, keyword: null, filter: null, sort: null }));
    },
  };
}
