import { useQuery } from '@tanstack/react-query';
import { staffMeSchema, type StaffMe } from '../../../../../contracts/auth';
import { api } from '../../../app/api/client';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in staff member and their shop; a 401 sends the app to the login page. */
export function useMe() {
  return useQuery<StaffMe>({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => api.get('/api/v1/auth/me', staffMeSchema, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
