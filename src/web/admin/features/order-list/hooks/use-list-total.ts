import { useEffect, useState } from 'react';
import type { OrderFilter } from '../../../../../contracts/order-filter';
import { useOrderCount } from '../api/search-orders';

export interface ListTotal {
  /** Every matching order, exact or estimated; null while this filter's count is on its way. */
  total: number | null;
  /** false: the server's estimate of a count that would be slow (약 N건). */
  exact: boolean;
  failed: boolean;
  /** Ask for the exact number of this filter (정확한 건수 보기). */
  askExact(): void;
}

/**
 * The list's total, as the server answers it: the exact count, or an estimate with a way to ask
 * for the number. Asking holds for the filter it was asked for; another filter starts from the
 * quick answer again. `needExact` asks by itself (the whole page selected: "select all N"
 * must name the real number).
 */
export function useListTotal(filter: OrderFilter, needExact: boolean): ListTotal {
  const key = JSON.stringify(filter);
  const [exactFor, setExactFor] = useState<string | null>(null);
  const asked = exactFor === key;
  const matching = useOrderCount(filter, asked, true);
  // null while the count for this filter is on its way (the last filter's count would be wrong,
  // and 0 would say "nothing matches"): the screen shows 집계 중 instead
  const count = matching.data !== undefined && !matching.isPlaceholderData ? matching.data : null;
  const estimated = count !== null && !count.exact;
  useEffect(() => {
    if (needExact && estimated) setExactFor(key);
  }, [needExact, estimated, key]);
  return { total: count?.total ?? null, exact: count?.exact ?? true, failed: matching.isError, askExact: () => setExactFor(key) };
}
