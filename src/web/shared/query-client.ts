import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/http-client';

/** Both apps' query defaults; only whether returning to the tab refetches differs. */
export function newQueryClient({ refetchOnWindowFocus }: { refetchOnWindowFocus: boolean }) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus,
        // a 4xx will answer the same again; only network trouble and 5xx are worth a retry
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
