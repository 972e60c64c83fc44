import { Stack, Text } from '@mantine/core';
import { SHOP_POLICY_PATH } from '../features/shop-policy/model/paths';
import { STAFF_PATH } from '../features/staff/model/paths';
import { lazyPart as page } from '../../shared/lazy';
import { useI18n } from './i18n';
import { Link } from './router';

/**
 * Every page is its own chunk, loaded when first opened: the first screen (the login page, the
 * order list) no longer downloads the code of the detail, the settings and the print sheets.
 * Vite preloads a page's shared chunks alongside it (modulepreload).
 */
export const LoginPage = page(() => import('../features/auth/components/login-page').then((m) => m.LoginPage));
export const StaffLinkPage = page(() => import('../features/staff/components/staff-link-page').then((m) => m.StaffLinkPage));
export const PrintSheetsPage = page(() => import('../features/order-print/components/print-sheets-page').then((m) => m.PrintSheetsPage));
const OrderListPage = page(() => import('../features/order-list/components/order-list-page').then((m) => m.OrderListPage));
export const OrderDetailPage = page(() => import('../features/order-detail/OrderDetailPage').then((m) => m.OrderDetailPage));
const ProductListPage = page(() => import('../features/products/components/product-list-page').then((m) => m.ProductListPage));
const ProductDetailPage = page(() => import('../features/products/components/product-detail-page').then((m) => m.ProductDetailPage));
const WebhooksPage = page(() => import('../features/webhooks/components/webhooks-page').then((m) => m.WebhooksPage));
const DeliveryLogPage = page(() => import('../features/webhooks/components/delivery-log-page').then((m) => m.DeliveryLogPage));
const ShopSettingsPage = page(() => import('../features/shop-settings/components/shop-settings-page').then((m) => m.ShopSettingsPage));
const NotificationSettingsPage = page(() => import('../features/notifications/components/notification-settings-page').then((m) => m.NotificationSettingsPage));
const BuyerMessagesPage = page(() => import('../features/notifications/components/buyer-messages-page').then((m) => m.BuyerMessagesPage));
const ApiKeysPage = page(() => import('../features/api-keys/components/api-keys-page').then((m) => m.ApiKeysPage));
const StaffPage = page(() => import('../features/staff/components/staff-page').then((m) => m.StaffPage));
const AuditLogPage = page(() => import('../features/audit/components/audit-log-page').then((m) => m.AuditLogPage));
const AccessLogPage = page(() => import('../features/audit/components/access-log-page').then((m) => m.AccessLogPage));
const ShopPolicyPage = page(() => import('../features/shop-policy/components/shop-policy-page').then((m) => m.ShopPolicyPage));

function NotFound() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start">
      <Text>{t.errors.notFound}</Text>
      <Link to="/orders">{t.shell.orders}</Link>
    </Stack>
  );
}

/** The page of a signed-in path, inside the shell. */
export function SignedInRoutes({ pathname }: { pathname: string }) {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const detail = /^\/orders\/(\d+)$/.exec(path);
  if (detail?.[1]) return <OrderDetailPage orderId={Number(detail[1])} />;
  const product = /^\/products\/(\d+)$/.exec(path);
  if (product?.[1]) return <ProductDetailPage productId={Number(product[1])} />;
  const webhookLog = /^\/settings\/webhooks\/(\d+)$/.exec(path);
  if (webhookLog?.[1]) return <DeliveryLogPage endpointId={Number(webhookLog[1])} />;
  switch (path) {
    case '/orders':
      return <OrderListPage />;
    case '/products':
      return <ProductListPage />;
    case '/settings/webhooks':
      return <WebhooksPage />;
    case '/settings/shop':
      return <ShopSettingsPage />;
    case '/settings/notifications':
      return <NotificationSettingsPage />;
    case '/settings/api-keys':
      return <ApiKeysPage />;
    case '/messages':
      return <BuyerMessagesPage />;
    case STAFF_PATH:
      return <StaffPage />;
    case '/settings/audit':
      return <AuditLogPage />;
    case '/settings/access-log':
      return <AccessLogPage />;
    case SHOP_POLICY_PATH:
      return <ShopPolicyPage />;
    default:
      return <NotFound />;
  }
}
