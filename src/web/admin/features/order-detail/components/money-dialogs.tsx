import { NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { orderActions, type RefundAccount } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { usePaymentSummary } from '../api/queries';
import { useDetailI18n } from '../i18n';
import { DetailModal, MutationError, StepButtons } from './dialog-parts';
import { RefundAccountFields, accountComplete, emptyAccount, needsRefundAccount } from './refund-account-fields';

const toWon = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.floor(v)) : 0);

/** 추가 결제 요청: ask the buyer (on My Page) for what the order still lacks, at most what is not yet asked for. */
export function PaymentRequestDialog({ order, onClose }: { order: OrderDetail; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const summary = usePaymentSummary(order.id);
  const requested = (summary.data?.paymentRequests ?? []).filter((r) => r.status === 'pending').reduce((sum, r) => sum + r.amount, 0);
  const pendingPayments = (summary.data?.payments ?? []).filter((p) => p.status === 'pending').reduce((sum, p) => sum + p.amount - p.capturedAmount, 0);
  const max = Math.max(0, (summary.data?.amounts.balanceDue ?? order.totals.balanceDue) - requested - pendingPayments);
  const [amount, setAmount] = useState(max);
  const [reason, setReason] = useState(d.edit.requestReasonDefault);
  const [dueDate, setDueDate] = useState('');
  const create = useOrderMutation(
    order.id,
    () => orderActions.requestPayment(order.id, { expectedVersion: version, amount, reason: reason.trim(), ...(dueDate ? { dueAt: `${dueDate}T23:59:59+09:00` } : {}) }),
    { success: (r) => d.payment.requestCreated(formatWon(t, r.result.amount)) },
  );
  return (
    <DetailModal title={d.payment.newRequestTitle} onClose={onClose} size="md">
      <Stack>
        <MutationError error={create.error} orderId={order.id} onReloaded={onClose} />
        <NumberInput
          label={d.payment.requestAmount}
          description={d.payment.requestAmountHint(formatWon(t, max))}
          value={amount}
          onChange={(v) => setAmount(toWon(v))}
          min={1}
          max={max}
          allowNegative={false}
          allowDecimal={false}
          thousandSeparator=","
          hideControls
          data-autofocus
        />
        <TextInput label={d.edit.requestReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} required />
        <TextInput label={d.edit.dueAt} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() => create.mutate(undefined, { onSuccess: onClose })}
          nextLabel={d.payment.newRequest}
          nextDisabled={amount < 1 || amount > max || !reason.trim()}
          pending={create.isPending}
        />
      </Stack>
    </DetailModal>
  );
}

/** 초과 결제 환불: pay back what the shop owes when the balance due is negative (e.g. after an edit lowered the total). */
export function BalanceRefundDialog({ order, onClose }: { order: OrderDetail; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const owed = Math.max(0, -order.totals.balanceDue);
  const [amount, setAmount] = useState(owed);
  const [reason, setReason] = useState('');
  const [account, setAccount] = useState<RefundAccount>(emptyAccount);
  const withAccount = needsRefundAccount(order.payments);
  const refund = useOrderMutation(
    order.id,
    () =>
      orderActions.refundBalance(order.id, {
        expectedVersion: version,
        amount,
        reason: reason.trim(),
        ...(withAccount ? { refundAccount: { bank: account.bank.trim(), accountNumber: account.accountNumber.trim(), holderName: account.holderName.trim() } } : {}),
      }),
    { success: (r) => d.payment.balanceRefunded(formatWon(t, r.result.refund?.amount ?? amount)) },
  );
  return (
    <DetailModal title={d.payment.balanceRefundTitle} onClose={onClose} size="md">
      <Stack>
        <MutationError error={refund.error} orderId={order.id} onReloaded={onClose} />
        <Text size="sm">{d.payment.balanceRefundHint(formatWon(t, owed))}</Text>
        <NumberInput
          label={d.payment.balanceRefundAmount}
          value={amount}
          onChange={(v) => setAmount(toWon(v))}
          min={1}
          max={owed}
          allowNegative={false}
          allowDecimal={false}
          thousandSeparator=","
          hideControls
        />
        <TextInput label={d.dialog.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} required />
        {withAccount && <RefundAccountFields value={account} onChange={setAccount} />}
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() => refund.mutate(undefined, { onSuccess: onClose })}
          nextLabel={d.payment.balanceRefund}
          nextDisabled={amount < 1 || amount > owed || !reason.trim() || (withAccount && !accountComplete(account))}
          pending={refund.isPending}
        />
      </Stack>
    </DetailModal>
  );
}
