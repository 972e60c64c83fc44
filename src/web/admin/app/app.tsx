import { Alert, Button, Center } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useMe } from '../features/auth/api/me';
import { staffLinkToken } from '../features/staff/model/paths';
import { ApiError, errorMessage, onUnauthorized } from './api/client';
import { useI18n } from './i18n';
import { navigate, useLocation } from './router';
import { LoginPage, PrintSheetsPage, SignedInRoutes, StaffLinkPage } from './routes';
import { PageLoader } from '../../shared/page-loader';
import { Shell } from './shell';

export function App() {
  const { t } = useI18n();
  const location = useLocation();
  const queryClient = useQueryClient();
  const onLoginPage = location.pathname === '/login';

  useEffect(() => {
    // any 401 (session expired, signed out elsewhere): back to the login page, then back here
    onUnauthorized(() => {
      if (window.location.pathname === '/login' || staffLinkToken(window.location.pathname)) return;
      const here = window.location.pathname + window.location.search;
      queryClient.clear();
      navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [queryClient]);

  useEffect(() => {
    if (location.pathname === '/') navigate('/orders', { replace: true });
  }, [location.pathname]);

  const linkToken = staffLinkToken(location.pathname);
  // pages without the shell wait for their code on a blank window; the shell's pages inside it (Shell)
  return (
    <Suspense fallback={<PageLoader label={t.common.loading} fullPage />}>
      {onLoginPage ? <LoginPage /> : linkToken ? <StaffLinkPage token={linkToken} /> : <SignedIn pathname={location.pathname} />}
    </Suspense>
  );
}

function SignedIn({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const me = useMe();
  if (me.isPending) return <PageLoader label={t.common.loading} fullPage />;
  if (me.isError) {
    // a 401 is already on its way to the login page
    if (me.error instanceof ApiError && me.error.status === 401) return <PageLoader label={t.common.loading} fullPage />;
    return (
      <Center mih="100vh">
        <Alert color="red" role="alert" title={errorMessage(me.error)}>
          <Button mt="sm" variant="light" onClick={() => void me.refetch()}>
            {t.common.retry}
          </Button>
        </Alert>
      </Center>
    );
  }
  // the print view is the sheets alone: no navigation to print along with them
  if (pathname === '/orders/print' || pathname === '/orders/print/') return <PrintSheetsPage />;
  return (
    <Shell me={me.data}>
      <SignedInRoutes pathname={pathname} />
    </Shell>
  );
}
