import '@mantine/core/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from './api/client';
import { I18nProvider } from './i18n';
import { theme } from './theme';
import { ToastProvider } from './toast';

function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // a 4xx will answer the same again; only network trouble and 5xx are worth a retry
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(newQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {/* statuses and labels come from the server in the request's language: fetch them again */}
      <I18nProvider onChange={() => void queryClient.invalidateQueries({ queryKey: ['my'] })}>
        <MantineProvider theme={theme}>
          <ToastProvider>{children}</ToastProvider>
        </MantineProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
