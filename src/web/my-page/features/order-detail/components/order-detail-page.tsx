import { Alert, Anchor, Button, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { ApiError, errorMessage } from '../../../app/api/client';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Link, lookupPath } from '../../../app/router';
import { useMyOrder } from '../api/order';
import { AddressesSection } from './addresses-section';
import { CancelDialog } from './cancel-dialog';
import { ClaimDialog } from './claim-dialog';
import { ClaimsSection } from './claims-section';
import { ConfirmDialog } from './confirm-dialog';
import { ItemsSection } from './items-section';
import { ParcelsSection } from './parcels-section';
import { PaymentRequests } from './payment-requests';
import { PaymentSection } from './payment-section';
import { ShopContact } from './shop-contact';
import { TimelineSection } from './timeline-section';
import { WithdrawDialog } from './withdraw-dialog';

type Dialog = { kind: 'cancel' } | { kind: 'return' } | { kind: 'exchange' } | { kind: 'confirm' } | { kind: 'withdraw'; claimId: number };

/** /my/orders/:orderNumber — one order: payable requests on top, then items, delivery, money, claims, history, contact. */
export function OrderDetailPage({ orderNumber, shopId }: { orderNumber: string; shopId: number }) {
  const { t } = useI18n();
  const order = useMyOrder(orderNumber);
  if (order.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t.common.loading} />
      </Center>
    );
  if (order.isError) {
    const notFound = order.error instanceof ApiError && order.error.status === 404;
    return (
      <Stack align="flex-start">
        <Title order={1} size="h2">
          {t.detail.title}
        </Title>
        <Alert color="red" role="alert" w="100%">
          <Text size="sm">{notFound ? t.detail.notFound : errorMessage(order.error)}</Text>
          {notFound ? (
            <Anchor component={Link} to={lookupPath(orderNumber, shopId)} size="sm" fw={600}>
              {t.detail.lookupAgain}
            </Anchor>
          ) : (
            <Button mt="sm" variant="light" onClick={() => void order.refetch()}>
              {t.common.retry}
            </Button>
          )}
        </Alert>
      </Stack>
    );
  }
  return <OrderScreen order={order.data} />;
}

function OrderScreen({ order }: { order: MyOrderDetail }) {
  const { t } = useI18n();
  const f = useFormat();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const a = order.actions;
  const has = (units: MyOrderDetail['actions']['cancellable']) => units.some((u) => u.quantity > 0);
  const withdrawing = dialog?.kind === 'withdraw' ? order.claims.find((c) => c.id === dialog.claimId) : undefined;
  return (
    <Stack gap="md" pb="xl">
      <div>
        {order.member && (
          <Anchor component={Link} to="/my/orders" size="sm">
            ← {t.detail.backToList}
          </Anchor>
        )}
        <Title order={1} size="h2" mt={4}>
          {t.detail.title}
        </Title>
        <Text fw={600} data-testid="order-number">
          {order.orderNumber}
        </Text>
        <Text size="sm" c="dimmed">
          {t.detail.orderedAt} {f.dateTime(order.orderedAt)} · {t.detail.orderer} {order.orderer.name}
        </Text>
      </div>
      <PaymentRequests order={order} />
      {(has(a.cancellable) || has(a.returnable) || has(a.confirmable)) && (
        <Group gap="xs" role="toolbar" aria-label={t.detail.actionsLabel} grow preventGrowOverflow={false}>
          {has(a.cancellable) && (
            <Button variant="default" color="red" onClick={() => setDialog({ kind: 'cancel' })}>
              {t.actions.cancel}
            </Button>
          )}
          {has(a.returnable) && (
            <Button variant="default" onClick={() => setDialog({ kind: 'return' })}>
              {t.actions.return}
            </Button>
          )}
          {has(a.returnable) && (
            <Button variant="default" onClick={() => setDialog({ kind: 'exchange' })}>
              {t.actions.exchange}
            </Button>
          )}
          {has(a.confirmable) && <Button onClick={() => setDialog({ kind: 'confirm' })}>{t.actions.confirm}</Button>}
        </Group>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ItemsSection order={order} />
            <ParcelsSection order={order} />
            <ClaimsSection order={order} onWithdraw={(claim) => setDialog({ kind: 'withdraw', claimId: claim.id })} />
            <TimelineSection timeline={order.timeline} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <PaymentSection order={order} />
            <AddressesSection order={order} />
            <ShopContact shop={order.shop} />
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog?.kind === 'cancel' && <CancelDialog order={order} onClose={close} />}
      {(dialog?.kind === 'return' || dialog?.kind === 'exchange') && <ClaimDialog kind={dialog.kind} order={order} onClose={close} />}
      {dialog?.kind === 'confirm' && <ConfirmDialog order={order} onClose={close} />}
      {withdrawing && <WithdrawDialog order={order} claim={withdrawing} onClose={close} />}
    </Stack>
  );
}
