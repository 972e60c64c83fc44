import { useCallback, useMemo, useState } from 'react';
import type { BulkSelection } from '../../../../../contracts/bulk-jobs';
import type { OrderFilter } from '../../../../../contracts/order-filter';

/**
 * Which orders are selected for a bulk action: some orders by id (checkboxes, across pages), or
 * every order matching the list's filter ("검색된 주문 N건 전체 선택"). A bulk job or an export
 * takes the ids, or the filter — never the ids of the pages seen so far, which would miss the rest.
 */
export type OrderSelection =
  | { kind: 'none' }
  | { kind: 'ids'; ids: ReadonlySet<number> }
  | { kind: 'all'; filter: OrderFilter; total: number };

export interface OrderSelectionApi {
  selection: OrderSelection;
  /** How many orders an action would take. */
  count: number;
  isSelected(id: number): boolean;
  toggle(id: number, pageIds: readonly number[]): void;
  /** The header checkbox: select every order on the page, or clear them. */
  setPage(pageIds: readonly number[], selected: boolean): void;
  allOnPageSelected(pageIds: readonly number[]): boolean;
  someOnPageSelected(pageIds: readonly number[]): boolean;
  selectAllMatching(filter: OrderFilter, total: number): void;
  clear(): void;
}

const NONE: OrderSelection = { kind: 'none' };

/** The selection as POST /api/v1/bulk-jobs (and its preview) takes it; null when nothing is selected. */
export function bulkSelectionOf(selection: OrderSelection): BulkSelection | null {
  if (selection.kind === 'all') return { kind: 'filter', filter: selection.filter };
  if (selection.kind === 'ids') return { kind: 'orders', orderIds: [...selection.ids] };
  return null;
}

/**
 * The selection of the list shown under `scope` (tab, filter and sort as one string): a new scope
 * starts empty, so "all matching" can never silently mean another filter than the one on screen.
 */
export function useOrderSelection(scope: string): OrderSelectionApi {
  const [state, setState] = useState<{ scope: string; selection: OrderSelection }>({ scope, selection: NONE });
  const selection = state.scope === scope ? state.selection : NONE;
  const set = useCallback((next: OrderSelection) => setState({ scope, selection: next }), [scope]);

  return useMemo<OrderSelectionApi>(() => {
    const ids = selection.kind === 'ids' ? selection.ids : new Set<number>();
    const isSelected = (id: number) => selection.kind === 'all' || ids.has(id);
    const withIds = (next: Set<number>) => set(next.size === 0 ? NONE : { kind: 'ids', ids: next });
    return {
      selection,
      count: selection.kind === 'all' ? selection.total : ids.size,
      isSelected,
      toggle(id, pageIds) {
        // leaving "all matching" by unticking one keeps the rest of the page ticked
        const next = new Set(selection.kind === 'all' ? pageIds : ids);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        withIds(next);
      },
      setPage(pageIds, selected) {
        const next = new Set(selection.kind === 'all' ? [] : ids);
        for (const id of pageIds) {
          if (selected) next.add(id);
          else next.delete(id);
        }
        withIds(next);
      },
      allOnPageSelected: (pageIds) => pageIds.length > 0 && pageIds.every(isSelected),
      someOnPageSelected: (pageIds) => pageIds.some(isSelected),
      selectAllMatching: (filter, total) => set({ kind: 'all', filter, total }),
      clear: () => set(NONE),
    };
  }, [selection, set]);
}
