import { Badge, Group } from '@mantine/core';

/** One colour per family of the status flow (결제, 배송, 취소, 반품, 교환), as the admin shows them. */
export function statusColor(status: string): string {
  if (status === 'awaiting_payment') return 'yellow';
  if (status === 'shipping') return 'indigo';
  if (status === 'delivered') return 'teal';
  if (status === 'purchase_confirmed') return 'green';
  if (status.startsWith('cancel')) return 'red';
  if (status.startsWith('return')) return 'orange';
  if (status.startsWith('exchange')) return 'grape';
  return 'blue';
}

export interface Units {
  status: string;
  statusLabel: string;
  quantity: number;
}

/** "배송중 2 · 배송완료 1": a badge per group of units in one status. */
export function UnitBadges({ units, label }: { units: Units[]; label?: string }) {
  return (
    <Group gap={6} aria-label={label} role={label ? 'list' : undefined}>
      {units.map((u) => (
        <Badge key={u.status} color={statusColor(u.status)} variant="light" tt="none" size="lg" radius="sm" role={label ? 'listitem' : undefined}>
          {u.statusLabel} {u.quantity}
        </Badge>
      ))}
    </Group>
  );
}
