import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ClaimDto } from '../../../../../contracts/claims';
import type { OrderDetail } from '../../../../../contracts/orders';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime, formatWon } from '../../../app/format';
import { useClaims } from '../api/queries';
import { useDetailI18n } from '../i18n';
import type { OpenDialog } from '../model/dialogs';
import { itemName } from '../model/rows';
import { claimBack, claimForward, isWithdrawable } from '../model/status-flow';
import { UnitStatusBadge } from './status-badge';

/** 취소 · 반품 · 교환: every claim with its status, units, pickup, refunds and its next step. */
export function ClaimsSection({ order, onOpen, readOnly }: { order: OrderDetail; onOpen: OpenDialog; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const claims = useClaims(order.id);
  if (order.claims.length === 0) return null;
  const list: ClaimDto[] = claims.data ?? [];
  return (
    <section aria-labelledby="claims-title">
      <Title order={2} size="h4" id="claims-title" mb="xs">
        {d.claims.title}
      </Title>
      {claims.isPending && <Loader size="sm" aria-label={d.loadingOrder} />}
      {claims.isError && (
        <Alert color="red" role="alert">
          {errorMessage(claims.error)}
          <Button size="xs" variant="light" ml="sm" onClick={() => void claims.refetch()}>
            {t.common.retry}
          </Button>
        </Alert>
      )}
      <Stack gap="sm">
        {[...list].reverse().map((claim) => (
          <ClaimCard key={claim.id} order={order} claim={claim} onOpen={onOpen} readOnly={readOnly} />
        ))}
      </Stack>
    </section>
  );
}

function ClaimCard({ order, claim, onOpen, readOnly }: { order: OrderDetail; claim: ClaimDto; onOpen: OpenDialog; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const kind = d.claims.kind[claim.kind] ?? claim.kind;
  const items = new Map(order.items.map((i) => [i.id, i]));
  const forward = claimForward(claim.status);
  const back = claimBack(claim.status);
  const heading = d.claims.heading(kind, claim.id);
  return (
    <Card withBorder padding="sm" role="article" aria-label={heading} data-testid={`claim-${claim.id}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={700}>{heading}</Text>
            <UnitStatusBadge status={claim.status} label={claim.statusLabel} />
            <Text size="xs" c="dimmed">
              {d.claims.requestedAt(formatSeoulDateTime(claim.createdAt))}
              {claim.completedAt ? ` · ${d.claims.completedAt(formatSeoulDateTime(claim.completedAt))}` : ''}
            </Text>
          </Group>
          {claim.items.map((ci) => {
            const item = items.get(ci.itemId);
            return (
              <Text size="sm" key={`${ci.itemId}-${ci.fromShipmentGroupId}`}>
                {d.dialog.unitLine(item ? itemName(item) : `#${ci.itemId}`, ci.quantity)}
              </Text>
            );
          })}
          {claim.reason && (
            <Text size="sm" c="dimmed">
              {d.claims.reason}: {claim.reason}
              {claim.fault ? ` · ${d.claims.faults[claim.fault] ?? claim.fault}` : ''}
              {claim.kind === 'return' && claim.restock ? ` · ${d.claims.restock}` : ''}
            </Text>
          )}
          {claim.pickup && (
            <Text size="sm" c="dimmed" data-testid="claim-pickup">
              {d.claims.pickup}: {claim.pickup.name} {claim.pickup.phone} · ({claim.pickup.postcode}) {claim.pickup.address1} {claim.pickup.address2}
              {claim.pickup.courier && claim.pickup.trackingNumber ? ` · ${d.claims.pickupTracking(claim.pickup.courierLabel ?? claim.pickup.courier, claim.pickup.trackingNumber)}` : ''}
            </Text>
          )}
          {claim.replacementOptionId !== null && (
            <Text size="sm" c="dimmed">
              {d.claims.replacementOption(claim.replacementOptionId)}
            </Text>
          )}
          {claim.reshipment?.courier && claim.reshipment.trackingNumber && (
            <Text size="sm" c="dimmed">
              {d.claims.reshipment(claim.reshipment.courierLabel ?? claim.reshipment.courier, claim.reshipment.trackingNumber)}
            </Text>
          )}
          {claim.refunds.map((r) => (
            <Text size="sm" key={r.id} fw={500}>
              {d.claims.refund(formatWon(t, r.amount), d.refund.statuses[r.status] ?? r.status)}
            </Text>
          ))}
        </Stack>
        {!readOnly && (
          <Group gap={6} role="group" aria-label={d.claims.actionsOf(kind, claim.id)}>
            {forward && (
              <Button
                size="xs"
                onClick={() =>
                  onOpen(
                    forward.needs === 'complete'
                      ? { kind: 'claimComplete', claimId: claim.id, claimKind: claim.kind }
                      : { kind: 'claimStep', claimId: claim.id, action: { type: 'forward', to: forward.to, needs: forward.needs } },
                  )
                }
              >
                {d.claims.next[forward.to] ?? forward.to}
              </Button>
            )}
            {back && (
              <Button size="xs" variant="default" onClick={() => onOpen({ kind: 'claimStep', claimId: claim.id, action: { type: 'back', to: back } })}>
                {d.claims.back}
              </Button>
            )}
            {isWithdrawable(claim.status) && (
              <Button size="xs" variant="default" color="red" onClick={() => onOpen({ kind: 'claimStep', claimId: claim.id, action: { type: 'withdraw' } })}>
                {d.claims.withdraw}
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Card>
  );
}
