import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import { CHANNEL_LABELS } from '../../../../../contracts/order-filter';
import { formatSeoulDateTime } from '../../../app/format';
import { PrintMenu, PrintOrderMenuItems } from '../../order-print/components/print-menu';
import { Link, listHref } from '../../../app/router';
import { usePhone } from '../../../app/use-phone';
import { useDetailI18n } from '../i18n';
import type { OpenDialog } from '../model/dialogs';
import { confirmedTransfer, pendingDeposit } from '../model/payments';
import { unitRows } from '../model/rows';
import { CANCELLABLE, RETURNABLE, nextStatus, previousStatus } from '../model/status-flow';
import { MyPageLinkItem } from './my-page-link';
import { OrderStatusBadge } from './status-badge';

/** Order number, time (Seoul), channel, member/guest, status; the actions at the top right. */
export function DetailHeader({ order, onOpen, readOnly }: { order: OrderDetail; onOpen: OpenDialog; readOnly: boolean }) {
  const { d, lang } = useDetailI18n();
  const phone = usePhone();
  const channel = CHANNEL_LABELS[order.channel as keyof typeof CHANNEL_LABELS]?.[lang] ?? order.channel;
  return (
    <Stack gap="xs">
      <Anchor component={Link} to={listHref()} size="sm">
        ← {d.backToList}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="sm" align="center">
            <Title order={1} size="h3">
              {d.title} {order.orderNumber}
            </Title>
            <OrderStatusBadge status={order.orderStatus} label={order.orderStatusLabel} />
            <Badge variant="outline" tt="none" aria-label={`${d.paymentStatus}: ${order.paymentStatusLabel}`}>
              {order.paymentStatusLabel}
            </Badge>
          </Group>
          <Group gap="lg" component="dl" style={{ margin: 0 }}>
            <Meta label={d.orderedAt} value={formatSeoulDateTime(order.orderedAt)} testId="ordered-at" />
            <Meta label={d.channel} value={channel} />
            <Meta label={d.memberType} value={order.orderer.isMember ? `${d.member}${order.orderer.gradeName ? ` · ${order.orderer.gradeName}` : ''}` : d.guest} />
            {order.externalOrderId && <Meta label={d.externalOrderId} value={order.externalOrderId} />}
          </Group>
        </Stack>
        {/* a viewer changes nothing, but prints this order's sheets */}
        {readOnly ? (
          <PrintMenu source={{ kind: 'ids', ids: [order.id] }} caption={order.orderNumber} />
        ) : phone ? (
          <PhoneOrderActions order={order} onOpen={onOpen} />
        ) : (
          <OrderActions order={order} onOpen={onOpen} />
        )}
      </Group>
    </Stack>
  );
}

