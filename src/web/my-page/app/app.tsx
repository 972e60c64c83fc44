import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import type { MySession } from '../../../contracts/my';
import { forgetSession, useSession } from '../features/session/api/session';
import { lazyPart as page } from '../../shared/lazy';
import { errorMessage, onUnauthorized } from './api/client';
import { useI18n } from './i18n';
import { Link, lookupPath, Redirect, shopParam, useLocation } from './router';
import { Shell } from './shell';
import { PageLoader } from '../../shared/page-loader';

/** Each page is its own chunk, loaded when first opened: a buyer looking up an order does not download the order's dialogs. */
const LookupPage = page(() => import('../features/session/components/lookup-page').then((m) => m.LookupPage));
const OrdersPage = page(() => import('../features/orders/components/orders-page').then((m) => m.OrdersPage));
const OrderDetailPage = page(() => import('../features/order-detail/components/order-detail-page').then((m) => m.OrderDetailPage));
const PaySuccessPage = page(() => import('../features/pay/components/pay-success-page').then((m) => m.PaySuccessPage));
const PayFailPage = page(() => import('../features/pay/components/pay-fail-page').then((m) => m.PayFailPage));

function NotFound() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start">
      <Text>{t.errors.notFound}</Text>
      <Anchor component={Link} to="/my">
        {t.lookup.title}
      </Anchor>
    </Stack>
  );
}

/** The page for a path, given who is signed in (null: nobody). */
function Routes({ path, search, session }: { path: string; search: URLSearchParams; session: MySession | null }) {
  if (path === '/my') return session?.buyer === 'member' ? <Redirect to="/my/orders" /> : <LookupPage session={session} />;
  if (path === '/my/orders') return session ? <OrdersPage /> : <Redirect to="/my" />;
  const detail = /^\/my\/orders\/([^/]+)$/.exec(path);
  if (detail?.[1]) {
    const orderNumber = decodeURIComponent(detail[1]);
    // a guest (or a member whose session ended) following a staff link: the lookup, prefilled
    return session ? <OrderDetailPage orderNumber={orderNumber} shopId={session.shop.id} /> : <Redirect to={lookupPath(orderNumber, shopParam(search))} />;
  }
  return <NotFound />;
}

/**
 * /my (비회원 주문조회), /my/orders, /my/orders/:orderNumber, and the payment window's return pages
 * /my/pay/success and /my/pay/fail. Pages that need a session wait for it; without one they lead
 * to the lookup.
 */
export function App() {
  const { t } = useI18n();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const path = location.pathname.replace(/\/+$/, '') || '/';

  useEffect(() => {
    onUnauthorized(() => forgetSession(queryClient));
  }, [queryClient]);

  const shellSession = session.data;
  // the gateway's return pages confirm with the session cookie the browser still holds
  if (path === '/my/pay/success')
    return (
      <Shell session={shellSession}>
        <Suspense fallback={<PageLoader label={t.common.loading} />}>
          <PaySuccessPage />
        </Suspense>
      </Shell>
    );
  if (path === '/my/pay/fail')
    return (
      <Shell session={shellSession}>
        <Suspense fallback={<PageLoader label={t.common.loading} />}>
          <PayFailPage />
        </Suspense>
      </Shell>
    );

  let content;
  if (session.isPending) content = <PageLoader label={t.common.loading} />;
  else if (session.isError)
    content = (
      <Alert color="red" role="alert" title={errorMessage(session.error)}>
        <Button mt="sm" variant="light" onClick={() => void session.refetch()}>
          {t.common.retry}
        </Button>
      </Alert>
    );
  else content = <Routes path={path} search={location.search} session={session.data} />;
  return (
    <Shell session={shellSession}>
      {/* a page whose code is still loading shows a spinner under the header */}
      <Suspense fallback={<PageLoader label={t.common.loading} />}>{content}</Suspense>
    </Shell>
  );
}
