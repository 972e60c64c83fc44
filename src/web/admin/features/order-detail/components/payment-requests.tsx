import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import type { PaymentRequest } from '../../../../../contracts/payment-requests';
import type { PaymentSummary } from '../../../../../contracts/payment-summary';
import { formatSeoulDateTime, formatWon } from '../../../app/format';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { WithdrawRequestDialog } from './withdraw-request-dialog';

/** 추가 결제 요청: amount, status and reason; a pending one may be withdrawn (after a confirmation) or recorded as paid (a deposit staff saw). */
export function PaymentRequests({ summary, order, readOnly }: { summary: PaymentSummary; order: OrderDetail; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const [withdrawing, setWithdrawing] = useState<PaymentRequest | null>(null);
  // a deposit staff saw is recorded with who sent it (the bank statement's name), the orderer's by default
  const [recording, setRecording] = useState<{ requestId: number; depositorName: string } | null>(null);
  const paid = useOrderMutation(
    order.id,
    (r: { requestId: number; depositorName: string }) =>
      orderActions.recordRequestPayment(order.id, r.requestId, { expectedVersion: order.version, method: 'bank_transfer', depositorName: r.depositorName.trim() }),
    { success: () => d.payment.requestPaidDone, toastErrors: true },
  );
  return (
    <Stack gap="xs" data-testid="payment-requests">
      {[...summary.paymentRequests].reverse().map((r) => (
        <Stack key={r.id} gap={2} role="group" aria-label={`${d.payment.requests} #${r.id}`}>
          <Group justify="space-between">
            <Group gap={6}>
              <Badge size="xs" variant="light" color={r.status === 'pending' ? 'orange' : r.status === 'paid' ? 'teal' : 'gray'} tt="none">
                {r.statusLabel}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatSeoulDateTime(r.createdAt)}
              </Text>
            </Group>
            <Text size="sm" fw={600} data-testid={`payment-request-${r.id}-amount`}>
              {formatWon(t, r.amount)}
            </Text>
          </Group>
          <Text size="xs">
            {r.reason}
            {r.dueAt ? ` · ${d.payment.due(formatSeoulDateTime(r.dueAt))}` : ''}
          </Text>
          {!readOnly && r.status === 'pending' && (
            <Group gap="xs">
              <Button size="compact-xs" variant="light" aria-label={d.payment.requestPaidLabel(r.id)} onClick={() => setRecording({ requestId: r.id, depositorName: order.orderer.name })}>
                {d.payment.requestPaid}
              </Button>
              <Button size="compact-xs" variant="default" aria-label={d.payment.requestCancelLabel(r.id)} onClick={() => setWithdrawing(r)}>
                {d.payment.requestCancel}
              </Button>
            </Group>
          )}
          {!readOnly && recording?.requestId === r.id && r.status === 'pending' && (
            <Group gap="xs" align="end">
              <TextInput size="xs" label={d.payment.depositorName} value={recording.depositorName} onChange={(e) => setRecording({ requestId: r.id, depositorName: e.currentTarget.value })} />
              <Button
                size="compact-sm"
                disabled={recording.depositorName.trim() === ''}
                loading={paid.isPending}
                onClick={() => paid.mutate(recording, { onSuccess: () => setRecording(null) })}
              >
                {d.payment.depositorConfirm}
              </Button>
            </Group>
          )}
        </Stack>
      ))}
      {withdrawing && <WithdrawRequestDialog order={order} request={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Stack>
  );
}
