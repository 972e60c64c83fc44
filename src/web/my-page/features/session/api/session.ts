import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { mySessionSchema, type MySession } from '../../../../../contracts/my';
import { api, ApiError } from '../../../app/api/client';

export const SESSION_KEY = ['my', 'session'] as const;

/** Who is signed in (a member from the storefront, or a guest on one order), or null: nobody. */
async function fetchSession(signal?: AbortSignal): Promise<MySession | null> {
  try {
    return await api.get('/api/v1/my/session', mySessionSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: ({ signal }) => fetchSession(signal), staleTime: 60_000 });
}

/** A new session (a lookup signed a guest in): what the last one saw is dropped. */
export function startSession(queryClient: QueryClient, session: MySession) {
  queryClient.removeQueries({ queryKey: ['my', 'orders'] });
  queryClient.removeQueries({ queryKey: ['my', 'order'] });
  queryClient.setQueryData(SESSION_KEY, session);
}

/** The session ended (a 401 elsewhere): forget it, so the page sends the buyer to the lookup. */
export function forgetSession(queryClient: QueryClient) {
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/v1/my/session/logout', undefined),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['my', 'orders'] });
      queryClient.removeQueries({ queryKey: ['my', 'order'] });
      forgetSession(queryClient);
    },
  });
}
