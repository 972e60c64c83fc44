import { Badge } from '@mantine/core';
import { orderStatusColor, unitStatusColor } from '../../order-list/model/status-colors';

/** A unit or claim status in Korean words, coloured by family as in the order list. */
export function UnitStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge variant="light" color={unitStatusColor(status)} radius="sm" tt="none">
      {label}
    </Badge>
  );
}

export function OrderStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge variant="filled" color={orderStatusColor(status)} radius="sm" tt="none" size="lg">
      {label}
    </Badge>
  );
}
