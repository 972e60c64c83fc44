import '@mantine/core/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { newQueryClient } from '../../shared/query-client';
import { I18nProvider } from './i18n';
import { theme } from './theme';
import { ToastProvider } from './toast';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => newQueryClient({ refetchOnWindowFocus: true }));
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
