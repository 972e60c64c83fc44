import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiKeysPage } from '../features/api-keys/components/api-keys-page';
import { LoginPage } from '../features/auth/components/login-page';
import { useMe } from '../features/auth/api/me';
import { BuyerMessagesPage } from '../features/notifications/components/buyer-messages-page';
import { NotificationSettingsPage } from '../features/notifications/components/notification-settings-page';
import { AccessLogPage } from '../features/audit/components/access-log-page';
import { AuditLogPage } from '../features/audit/components/audit-log-page';
import { OrderDetailPage } from '../features/order-detail/OrderDetailPage';
import { OrderListPage } from '../features/order-list/components/order-list-page';
import { PrintSheetsPage } from '../features/order-print/components/print-sheets-page';
import { ProductDetailPage } from '../features/products/components/product-detail-page';
import { ProductListPage } from '../features/products/components/product-list-page';
import { SHOP_POLICY_PATH, ShopPolicyPage } from '../features/shop-policy/components/shop-policy-page';
import { ShopSettingsPage } from '../features/shop-settings/components/shop-settings-page';
import { DeliveryLogPage } from '../features/webhooks/components/delivery-log-page';
import { WebhooksPage } from '../features/webhooks/components/webhooks-page';
import { StaffLinkPage, staffLinkToken } from '../features/staff/components/staff-link-page';
import { StaffPage, STAFF_PATH } from '../features/staff/components/staff-page';
import { ApiError, errorMessage, onUnauthorized } from './api/client';
import { useI18n } from './i18n';
import { Link, navigate, useLocation } from './router';
import { Shell } from './shell';

function FullPageLoader() {
  const { t } = useI18n();
  return (
    <Center mih="100vh">
      <Loader aria-label={t.common.loading} />
    </Center>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start">
      <Text>{t.errors.notFound}</Text>
      <Link to="/orders">{t.shell.orders}</Link>
    </Stack>
  );
}

function SignedInRoutes({ pathname }: { pathname: string }) {
  const detail = /^\/orders\/(\d+)\/?$/.exec(pathname);
  if (detail?.[1]) return <OrderDetailPage orderId={Number(detail[1])} />;
  if (pathname === '/orders' || pathname === '/orders/') return <OrderListPage />;
  const product = /^\/products\/(\d+)\/?$/.exec(pathname);
  if (product?.[1]) return <ProductDetailPage productId={Number(product[1])} />;
  if (pathname === '/products' || pathname === '/products/') return <ProductListPage />;
  const webhookLog = /^\/settings\/webhooks\/(\d+)\/?$/.exec(pathname);
  if (webhookLog?.[1]) return <DeliveryLogPage endpointId={Number(webhookLog[1])} />;
  if (pathname === '/settings/webhooks' || pathname === '/settings/webhooks/') return <WebhooksPage />;
  if (pathname === '/settings/shop' || pathname === '/settings/shop/') return <ShopSettingsPage />;
  if (pathname === '/settings/notifications' || pathname === '/settings/notifications/') return <NotificationSettingsPage />;
  if (pathname === '/settings/api-keys' || pathname === '/settings/api-keys/') return <ApiKeysPage />;
  if (pathname === '/messages' || pathname === '/messages/') return <BuyerMessagesPage />;
  if (pathname === STAFF_PATH || pathname === `${STAFF_PATH}/`) return <StaffPage />;
  if (pathname === '/settings/audit' || pathname === '/settings/audit/') return <AuditLogPage />;
  if (pathname === '/settings/access-log' || pathname === '/settings/access-log/') return <AccessLogPage />;
  if (pathname === SHOP_POLICY_PATH || pathname === `${SHOP_POLICY_PATH}/`) return <ShopPolicyPage />;
  return <NotFound />;
}

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

  if (onLoginPage) return <LoginPage />;
  const linkToken = staffLinkToken(location.pathname);
  if (linkToken) return <StaffLinkPage token={linkToken} />;
  return <SignedIn pathname={location.pathname} retryLabel={t.common.retry} />;
}

function SignedIn({ pathname, retryLabel }: { pathname: string; retryLabel: string }) {
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    // a 401 is already on its way to the login page
    if (me.error instanceof ApiError && me.error.status === 401) return <FullPageLoader />;
    return (
      <Center mih="100vh">
        <Alert color="red" role="alert" title={errorMessage(me.error)}>
          <Button mt="sm" variant="light" onClick={() => void me.refetch()}>
            {retryLabel}
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
