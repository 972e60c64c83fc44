import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OrderListItem } from '../../../../../contracts/order-list';
import type { ColumnKey } from '../../../../../contracts/views';
import { formatNumber, formatSeoulDateTime, formatWon } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Link } from '../../../app/router';
import { BuyerCell } from './buyer-popover';
import { MemoCell } from './memo-popover';
import { PersonalValue } from './personal-value';
import { OrderStatusBadges, PaymentStatusBadge } from './status-badges';

/** Columns whose values are amounts or counts: right-aligned, with tabular digits. */
export const NUMERIC_COLUMNS: ReadonlySet<ColumnKey> = new Set(['quantity', 'totalAmount', 'balanceDue', 'paidAmount', 'refundedAmount', 'shippingDelay']);

/**
 * Text on one line, cut with an ellipsis where the column is narrower: every row keeps one
 * height, and the whole text is in the tooltip (title).
 */
function Plain({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <Text size="sm" truncate title={title ?? (typeof children === 'string' && children !== '' ? children : undefined)}>
      {children}
    </Text>
  );
}

function Money({ amount }: { amount: number }) {
  const { t } = useI18n();
  return (
    <Text size="sm" ta="right" c={amount < 0 ? 'red' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatWon(t, amount)}
    </Text>
  );
}

/** One cell of the order list, by column. */
export function OrderCell({ column, order }: { column: ColumnKey; order: OrderListItem }) {
  const { t } = useI18n();
  switch (column) {
    case 'orderNumber':
      return (
        <Anchor component={Link} to={`/orders/${order.id}`} size="sm" fw={500}>
          {order.orderNumber}
        </Anchor>
      );
    case 'orderedAt':
      return <Plain>{formatSeoulDateTime(order.orderedAt)}</Plain>;
    case 'paidAt':
      return <Plain>{formatSeoulDateTime(order.paidAt)}</Plain>;
    case 'shippedAt':
      return <Plain>{formatSeoulDateTime(order.shippedAt)}</Plain>;
    case 'lastMemoAt':
      return <Plain>{formatSeoulDateTime(order.lastMemoAt)}</Plain>;
    case 'channel':
      return <Plain>{order.channelLabel}</Plain>;
    case 'ordererName':
      return <BuyerCell order={order} />;
    case 'ordererPhone':
      return <PersonalValue order={order} field="ordererPhone" />;
    case 'ordererEmail':
      return <PersonalValue order={order} field="ordererEmail" />;
    case 'memberType':
      return <Plain>{order.isMember ? `${t.buyer.member}${order.gradeName ? ` · ${order.gradeName}` : ''}` : t.buyer.guest}</Plain>;
    case 'recipientName':
      return <Plain>{order.recipientName ? `${order.recipientName}${order.addressCount > 1 ? ` ${t.list.moreAddresses(order.addressCount - 1)}` : ''}` : ''}</Plain>;
    case 'recipientPhone':
      return <PersonalValue order={order} field="recipientPhone" />;
    case 'recipientPostcode':
      return <Plain>{order.recipientPostcode ?? ''}</Plain>;
    case 'recipientAddress':
      return <PersonalValue order={order} field="recipientAddress" />;
    case 'deliveryMemo':
      return <Plain>{order.deliveryMemo ?? ''}</Plain>;
    case 'itemSummary':
      return <Plain title={order.itemSummary}>{order.itemSummary}</Plain>;
    case 'quantity':
      return (
        <Text size="sm" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatNumber(order.quantity)}
        </Text>
      );
    case 'orderStatus':
      return <OrderStatusBadges order={order} />;
    case 'paymentStatus':
      return <PaymentStatusBadge order={order} />;
    case 'paymentMethod':
      return <Plain>{order.paymentMethodLabel ?? ''}</Plain>;
    case 'totalAmount':
      return <Money amount={order.totalAmount} />;
    case 'balanceDue':
      return <Money amount={order.balanceDue} />;
    case 'paidAmount':
      return <Money amount={order.paidAmount} />;
    case 'refundedAmount':
      return <Money amount={order.refundedAmount} />;
    case 'courier':
      return <Plain>{order.courierLabel ?? order.courier ?? ''}</Plain>;
    case 'trackingNumber':
      return <Plain>{order.trackingNumber ?? ''}</Plain>;
    case 'memoCount':
      return <MemoCell order={order} />;
    case 'shippingDelay':
      return (
        <Text size="sm" ta="right" c={order.shippingDelayDays ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {order.shippingDelayDays === null ? '' : t.list.delayDays(order.shippingDelayDays)}
        </Text>
      );
  }
}
