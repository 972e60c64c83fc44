import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { mySessionSchema, type guestLookupRequestSchema } from '../../../../../contracts/my';
import { api } from '../../../app/api/client';
import { startSession } from './session';

export type GuestLookup = z.input<typeof guestLookupRequestSchema>;

/**
 * 비회원 주문조회: the server answers with the session cookie, or one refusal that does not say
 * which part was wrong (401 GUEST_LOOKUP_FAILED), or a slow-down (429 with Retry-After).
 */
export function useGuestLookup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (lookup: GuestLookup) => {
      const session = await api.post('/api/v1/my/guest-lookups', lookup, mySessionSchema);
      startSession(queryClient, session);
      return session;
    },
  });
}
