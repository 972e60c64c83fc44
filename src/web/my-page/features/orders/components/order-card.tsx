import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import type { myOrderSummarySchema } from '../../../../../contracts/my';
import { UnitBadges } from '../../../app/components/unit-badges';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Link, orderPath } from '../../../app/router';

type Summary = z.infer<typeof myOrderSummarySchema>;

/** One order of the list; the whole card is the link to it. */
export function OrderCard({ order }: { order: Summary }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <Card component={Link} to={orderPath(order.orderNumber)} withBorder radius="md" p="md" className="my-card-link" data-testid="order-card">
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Text fw={700}>{order.orderNumber}</Text>
            <Text size="sm" c="dimmed">
              {t.orders.orderedAt} {f.dateTime(order.orderedAt)}
            </Text>
          </div>
          {order.openPaymentRequests > 0 && (
            <Badge color="red" variant="filled" tt="none" size="lg" radius="sm">
              {t.orders.paymentRequest}
              {order.openPaymentRequests > 1 ? ` ${order.openPaymentRequests}` : ''}
            </Badge>
          )}
        </Group>
        <Text lineClamp={2}>{order.itemSummary}</Text>
        <UnitBadges units={order.statuses} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t.orders.total}
          </Text>
          <Text fw={700}>{f.won(order.totalAmount)}</Text>
        </Group>
      </Stack>
    </Card>
  );
}
