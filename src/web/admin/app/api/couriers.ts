import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { courierListSchema, type CourierDto } from '../../../../contracts/couriers';
import { useI18n } from '../i18n';
import { api } from './client';

export const COURIERS_KEY = ['couriers'] as const;

/**
 * The couriers the server knows (GET /api/v1/couriers), for the courier inputs: `names` in the
 * screen's language, in picker order. The server stores any of these names, or another spelling,
 * as the courier's code, and keeps a name it does not know as typed, so the inputs suggest, never
 * restrict. The table changes with a release, not during a session: fetched once. `isPending`
 * while the first answer is on its way (for an input whose default is the first courier).
 */
export function useCouriers(): { couriers: readonly CourierDto[]; names: string[]; isPending: boolean } {
  const { lang } = useI18n();
  const query = useQuery({
    queryKey: COURIERS_KEY,
    queryFn: ({ signal }) => api.get('/api/v1/couriers', courierListSchema, signal).then((r) => r.couriers),
    staleTime: Infinity,
  });
  const { data: couriers, isPending } = query;
  // a failed load leaves the inputs without suggestions: any name may still be typed
  return useMemo(() => ({ couriers: couriers ?? [], names: (couriers ?? []).map((c) => c[lang]), isPending }), [couriers, lang, isPending]);
}
