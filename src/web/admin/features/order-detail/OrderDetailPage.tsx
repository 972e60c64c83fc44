import { Alert, Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../../contracts/orders';
import { ApiError, errorMessage } from '../../app/api/client';
import { Link, listHref } from '../../app/router';
import { usePhone } from '../../app/use-phone';
import { may } from '../auth/model/permissions';
import { useMe } from '../auth/api/me';
import { useOrder } from './api/queries';
import { AddressDialog } from './components/address-dialog';
import { AddressesPanel } from './components/addresses-panel';
import { AllocationDialog } from './components/allocation-dialog';
import { BuyerPanel } from './components/buyer-panel';
import { CancelDialog } from './components/cancel-dialog';
import { ClaimCompleteDialog } from './components/claim-complete-dialog';
import { ClaimRequestDialog } from './components/claim-request-dialog';
import { ClaimStepDialog } from './components/claim-step-dialog';
import { ClaimsSection } from './components/claims-section';
import { ConflictBanner } from './components/conflict-banner';
import { DepositDialog } from './components/deposit-dialog';
import { DetailHeader } from './components/detail-header';
import { EditDialog } from './components/edit-dialog';
import { ItemsSection } from './components/items-section';
import { BalanceRefundDialog, PaymentRequestDialog } from './components/money-dialogs';
import { PaymentPanel } from './components/payment-panel';
import { StatusChangeDialog } from './components/status-change-dialog';
import { TimelinePanel } from './components/timeline-panel';
import { ConflictProvider } from './hooks/conflict';
import { useDetailI18n } from './i18n';
import type { DialogState } from './model/dialogs';
import { unitRows } from './model/rows';
import { chosen, totalUnits, type Selection } from './model/selection';

/**
 * 주문 상세 (/orders/:orderId): the order's units by address and shipment group, every action on
 * any part of their quantity, the claims, 결제 정보, 구매자 정보, 배송지 and the timeline with memos.
 * Every change is based on the version on screen; a stale one raises the conflict banner.
 */
export function OrderDetailPage({ orderId }: { orderId: number }) {
  const { d, t } = useDetailI18n();
  const order = useOrder(orderId);
  if (order.isPending) {
    return (
      <Stack align="flex-start">
        <Anchor component={Link} to={listHref()} size="sm">
          ← {d.backToList}
        </Anchor>
        <Group gap="xs">
          <Loader size="sm" aria-label={d.loadingOrder} />
          <Text>{d.loadingOrder}</Text>
        </Group>
      </Stack>
    );
  }
  if (order.isError) {
    const notFound = order.error instanceof ApiError && order.error.status === 404;
    return (
      <Stack align="flex-start">
        <Anchor component={Link} to={listHref()} size="sm">
          ← {d.backToList}
        </Anchor>
        <Title order={1} size="h3">
          {d.title}
        </Title>
        <Alert color="red" role="alert" title={notFound ? d.notFound : errorMessage(order.error)}>
          {!notFound && (
            <Button mt="sm" variant="light" onClick={() => void order.refetch()}>
              {t.common.retry}
            </Button>
          )}
        </Alert>
      </Stack>
    );
  }
  return (
    <ConflictProvider loadedAt={order.dataUpdatedAt}>
      <OrderDetailScreen order={order.data} />
    </ConflictProvider>
  );
}

function OrderDetailScreen({ order }: { order: OrderDetail }) {
  const { d } = useDetailI18n();
  const me = useMe();
  const readOnly = !may(me.data, 'orders.update');
  const [selection, setSelection] = useState<Selection>({});
  const [dialog, setDialog] = useState<DialogState | null>(null);
  // ticks belong to the order as it was: once it changes (here or elsewhere), what they pointed at may have moved
  const [selectionVersion, setSelectionVersion] = useState(order.version);
  if (selectionVersion !== order.version) {
    setSelectionVersion(order.version);
    setSelection({});
  }
  const selected = totalUnits(chosen(unitRows(order), selection));
  const phone = usePhone();

  const items = (
    <section aria-labelledby="items-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="items-title">
          {d.items.title}
        </Title>
        {selected > 0 && (
          <Group gap="xs" aria-live="polite">
            <Text size="sm" fw={600} data-testid="selected-units">
              {d.actions.selectedCount(selected)}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setSelection({})}>
              {d.actions.clearSelection}
            </Button>
          </Group>
        )}
      </Group>
      <ItemsSection order={order} selection={selection} onSelectionChange={setSelection} readOnly={readOnly} />
    </section>
  );
  const claims = <ClaimsSection order={order} onOpen={setDialog} readOnly={readOnly} />;
  const timeline = <TimelinePanel orderId={order.id} readOnly={readOnly} />;
  const panels = (
    <>
      <PaymentPanel order={order} onOpen={setDialog} readOnly={readOnly} />
      <BuyerPanel order={order} />
      <AddressesPanel order={order} onOpen={setDialog} readOnly={readOnly} />
    </>
  );

  return (
    <Stack gap="md" pb="xl">
      <DetailHeader order={order} onOpen={setDialog} readOnly={readOnly} />
      <ConflictBanner orderId={order.id} />
      {phone ? (
        // one column on a phone, the timeline last: what the order holds and its money come first
        <Stack gap="md">
          {items}
          {claims}
          {panels}
          {timeline}
        </Stack>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              {items}
              {claims}
              {timeline}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">{panels}</Stack>
          </Grid.Col>
        </Grid>
      )}
      {dialog && <Dialog dialog={dialog} order={order} selection={selection} onClose={() => setDialog(null)} onOpen={setDialog} />}
    </Stack>
  );
}

