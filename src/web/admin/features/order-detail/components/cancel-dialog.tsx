import { Group, Radio, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ClaimResult } from '../../../../../contracts/claims';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { orderActions, type RefundAccount, type RefundAdjustments } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useRefundPreview } from '../api/refund-preview';
import { useDetailI18n } from '../i18n';
import { unitRows } from '../model/rows';
import { chosen, restrict, totalUnits, type Selection } from '../model/selection';
import { CANCELLABLE } from '../model/status-flow';
import { ClaimReasonFields, emptyReason, reasonBody, reasonComplete, useReasonWords, type ClaimReason } from './claim-reason-fields';
import { ClaimDoneStep } from './claim-result';
import { DetailModal, MutationError, StepButtons, Steps } from './dialog-parts';
import { RefundAccountFields, accountComplete, emptyAccount, needsRefundAccount } from './refund-account-fields';
import { RefundCalculator } from './refund-calculator';
import { UnitPicker } from './unit-picker';
import { UnitsSummary } from './units-summary';

type Step = 'select' | 'details' | 'amount' | 'confirm' | 'done';

/** 주문 취소: units and quantities → reason (and refund account) → 금액 계산 → confirm → the refund. */
export function CancelDialog({ order, selection, onClose }: { order: OrderDetail; selection: Selection; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const rows = useMemo(() => unitRows(order).filter((r) => CANCELLABLE.includes(r.status)), [order]);
  const [picked, setPicked] = useState<Selection>(() => restrict(selection, rows));
  const [step, setStep] = useState<Step>('select');
  const [reason, setReason] = useState<ClaimReason>(emptyReason);
  const reasonWords = useReasonWords();
  const [mode, setMode] = useState<'complete' | 'request'>('complete');
  const [adjustments, setAdjustments] = useState<RefundAdjustments>({});
  const [account, setAccount] = useState<RefundAccount>(emptyAccount);
  const [result, setResult] = useState<ClaimResult | null>(null);

  const units = chosen(rows, picked);
  const items = units.map(({ row, quantity }) => ({ itemId: row.itemId, shipmentGroupId: row.groupId, quantity }));
  const withAccount = mode === 'complete' && needsRefundAccount(order.payments);
  const steps: Step[] = mode === 'complete' ? ['select', 'details', 'amount', 'confirm'] : ['select', 'details', 'confirm'];
  const labels = steps.map((s) => ({ select: d.dialog.stepSelect, details: d.dialog.stepDetails, amount: d.dialog.stepAmount, confirm: d.dialog.stepConfirm, done: d.dialog.stepDone })[s]);
  const go = (delta: number) => setStep(steps[steps.indexOf(step) + delta] ?? step);

  const preview = useRefundPreview(
    order.id,
    JSON.stringify(items),
    adjustments,
    (refund, signal) => orderActions.previewCancel(order.id, { items, ...(Object.keys(refund).length ? { refund } : {}) }, signal),
    items.length > 0 && (step === 'amount' || step === 'confirm'),
  );

  const cancel = useOrderMutation(order.id, (body: Parameters<typeof orderActions.cancel>[1]) => orderActions.cancel(order.id, body), {
    success: ({ result: r }) => (r.refund ? d.cancel.done(formatWon(t, r.refund.amount), d.refund.statuses[r.refund.status] ?? r.refund.status) : d.cancel.requested),
  });
  const submit = () =>
    cancel.mutate(
      {
        expectedVersion: version,
        items,
        ...reasonBody(reason),
        complete: mode === 'complete',
        ...(mode === 'complete' && Object.keys(adjustments).length ? { refund: adjustments } : {}),
        ...(withAccount ? { refundAccount: { bank: account.bank.trim(), accountNumber: account.accountNumber.trim(), holderName: account.holderName.trim() } } : {}),
      },
      {
        onSuccess: (answer) => {
          setResult(answer.result);
          setStep('done');
        },
      },
    );

  return (
    <DetailModal title={d.cancel.title} onClose={onClose} size="xl">
      {step !== 'done' && <Steps labels={labels} active={steps.indexOf(step)} />}
      {step === 'select' && (
        <Stack>
          <Text size="sm" c="dimmed">
            {d.cancel.hint}
          </Text>
          <UnitPicker order={order} rows={rows} value={picked} onChange={setPicked} label={d.cancel.title} />
          <StepButtons onNext={() => go(1)} nextLabel={d.dialog.next} nextDisabled={units.length === 0} />
        </Stack>
      )}
      {step === 'details' && (
        <Stack>
          <ClaimReasonFields value={reason} onChange={setReason} />
          <Radio.Group label={d.cancel.mode} value={mode} onChange={(v) => setMode(v === 'request' ? 'request' : 'complete')}>
            <Stack gap={6} mt={6}>
              <Radio value="complete" label={d.cancel.completeNow} />
              <Radio value="request" label={d.cancel.requestOnly} />
            </Stack>
          </Radio.Group>
          {withAccount && <RefundAccountFields value={account} onChange={setAccount} />}
          <StepButtons onBack={() => go(-1)} onNext={() => go(1)} nextLabel={d.dialog.next} nextDisabled={!reasonComplete(reason) || (withAccount && !accountComplete(account))} />
        </Stack>
      )}
      {step === 'amount' && (
        <Stack>
          <RefundCalculator proposal={preview.data} error={preview.error} pending={!preview.settled} adjustments={adjustments} onChange={setAdjustments} />
          <StepButtons onBack={() => go(-1)} onNext={() => go(1)} nextLabel={d.dialog.next} nextDisabled={!preview.ready} />
        </Stack>
      )}
      {step === 'confirm' && (
        <Stack>
          <MutationError error={cancel.error} orderId={order.id} onReloaded={onClose} />
          <UnitsSummary units={units} />
          <Text size="sm">
            {d.dialog.reason}: {reasonWords(reason)}
          </Text>
          <Text size="sm">{mode === 'complete' ? d.cancel.completeNow : d.cancel.requestOnly}</Text>
          {mode === 'complete' && preview.data && (
            <Group justify="space-between">
              <Text fw={700}>{d.refund.total}</Text>
              <Text fw={700} size="lg" data-testid="confirm-refund-total">
                {formatWon(t, preview.data.amount)}
              </Text>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {d.actions.selectedCount(totalUnits(units))}
          </Text>
          <StepButtons onBack={() => go(-1)} onNext={submit} nextLabel={d.cancel.submit} pending={cancel.isPending} nextDisabled={mode === 'complete' && !preview.ready} />
        </Stack>
      )}
      {step === 'done' && result && (
        <ClaimDoneStep result={result} onClose={onClose} />
      )}
    </DetailModal>
  );
}
