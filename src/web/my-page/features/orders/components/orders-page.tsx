import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n';
import { useMyOrders } from '../api/orders';
import { OrderCard } from './order-card';

/** /my/orders — the buyer's orders, newest first, more by cursor. */
export function OrdersPage() {
  const { t } = useI18n();
  const orders = useMyOrders();
  const list = orders.data?.pages.flatMap((page) => page.orders) ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t.orders.title}
      </Title>
      {orders.isPending && (
        <Center py="xl">
          <Loader aria-label={t.common.loading} />
        </Center>
      )}
      {orders.isError && (
        <Alert color="red" role="alert" title={errorMessage(orders.error)}>
          <Button mt="sm" variant="light" onClick={() => void orders.refetch()}>
            {t.common.retry}
          </Button>
        </Alert>
      )}
      {orders.isSuccess && list.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center" c="dimmed">
            {t.orders.empty}
          </Text>
        </Paper>
      )}
      {list.length > 0 && (
        <Stack gap="sm" component="ul" aria-label={t.orders.listLabel} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.map((order) => (
            <li key={order.orderNumber}>
              <OrderCard order={order} />
            </li>
          ))}
        </Stack>
      )}
      {orders.hasNextPage && (
        <Button variant="default" onClick={() => void orders.fetchNextPage()} loading={orders.isFetchingNextPage} fullWidth>
          {t.orders.loadMore}
        </Button>
      )}
    </Stack>
  );
}
