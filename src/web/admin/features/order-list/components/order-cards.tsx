import { Anchor, Checkbox, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo, type MouseEvent } from 'react';
import type { OrderListItem } from '../../../../../contracts/order-list';
import { formatSeoulDateTime, formatWon } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Link, navigate } from '../../../app/router';
import type { OrderSelectionApi } from '../hooks/use-order-selection';
import { columnLabel } from '../model/columns';
import { OrderStatusBadges, PaymentStatusBadge } from './status-badges';

export interface OrderCardsProps {
  orders: OrderListItem[];
  selection: OrderSelectionApi;
  /** The first page is loading: cards are placeholders. */
  loading: boolean;
  /** Another page or query is loading: the cards shown are the previous ones. */
  refreshing: boolean;
}

/** A tap on a card opens the order, unless it was on the card's checkbox or link. */
function openOnCardClick(event: MouseEvent<HTMLElement>, orderId: number) {
  const target = event.target as HTMLElement;
  if (target.closest('a, button, input, label')) return;
  if (window.getSelection()?.toString()) return; // selecting text to copy, not opening
  navigate(`/orders/${orderId}`);
}

/**
 * The order list on a phone: a card per order instead of the table's columns — order number,
 * ordered at, buyer, items, statuses (the table's badges and colours) and the amount — with a
 * checkbox each (and one for the page) so the selection bar and bulk actions work as on desktop.
 */
export function OrderCards({ orders, selection, loading, refreshing }: OrderCardsProps) {
  const { t, lang } = useI18n();
  const pageIds = useMemo(() => orders.map((o) => o.id), [orders]);
  const allSelected = selection.allOnPageSelected(pageIds);
  return (
    <Stack gap="xs" component="section" aria-label={t.list.cardsLabel} aria-busy={loading || refreshing} style={{ opacity: refreshing ? 0.6 : 1 }}>
      <Checkbox
        label={t.list.selectPage}
        checked={allSelected}
        indeterminate={!allSelected && selection.someOnPageSelected(pageIds)}
        onChange={(e) => selection.setPage(pageIds, e.currentTarget.checked)}
        disabled={pageIds.length === 0}
        px="sm"
      />
      {loading
        ? Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={112} radius="sm" />)
        : orders.map((order) => {
            const selected = selection.isSelected(order.id);
            return (
              <Paper
                key={order.id}
                component="article"
                aria-label={order.orderNumber}
                withBorder
                p="sm"
                bg={selected ? 'indigo.0' : undefined}
                data-selected={selected || undefined}
                style={{ cursor: 'pointer' }}
                onClick={(e: MouseEvent<HTMLElement>) => openOnCardClick(e, order.id)}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" miw={0}>
                    <Checkbox aria-label={t.list.selectRow(order.orderNumber)} checked={selected} onChange={() => selection.toggle(order.id, pageIds)} />
                    <Anchor component={Link} to={`/orders/${order.id}`} fw={600} size="sm" truncate>
                      {order.orderNumber}
                    </Anchor>
                  </Group>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={columnLabel('orderedAt', lang)}>
                    {formatSeoulDateTime(order.orderedAt)}
                  </Text>
                </Group>
                <Text size="sm" mt={6} truncate title={columnLabel('ordererName', lang)}>
                  {order.ordererName}
                  <Text span size="xs" c="dimmed">
                    {' · '}
                    {order.isMember ? `${t.buyer.member}${order.gradeName ? ` ${order.gradeName}` : ''}` : t.buyer.guest}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed" lineClamp={2} title={order.itemSummary}>
                  {order.itemSummary}
                </Text>
                <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs" mt={6}>
                  <Group gap={4} wrap="wrap" miw={0}>
                    <OrderStatusBadges order={order} />
                    <PaymentStatusBadge order={order} />
                  </Group>
                  <Text fw={700} size="sm" c={order.totalAmount < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="card-amount">
                    {formatWon(t, order.totalAmount)}
                  </Text>
                </Group>
              </Paper>
            );
          })}
    </Stack>
  );
}
