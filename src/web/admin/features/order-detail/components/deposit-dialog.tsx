import { Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { confirmedTransfer, pendingDeposit } from '../model/payments';
import { DetailModal, MutationError, StepButtons } from './dialog-parts';

/** 입금확인 (captures the deposit, units to 결제완료) or 입금확인 취소 (무통장 only). */
export function DepositDialog({ mode, order, onClose }: { mode: 'confirm' | 'revert'; order: OrderDetail; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const payment = mode === 'confirm' ? pendingDeposit(order) : confirmedTransfer(order);
  const [depositor, setDepositor] = useState(payment?.depositorName ?? '');
  const method = payment ? (t.paymentMethod[payment.method as keyof typeof t.paymentMethod] ?? payment.method) : '';
  const action = useOrderMutation(
    order.id,
    () =>
      mode === 'confirm'
        ? orderActions.confirmDeposit(order.id, { expectedVersion: version, ...(payment ? { paymentId: payment.id } : {}), ...(depositor.trim() ? { depositorName: depositor.trim() } : {}) })
        : orderActions.revertDeposit(order.id, { expectedVersion: version, ...(payment ? { paymentId: payment.id } : {}) }),
    { success: (r) => (mode === 'confirm' ? d.deposit.confirmed(formatWon(t, r.result.amount)) : d.deposit.reverted) },
  );
  return (
    <DetailModal title={mode === 'confirm' ? d.deposit.title : d.deposit.revertTitle} onClose={onClose} size="md">
      <Stack>
        <MutationError error={action.error} orderId={order.id} onReloaded={onClose} />
        {payment && <Text fw={600}>{d.deposit.payment(method, formatWon(t, payment.amount))}</Text>}
        {mode === 'confirm' ? (
          <TextInput label={d.deposit.depositorName} value={depositor} onChange={(e) => setDepositor(e.currentTarget.value)} maxLength={50} data-autofocus />
        ) : (
          <Text size="sm">{d.deposit.revertHint}</Text>
        )}
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() => action.mutate(undefined, { onSuccess: onClose })}
          nextLabel={mode === 'confirm' ? d.deposit.submit : d.deposit.revertSubmit}
          pending={action.isPending}
        />
      </Stack>
    </DetailModal>
  );
}