function Dialog({
  dialog,
  order,
  selection,
  onClose,
  onOpen,
}: {
  dialog: DialogState;
  order: OrderDetail;
  selection: Selection;
  onClose(): void;
  onOpen(dialog: DialogState): void;
}) {
  switch (dialog.kind) {
    case 'status':
      return <StatusChangeDialog direction="forward" order={order} selection={selection} onClose={onClose} />;
    case 'revert':
      return <StatusChangeDialog direction="revert" order={order} selection={selection} onClose={onClose} />;
    case 'cancel':
      return <CancelDialog order={order} selection={selection} onClose={onClose} />;
    case 'return':
      return <ClaimRequestDialog kind="return" order={order} selection={selection} onClose={onClose} />;
    case 'exchange':
      return <ClaimRequestDialog kind="exchange" order={order} selection={selection} onClose={onClose} />;
    case 'edit':
      return <EditDialog order={order} onClose={onClose} />;
    case 'deposit':
      return <DepositDialog mode="confirm" order={order} onClose={onClose} />;
    case 'depositRevert':
      return <DepositDialog mode="revert" order={order} onClose={onClose} />;
    case 'addAddress':
      return <AddressDialog order={order} onClose={onClose} onAdded={(addressId) => onOpen({ kind: 'move', addressId })} />;
    case 'editAddress':
      return <AddressDialog order={order} addressId={dialog.addressId} onClose={onClose} />;
    case 'move':
      return <AllocationDialog order={order} addressId={dialog.addressId} selection={selection} onClose={onClose} />;
    case 'claimComplete':
      return <ClaimCompleteDialog order={order} claim={{ id: dialog.claimId, kind: dialog.claimKind }} onClose={onClose} />;
    case 'claimStep': {
      const claim = order.claims.find((c) => c.id === dialog.claimId);
      if (!claim) return null;
      return (
        <ClaimStepDialog
          order={order}
          claim={{ id: claim.id, kind: claim.kind === 'return' || claim.kind === 'exchange' ? claim.kind : 'cancel', status: claim.status, statusLabel: claim.statusLabel }}
          action={dialog.action}
          onClose={onClose}
        />
      );
    }
    case 'paymentRequest':
      return <PaymentRequestDialog order={order} onClose={onClose} />;
    case 'balanceRefund':
      return <BalanceRefundDialog order={order} onClose={onClose} />;
  }
}
