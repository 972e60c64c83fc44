import { Badge, Group } from '@mantine/core';
import type { OrderListItem } from '../../../../../contracts/order-list';
import { orderStatusColor, paymentStatusColor, unitStatusColor } from '../model/status-colors';

/**
 * The units' statuses (labels from the server, in the screen's language), one colour per family.
 * On one line whatever their number, so a row never grows: what the column is too narrow for is
 * cut off, and the tooltip names every status.
 */
export function OrderStatusBadges({ order }: { order: OrderListItem }) {
  if (order.unitStatuses.length === 0) {
    return (
      <Badge variant="light" color={orderStatusColor(order.orderStatus)} radius="sm">
        {order.orderStatusLabel}
      </Badge>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }} title={[order.orderStatusLabel, ...order.unitStatuses.map((s) => s.label)].join(' · ')}>
      {order.unitStatuses.map((s) => (
        <Badge key={s.status} variant="light" color={unitStatusColor(s.status)} radius="sm" tt="none" style={{ flexShrink: 0 }}>
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
