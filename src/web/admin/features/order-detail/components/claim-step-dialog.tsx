import { Autocomplete, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ClaimDto } from '../../../../../contracts/claims';
import type { OrderDetail } from '../../../../../contracts/orders';
import { useCouriers } from '../../../app/api/couriers';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { DetailModal, MutationError, StepButtons } from './dialog-parts';

export type ClaimStepAction = { type: 'forward'; to: string; needs: 'none' | 'pickup' | 'reshipment' } | { type: 'back'; to: string } | { type: 'withdraw' };

/** One step of a claim (수거중, 수거완료, 교환발송 …), one step back, or 철회 of a request. */
export function ClaimStepDialog({ order, claim, action, onClose }: { order: OrderDetail; claim: Pick<ClaimDto, 'id' | 'kind' | 'status' | 'statusLabel'>; action: ClaimStepAction; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const [courier, setCourier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const { names: courierNames } = useCouriers();
  const kind = d.claims.kind[claim.kind] ?? claim.kind;
  const label = (s: string) => t.unitStatus[s as keyof typeof t.unitStatus] ?? s;
  const step = useOrderMutation(
    order.id,
    () => {
      if (action.type === 'withdraw') return orderActions.withdrawClaim(order.id, claim.id, { expectedVersion: version });
      const tracking = { courier: courier.trim(), trackingNumber: trackingNumber.trim() };
      const extra =
        action.type === 'forward' && action.needs === 'pickup' && (tracking.courier || tracking.trackingNumber)
          ? { pickup: { ...(tracking.courier ? { courier: tracking.courier } : {}), ...(tracking.trackingNumber ? { trackingNumber: tracking.trackingNumber } : {}) } }
          : action.type === 'forward' && action.needs === 'reshipment'
            ? { reshipment: tracking }
            : {};
      return orderActions.stepClaim(order.id, claim.id, { expectedVersion: version, to: action.to, ...extra });
    },
    { success: () => (action.type === 'withdraw' ? d.claims.withdrawn : d.claims.stepped(label(action.to))) },
  );
  const needsTracking = action.type === 'forward' && action.needs === 'reshipment';
  const asksTracking = action.type === 'forward' && (action.needs === 'pickup' || action.needs === 'reshipment');
  return (
    <DetailModal title={action.type === 'withdraw' ? d.claims.withdrawTitle(kind, claim.id) : d.claims.stepTitle(kind, claim.id)} onClose={onClose} size="md">
      <Stack>
        <MutationError error={step.error} orderId={order.id} onReloaded={onClose} />
        <Text size="sm">{action.type === 'withdraw' ? d.claims.withdrawConfirm : d.claims.stepConfirm(claim.statusLabel, label(action.to))}</Text>
        {asksTracking && (
          <SimpleGrid cols={2}>
            <Autocomplete
              label={needsTracking ? d.claims.reshipCourier : d.claims.pickupCourier}
              data={courierNames}
              value={courier}
              onChange={setCourier}
              required={needsTracking}
              maxLength={50}
            />
            <TextInput
              label={needsTracking ? d.claims.reshipTrackingNumber : d.claims.pickupTrackingNumber}
              value={trackingNumber}
              onChange={(e) => setTrackingNumber(e.currentTarget.value)}
              required={needsTracking}
              maxLength={50}
            />
          </SimpleGrid>
        )}
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() => step.mutate(undefined, { onSuccess: onClose })}
          nextLabel={action.type === 'withdraw' ? d.claims.withdraw : action.type === 'back' ? d.claims.back : (d.claims.next[action.to] ?? d.dialog.confirm)}
          nextDisabled={needsTracking && (!courier.trim() || !trackingNumber.trim())}
          pending={step.isPending}
        />
      </Stack>
    </DetailModal>
  );
}
