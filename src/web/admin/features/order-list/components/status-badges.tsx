import { Badge, Group } from '@mantine/core';
import type { OrderListItem } from '../../../../../contracts/order-list';
import { orderStatusColor, paymentStatusColor, unitStatusColor } from '../model/status-colors';

/** The units' statuses (labels from the server, in the screen's language), one colour per family. */
export function OrderStatusBadges({ order }: { order: OrderListItem }) {
  if (order.unitStatuses.length === 0) {
    return (
      <Badge variant="light" color={orderStatusColor(order.orderStatus)} radius="sm">
        {order.orderStatusLabel}
      </Badge>
    );
  }
  return (
    <Group gap={4} wrap="wrap" title={order.orderStatusLabel}>
      {order.unitStatuses.map((s) => (
        <Badge key={s.status} variant="light" color={unitStatusColor(s.status)} radius="sm" tt="none">
          {s.label}
        </Badge>
      ))}
    </Group>
  );
}

export function PaymentStatusBadge({ order }: { order: OrderListItem }) {
  return (
    <Badge variant="outline" color={paymentStatusColor(order.paymentStatus)} radius="sm" tt="none">
      {order.paymentStatusLabel}
    </Badge>
  );
}
