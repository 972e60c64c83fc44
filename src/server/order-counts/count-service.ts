import type { OrderFilter } from '../../contracts/order-filter';
import type { Executor } from '../db/client';
import { countOrders, whereOf } from '../order-list/queries';
import { countWithin } from './count-within';
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
 * it finds: the bench's 90-day combination finds 27,000 of 1M orders but reads the period
 * (cost 136,000, ~0.2 s). Measured at 1M on PostgreSQL 15: 2-syllable names cost 30,000–37,000
 * (counts of ~12,000 matches, 20–75 ms on a loaded machine; their estimates within 3 %), a
 * 30-day period 20,500 (index-only, counted), 4 phone digits 4,600–7,900, full names < 500.
 */
export const DEFAULT_MAX_EXACT_COUNT_COST = 25_000;

/**
 * How long an exact count the planner thought cheap may take before it is given up for the
 * estimate (PostgreSQL): the planner misjudges some combinations (상품준비중 + marketplaces: cost
 * 8,000, 0.5 s on a loaded machine, reading every 결제완료/상품준비중 order to check its channel).
 * The target of the tab counts: a count should never keep the list waiting longer than this.
 */
export const DEFAULT_COUNT_TIME_BUDGET_MS = 30;

/** When a count is slow enough to be answered with an estimate (the server's settings). */
export interface CountPolicy {
  /** See DEFAULT_MAX_EXACT_COUNT_COST; 0 answers every count the counters cannot with an estimate. */
  maxExactCost: number;
  /** PostgreSQL: an exact count running longer than this is cancelled and the estimate answered; none on PGlite. */
  timeBudgetMs?: number | undefined;
}

export interface CountOptions extends CountPolicy {
  /** The exact number whatever it costs (staff asked for it: 정확한 건수). */
  exact?: boolean;
  /** The shop's status-set counts, when the caller has them already (all tabs at once). */
  statusSets?: readonly StatusSetCount[];
}

/**
 * How many of a shop's orders match `filter`. A filter of statuses only (the default tabs, 전체)
 * is summed from the status-set counts the triggers keep: exact, a few dozen rows whatever the
 * shop's size. Any other filter is counted exactly when the planner expects that to be cheap (and,
 * on PostgreSQL, it is done within the time budget), and otherwise answered with its estimate.
 */
export async function countMatchingOrders(db: Executor, shopId: number, filter: OrderFilter, now: Date, options: CountOptions): Promise<OrderCount> {
  const statusSets = () => (options.statusSets ? Promise.resolve(options.statusSets) : loadStatusSetCounts(db, shopId));
  if (asksOnlyStatuses(filter)) return { total: countOfStatusSets(await statusSets(), filter), exact: true };
  if (options.exact) return { total: await countOrders(db, shopId, filter, now), exact: true };
  const plan = await planOf(db, whereOf(shopId, filter, now));
  if (plan.cost <= options.maxExactCost) {
    const budget = options.timeBudgetMs;
    const total = budget === undefined ? await countOrders(db, shopId, filter, now) : await countWithin(db, budget, (tx) => countOrders(tx, shopId, filter, now));
    if (total !== null) return { total, exact: true };
  }
  // named statuses bound the estimate: never more orders than those in the statuses
  const named = filter.unitStatuses?.length || filter.claimStatuses?.length;
  const ceiling = named ? countOfStatusSets(await statusSets(), filter) : Number.POSITIVE_INFINITY;
  return { total: Math.min(Math.round(plan.rows), ceiling), exact: false };
}
