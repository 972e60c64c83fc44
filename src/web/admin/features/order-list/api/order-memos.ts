import { useQuery } from '@tanstack/react-query';
import { timelineResponseSchema } from '../../../../../contracts/timeline';
import { api } from '../../../app/api/client';
import { listKeys } from './keys';

/** An order's memos, newest first (its timeline, memos only), fetched when the memo popover opens. */
export function useOrderMemos(orderId: number) {
  return useQuery({
    queryKey: listKeys.memos(orderId),
    queryFn: ({ signal }) =>
      api
        .get(`/api/v1/orders/${orderId}/timeline?only=memos`, timelineResponseSchema, signal)
        .then((r) => r.entries.flatMap((e) => (e.kind === 'memo' ? [e] : []))),
  });
}
