import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import type { PaymentSummary } from '../../../../../contracts/payment-summary';
import { formatSeoulDateTime } from '../../../app/format';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { Money } from './money';
import { Fact } from './fact';
import { RefundExplanation } from './refund-why';

/** 환불 내역: each refund with its breakdown; retry for a failed or pending gateway refund, 송금 완료 for a 무통장 one. */
export function Refunds({ summary, order, readOnly }: { summary: PaymentSummary; order: OrderDetail; readOnly: boolean }) {
  const { d } = useDetailI18n();
  const retry = useOrderMutation(order.id, (refundId: number) => orderActions.retryRefund(order.id, refundId, { expectedVersion: order.version }), {
    success: (r) => d.payment.retried(r.result.refund ? (d.refund.statuses[r.result.refund.status] ?? r.result.refund.status) : ''),
    toastErrors: true,
  });
  const transfer = useOrderMutation(order.id, (refundId: number) => orderActions.confirmTransfer(order.id, refundId, { expectedVersion: order.version }), {
    success: () => d.payment.transferConfirmed,
    toastErrors: true,
  });
  return (
    <Stack gap="xs">
      {[...summary.refunds].reverse().map((r) => {
        const open = r.status === 'pending' || r.status === 'failed';
        return (
          <Stack key={r.id} gap={2} role="group" aria-label={d.payment.refundLine(r.id)} data-testid={`refund-${r.id}`}>
            <Group justify="space-between">
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {d.payment.refundLine(r.id)}
                </Text>
                <Badge size="xs" variant="light" color={r.status === 'done' ? 'teal' : r.status === 'failed' ? 'red' : 'gray'} tt="none">
                  {r.statusLabel}
                </Badge>
                <Text size="xs" c="dimmed">
                  {r.methodLabel}
                </Text>
              </Group>
              <Money amount={r.amount} fw={600} />
            </Group>
            <Text size="xs" c="dimmed">
              {formatSeoulDateTime(r.createdAt)}
              {r.reason ? ` · ${r.reason}` : ''}
            </Text>
            <Breakdown label={d.payment.breakdown.itemsAmount} amount={r.itemsAmount} />
            <Breakdown label={d.payment.breakdown.shippingAmount} amount={r.shippingAmount} />
            <Breakdown label={d.payment.breakdown.couponRestored} amount={r.couponRestored} />
            <Breakdown label={d.payment.breakdown.pointsRestored} amount={r.pointsRestored} />
            {/* what each deduction is, the explanation says in words (the stored kinds are codes) */}
            <Breakdown label={d.payment.breakdown.deductionAmount} amount={-r.deductionAmount} />
            <RefundExplanation lines={r.explanation} />
            {r.refundAccount && (
              <Fact label={d.refund.account}>
                {r.refundAccount.bank} {r.refundAccount.accountNumberMasked} ({r.refundAccount.holder})
              </Fact>
            )}
            {!readOnly && open && (
              <Group gap="xs">
                {r.method === 'gateway' && (
                  <Button size="compact-xs" variant="light" color="orange" aria-label={d.payment.retryLabel(r.id)} loading={retry.isPending && retry.variables === r.id} onClick={() => retry.mutate(r.id)}>
                    {d.payment.retry}
                  </Button>
                )}
                {r.method === 'bank_transfer' && (
                  <Button size="compact-xs" variant="light" aria-label={d.payment.confirmTransferLabel(r.id)} loading={transfer.isPending && transfer.variables === r.id} onClick={() => transfer.mutate(r.id)}>
                    {d.payment.confirmTransfer}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

function Breakdown({ label, amount }: { label: string; amount: number }) {
  if (amount === 0) return null;
  return (
    <Group justify="space-between" pl="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Money amount={amount} size="xs" />
    </Group>
  );
}
