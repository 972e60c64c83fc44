import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { orderDetailSchema } from '../../../../contracts/orders';
import { api, errorMessage } from '../../app/api/client';
import { useI18n } from '../../app/i18n';
import { Link, listHref } from '../../app/router';

/**
 * Placeholder for the order detail screen (주문 상세), which is built separately and replaces this
 * file: it shows the order number and a way back to the list, so that row clicks have somewhere
 * to go.
 */
export function OrderDetailPage({ orderId }: { orderId: number }) {
  const { t } = useI18n();
  const order = useQuery({
    queryKey: ['orders', 'detail', orderId],
    queryFn: ({ signal }) => api.get(`/api/v1/orders/${orderId}`, orderDetailSchema, signal),
  });
  return (
    <Stack align="flex-start">
      <Anchor component={Link} to={listHref()}>
        ← {t.detail.backToList}
      </Anchor>
      <Title order={1} size="h3">
        {t.detail.title} {order.data ? order.data.orderNumber : ''}
      </Title>
      {order.isPending && <Loader size="sm" aria-label={t.common.loading} />}
      {order.isError && (
        <Alert color="red" role="alert">
          {errorMessage(order.error)}
        </Alert>
      )}
      <Text c="dimmed">{t.detail.placeholder}</Text>
    </Stack>
  );
}
