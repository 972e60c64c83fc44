import { orderFilterSchema, orderSortSchema, type OrderFilter, type OrderSort } from '../../../../../contracts/order-filter';
import type { View } from '../../../../../contracts/views';

/**
 * The list's state in its address, so a link reproduces the view: `view` (the tab), `q` (the
 * keyword), `filter` (the other conditions as JSON) and `sort` (`field:direction`). A parameter is
 * present only when it differs from the tab; absent ones mean "as the tab has it".
 */
export interface ListParams {
  viewId: number | null;
  keyword: string | null;
  filter: OrderFilter | null;
  sort: OrderSort | null;
}

/** The filter without conditions that select nothing (empty lists, blank keyword, empty objects). */
export function cleanFilter(filter: OrderFilter): OrderFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === undefined)) continue;
    out[key] = value;
  }
  return out as OrderFilter;
}

export function withoutKeyword(filter: OrderFilter): OrderFilter {
  const { keyword: _keyword, ...rest } = filter;
  return cleanFilter(rest);
}

/** Same conditions, whatever the key order (value order still counts; the server's diff says the rest). */
export function sameFilter(a: OrderFilter, b: OrderFilter): boolean {
  const canonical = (f: OrderFilter) => JSON.stringify(Object.entries(cleanFilter(f)).sort(([x], [y]) => (x < y ? -1 : 1)));
  return canonical(a) === canonical(b);
}

export const sameSort = (a: OrderSort, b: OrderSort) => a.field === b.field && a.direction === b.direction;

function parseFilter(raw: string | null): OrderFilter | null {
  if (raw === null) return null;
  try {
    const parsed = orderFilterSchema.safeParse(JSON.parse(raw));
    return parsed.success ? withoutKeyword(parsed.data) : null;
  } catch {
    return null;
  }
}

function parseSort(raw: string | null): OrderSort | null {
  if (!raw) return null;
  const [field, direction] = raw.split(':');
  const parsed = orderSortSchema.safeParse({ field, direction });
  return parsed.success ? parsed.data : null;
}

export function readListParams(search: URLSearchParams): ListParams {
  const view = Number(search.get('view'));
  return {
    viewId: Number.isInteger(view) && view > 0 ? view : null,
    keyword: search.get('q'),
    filter: parseFilter(search.get('filter')),
    sort: parseSort(search.get('sort')),
  };
}

export function listHrefOf(params: ListParams): string {
  const search = new URLSearchParams();
  if (params.viewId !== null) search.set('view', String(params.viewId));
  if (params.keyword !== null) search.set('q', params.keyword);
  if (params.filter !== null) search.set('filter', JSON.stringify(params.filter));
  if (params.sort !== null) search.set('sort', `${params.sort.field}:${params.sort.direction}`);
  const query = search.toString();
  return query ? `/orders?${query}` : '/orders';
}

/** What the list shows in a tab: the tab's conditions with the address's changes applied. */
export function effectiveFilter(view: View, params: ListParams): OrderFilter {
  const rest = params.filter ?? withoutKeyword(view.filter);
  const keyword = (params.keyword ?? view.filter.keyword ?? '').trim();
  return cleanFilter({ ...rest, keyword: keyword === '' ? undefined : keyword });
}

export const effectiveSort = (view: View, params: ListParams): OrderSort => params.sort ?? view.sort;

/** The address parameters for a new state: each one left out when it equals the tab's. */
export function paramsFor(view: View, state: { filter: OrderFilter; sort: OrderSort }): ListParams {
  const keyword = state.filter.keyword?.trim() ?? '';
  const savedKeyword = view.filter.keyword?.trim() ?? '';
  const rest = withoutKeyword(state.filter);
  return {
    viewId: view.id,
    keyword: keyword === savedKeyword ? null : keyword,
    filter: sameFilter(rest, withoutKeyword(view.filter)) ? null : rest,
    sort: sameSort(state.sort, view.sort) ? null : state.sort,
  };
}
