import { Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import type { PaymentRequest } from '../../../../../contracts/payment-requests';
import { formatWon } from '../../../app/format';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { DetailModal, MutationError, StepButtons } from './dialog-parts';

/**
 * 추가 결제 요청 취소, confirmed. When the request's edit still holds units (추가 결제 대기), the
 * dialog offers to cancel them with it, ticked by default: withdrawn, nobody would pay for them,
 * and left alone they would keep the order owing. Unticked, they stay 입금대기 and still owed.
 */
export function WithdrawRequestDialog({ order, request, onClose }: { order: OrderDetail; request: PaymentRequest; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const [removeHeld, setRemoveHeld] = useState(request.heldUnits > 0);
  const withdraw = useOrderMutation(
    order.id,
    () => orderActions.cancelPaymentRequest(order.id, request.id, { expectedVersion: version, ...(request.heldUnits > 0 ? { removeHeldUnits: removeHeld } : {}) }),
    {
      success: (r) => {
        const removed = r.result.removedHeldUnits;
        return removed ? d.payment.requestCancelledWithUnits(removed.items.reduce((n, i) => n + i.quantity, 0)) : d.payment.requestCancelled;
      },
    },
  );
  return (
    <DetailModal title={d.payment.withdrawTitle} onClose={onClose} size="md">
      <Stack>
        <MutationError error={withdraw.error} orderId={order.id} onReloaded={onClose} />
        <Text size="sm">{d.payment.withdrawBody(formatWon(t, request.amount), request.reason)}</Text>
        {request.heldUnits > 0 && (
          <Checkbox
            label={d.payment.removeHeldUnits}
            description={removeHeld ? d.payment.removeHeldUnitsHint(request.heldUnits) : d.payment.keepHeldUnitsHint(request.heldUnits)}
            checked={removeHeld}
            onChange={(e) => setRemoveHeld(e.currentTarget.checked)}
          />
        )}
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() => withdraw.mutate(undefined, { onSuccess: onClose })}
          nextLabel={d.payment.withdrawSubmit}
          pending={withdraw.isPending}
        />
      </Stack>
    </DetailModal>
  );
}