function Meta({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group gap={6}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

/** Which of the order's actions apply now (the same on a phone and on a desktop). */
function availableActions(order: OrderDetail) {
  const rows = unitRows(order);
  return {
    forward: rows.some((r) => nextStatus(r.status) !== null),
    revert: rows.some((r) => previousStatus(r.status) !== null),
    cancel: rows.some((r) => CANCELLABLE.includes(r.status)),
    claim: rows.some((r) => RETURNABLE.includes(r.status)),
    deposit: pendingDeposit(order) !== null && rows.some((r) => r.status === 'awaiting_payment'),
    depositRevert: confirmedTransfer(order) !== null && rows.length > 0 && rows.every((r) => r.status === 'paid'),
    addressesFull: order.addresses.length >= 5,
  };
}

/** The … menu's own items: they follow 반품/교환 on a phone, where those move into it too. */
function MoreItems({ order, onOpen, can }: { order: OrderDetail; onOpen: OpenDialog; can: ReturnType<typeof availableActions> }) {
  const { d } = useDetailI18n();
  return (
    <>
      <Menu.Item disabled={!can.revert} onClick={() => onOpen({ kind: 'revert' })}>
        {d.actions.revert}
      </Menu.Item>
      <Menu.Item disabled={can.addressesFull} onClick={() => onOpen({ kind: 'addAddress' })}>
        {d.actions.addAddress}
      </Menu.Item>
      <Menu.Item disabled={order.addresses.length < 2} onClick={() => onOpen({ kind: 'move' })}>
        {d.actions.moveUnits}
      </Menu.Item>
      {can.depositRevert && <Menu.Item onClick={() => onOpen({ kind: 'depositRevert' })}>{d.actions.depositRevert}</Menu.Item>}
      <MyPageLinkItem orderNumber={order.orderNumber} />
      <PrintOrderMenuItems orderId={order.id} />
    </>
  );
}

/** The … menu at the end of the toolbar, on both layouts. */
function MoreMenu({ children }: { children: ReactNode }) {
  const { d } = useDetailI18n();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={d.actions.moreLabel}>
          <span aria-hidden>…</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

/**
 * On a phone the six buttons do not fit beside the title: 상태 변경 and 취소 stay buttons (with
 * 입금확인 when it applies), 추가, 반품 and 교환 join the … menu's items.
 */
function PhoneOrderActions({ order, onOpen }: { order: OrderDetail; onOpen: OpenDialog }) {
  const { d } = useDetailI18n();
  const can = availableActions(order);
  return (
    <Group gap="xs" role="toolbar" aria-label={d.actions.label} wrap="nowrap">
      {can.deposit && (
        <Button color="teal" onClick={() => onOpen({ kind: 'deposit' })}>
          {d.actions.depositConfirm}
        </Button>
      )}
      <Button variant="default" disabled={!can.forward} onClick={() => onOpen({ kind: 'status' })}>
        {d.actions.statusChange}
      </Button>
      <Button variant="default" color="red" disabled={!can.cancel} onClick={() => onOpen({ kind: 'cancel' })}>
        {d.actions.cancel}
      </Button>
      <MoreMenu>
        <Menu.Item onClick={() => onOpen({ kind: 'edit' })}>{d.actions.edit}</Menu.Item>
        <Menu.Item disabled={!can.claim} onClick={() => onOpen({ kind: 'return' })}>
          {d.actions.return}
        </Menu.Item>
        <Menu.Item disabled={!can.claim} onClick={() => onOpen({ kind: 'exchange' })}>
          {d.actions.exchange}
        </Menu.Item>
        <Menu.Divider />
        <MoreItems order={order} onOpen={onOpen} can={can} />
      </MoreMenu>
    </Group>
  );
}

function OrderActions({ order, onOpen }: { order: OrderDetail; onOpen: OpenDialog }) {
  const { d } = useDetailI18n();
  const can = availableActions(order);
  return (
    <Group gap="xs" role="toolbar" aria-label={d.actions.label}>
      {can.deposit && (
        <Button color="teal" onClick={() => onOpen({ kind: 'deposit' })}>
          {d.actions.depositConfirm}
        </Button>
      )}
      <Button variant="default" disabled={!can.forward} onClick={() => onOpen({ kind: 'status' })}>
        {d.actions.statusChange}
      </Button>
      <Tooltip label={d.actions.editHint}>
        <Button variant="default" onClick={() => onOpen({ kind: 'edit' })}>
          {d.actions.edit}
        </Button>
      </Tooltip>
      <Button variant="default" color="red" disabled={!can.cancel} onClick={() => onOpen({ kind: 'cancel' })}>
        {d.actions.cancel}
      </Button>
      <Button variant="default" disabled={!can.claim} onClick={() => onOpen({ kind: 'return' })}>
        {d.actions.return}
      </Button>
      <Button variant="default" disabled={!can.claim} onClick={() => onOpen({ kind: 'exchange' })}>
        {d.actions.exchange}
      </Button>
      <MoreMenu>
        <MoreItems order={order} onOpen={onOpen} can={can} />
      </MoreMenu>
    </Group>
  );
}
