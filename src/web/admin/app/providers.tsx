import '@mantine/core/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { newQueryClient } from '../../shared/query-client';
import { withFullScreenDialogs } from '../../shared/screen';
import { I18nProvider } from './i18n';
import { theme } from './theme';
import { ToastProvider } from './toast';
import { usePhone } from './use-phone';

const phoneTheme = withFullScreenDialogs(theme);

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => newQueryClient({ refetchOnWindowFocus: false }));
  const phone = usePhone();
  return (
    <QueryClientProvider client={queryClient}>
      {/* labels in the lists come from the server in the request's language: fetch them again */}
      <I18nProvider onChange={() => void queryClient.invalidateQueries()}>
        <MantineProvider theme={phone ? phoneTheme : theme}>
          <ToastProvider>{children}</ToastProvider>
        </MantineProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
