import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RefundProposalDto } from '../../../../../contracts/claims';
import type { RefundAdjustments } from './actions';
import { detailKeys } from './keys';

/**
 * 금액 계산: the server's proposal for what staff have adjusted so far, asked again shortly after
 * each change (the total is never added up here). `settled` is false while an answer for the
 * latest adjustments is still on its way, so a confirm never sends numbers nobody has seen.
 */
export function useRefundPreview(
  orderId: number,
  scope: string,
  adjustments: RefundAdjustments,
  fetchPreview: (adjustments: RefundAdjustments, signal: AbortSignal) => Promise<RefundProposalDto>,
  enabled = true,
) {
  const wanted = JSON.stringify(adjustments);
  const [debounced] = useDebouncedValue(wanted, 350);
  const query = useQuery({
    queryKey: detailKeys.refundPreview(orderId, [scope, debounced]),
    queryFn: ({ signal }) => fetchPreview(JSON.parse(debounced) as RefundAdjustments, signal),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
    gcTime: 0,
    enabled,
  });
  const settled = debounced === wanted && !query.isFetching && !query.isPlaceholderData;
  return { ...query, settled, ready: settled && query.isSuccess };
}
