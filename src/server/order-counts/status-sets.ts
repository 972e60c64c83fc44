import type { OrderFilter } from '../../contracts/order-filter';
import { queryRows, sql, type Executor } from '../db/client';
import { parseTextArray } from '../bulk-jobs/preview-service';

/** How many orders of a shop have exactly this set of unit statuses (`orders.unit_statuses`). */
export interface StatusSetCount {
  statuses: readonly string[];
  orders: number;
}

/**
 * The shop's orders by unit-status set: the folded counts plus the changes not folded yet, summed
 * in one statement, so within a transaction they agree with `count(*)` over `orders` exactly
 * (the triggers write the changes in the transaction that changes the orders).
 */
export async function loadStatusSetCounts(db: Executor, shopId: number): Promise<StatusSetCount[]> {
  const rows = await queryRows<{ unit_statuses: string[] | string; orders: number | string }>(
    db,
    sql`select unit_statuses, sum(orders) as orders from (
          select unit_statuses, orders from order_status_counts where shop_id = ${shopId}
          union all
          select unit_statuses, orders from order_status_count_changes where shop_id = ${shopId}
        ) as counted
        group by unit_statuses
        having sum(orders) <> 0`,
  );
  return rows.map((r) => ({ statuses: parseTextArray(r.unit_statuses), orders: Number(r.orders) }));
}

const present = (values: readonly string[] | undefined): values is readonly string[] => values !== undefined && values.length > 0;

/** The filter asks for nothing but statuses (every default tab, and 전체 with no condition at all). */
export function asksOnlyStatuses(filter: OrderFilter): boolean {
  // as whereOf reads them: an empty list and a blank keyword filter nothing
  const asked = Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'string' && v.trim() === ''));
  return asked.every(([key]) => key === 'unitStatuses' || key === 'claimStatuses');
}

/**
 * How many orders have units in the filter's statuses, from the status-set counts; its other
 * conditions are not looked at (exact for a filter that asksOnlyStatuses, an upper bound for any
 * other). Same meaning as whereOf: some unit in any of `unitStatuses`, and (if given) some unit in
 * any of `claimStatuses`.
 */
export function countOfStatusSets(sets: readonly StatusSetCount[], filter: Pick<OrderFilter, 'unitStatuses' | 'claimStatuses'>): number {
  const overlaps = (set: readonly string[], wanted: readonly string[] | undefined) => !present(wanted) || set.some((s) => wanted.includes(s));
  let total = 0;
  for (const s of sets) if (overlaps(s.statuses, filter.unitStatuses) && overlaps(s.statuses, filter.claimStatuses)) total += s.orders;
  return total;
}
