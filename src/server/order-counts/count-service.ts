import type { OrderFilter } from '../../contracts/order-filter';
import type { Executor } from '../db/client';
import { countOrders, whereOf } from '../order-list/queries';
import { planOf } from './planned-count';
import { asksOnlyStatuses, countOfStatusSets, loadStatusSetCounts, type StatusSetCount } from './status-sets';

/** A count of orders, and whether it is the exact number or the planner's estimate ("약 N건"). */
export interface OrderCount {
  total: number;
  exact: boolean;
}

/**
 * Above this planner cost a count is "slow" and answered with the estimate, unless the exact one
 * is asked for. Cost, not the estimated matches, because counting costs what it reads, not what
 * it finds: a 90-day period filtered down to 27,000 orders reads the period's 200,000. At 1M orders
 * on PostgreSQL 15 a cost of 25,000 was about 25 ms of counting (README, Performance): roughly
 * what the page beside it takes, so a page with its total stays within twice the page alone.
 */
export const DEFAULT_MAX_EXACT_COUNT_COST = 25_000;

export interface CountOptions {
  /** The exact number whatever it costs (staff asked for it: 정확한 건수). */
  exact?: boolean;
  /** See DEFAULT_MAX_EXACT_COUNT_COST; 0 answers every count the counters cannot with an estimate. */
  maxExactCost: number;
  /** The shop's status-set counts, when the caller has them already (all tabs at once). */
  statusSets?: readonly StatusSetCount[];
}

/**
 * How many of a shop's orders match `filter`. A filter of statuses only (the default tabs, 전체)
 * is summed from the status-set counts the triggers keep: exact, a few dozen rows whatever the
 * shop's size. Any other filter is counted exactly when the planner expects that to be cheap, and
 * otherwise answered with its estimate — capped by the status counts when it names statuses.
 */
export async function countMatchingOrders(db: Executor, shopId: number, filter: OrderFilter, now: Date, options: CountOptions): Promise<OrderCount> {
  const statusSets = () => (options.statusSets ? Promise.resolve(options.statusSets) : loadStatusSetCounts(db, shopId));
  if (asksOnlyStatuses(filter)) return { total: countOfStatusSets(await statusSets(), filter), exact: true };
  if (!options.exact) {
    const plan = await planOf(db, whereOf(shopId, filter, now));
    if (plan.cost > options.maxExactCost) {
      const named = filter.unitStatuses?.length || filter.claimStatuses?.length;
      const ceiling = named ? countOfStatusSets(await statusSets(), filter) : Number.POSITIVE_INFINITY;
      return { total: Math.min(Math.round(plan.rows), ceiling), exact: false };
    }
  }
  return { total: await countOrders(db, shopId, filter, now), exact: true };
}
