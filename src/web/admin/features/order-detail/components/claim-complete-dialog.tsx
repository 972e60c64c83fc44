import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ClaimDto, ClaimResult } from '../../../../../contracts/claims';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { orderActions, type RefundAccount, type RefundAdjustments } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useRefundPreview } from '../api/refund-preview';
import { useDetailI18n } from '../i18n';
import { ClaimDoneStep } from './claim-result';
import { DetailModal, MutationError, StepButtons, Steps } from './dialog-parts';
import { RefundAccountFields, accountComplete, emptyAccount, needsRefundAccount } from './refund-account-fields';
import { RefundCalculator } from './refund-calculator';

type Step = 'amount' | 'confirm' | 'done';

/** 취소완료 / 반품완료: 금액 계산 of the claim's refund (each component editable) → confirm → the refund. */
export function ClaimCompleteDialog({ order, claim, onClose }: { order: OrderDetail; claim: Pick<ClaimDto, 'id' | 'kind'>; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const [step, setStep] = useState<Step>('amount');
  const [adjustments, setAdjustments] = useState<RefundAdjustments>({});
  const [account, setAccount] = useState<RefundAccount>(emptyAccount);
  const [result, setResult] = useState<ClaimResult | null>(null);
  const withAccount = needsRefundAccount(order.payments);
  const isReturn = claim.kind === 'return';

  const preview = useRefundPreview(
    order.id,
    `claim-${claim.id}`,
    adjustments,
    (refund, signal) => orderActions.previewCompletion(order.id, claim.id, Object.keys(refund).length ? { refund } : {}, signal),
    step !== 'done',
  );
  const complete = useOrderMutation(
    order.id,
    () =>
      orderActions.completeClaim(order.id, claim.id, {
        expectedVersion: version,
        ...(Object.keys(adjustments).length ? { refund: adjustments } : {}),
        ...(withAccount ? { refundAccount: { bank: account.bank.trim(), accountNumber: account.accountNumber.trim(), holderName: account.holderName.trim() } } : {}),
      }),
    { success: ({ result: r }) => d.complete.done(formatWon(t, r.refund?.amount ?? 0), r.refund ? (d.refund.statuses[r.refund.status] ?? r.refund.status) : d.refund.noRefund) },
  );

  return (
    <DetailModal title={isReturn ? d.complete.titleReturn(claim.id) : d.complete.titleCancel(claim.id)} onClose={onClose} size="lg">
      {step !== 'done' && <Steps labels={[d.dialog.stepAmount, d.dialog.stepConfirm]} active={step === 'amount' ? 0 : 1} />}
      {step === 'amount' && (
        <Stack>
          <RefundCalculator proposal={preview.data} error={preview.error} pending={!preview.settled} adjustments={adjustments} onChange={setAdjustments} />
          {withAccount && <RefundAccountFields value={account} onChange={setAccount} />}
          <StepButtons onNext={() => setStep('confirm')} nextLabel={d.dialog.next} nextDisabled={!preview.ready || (withAccount && !accountComplete(account))} />
        </Stack>
      )}
      {step === 'confirm' && (
        <Stack>
          <MutationError error={complete.error} orderId={order.id} onReloaded={onClose} />
          {preview.data && (
            <Group justify="space-between">
              <Text fw={700}>{d.refund.total}</Text>
              <Text fw={700} size="lg" data-testid="confirm-refund-total">
                {formatWon(t, preview.data.amount)}
              </Text>
            </Group>
          )}
          <StepButtons
            onBack={() => setStep('amount')}
            onNext={() =>
              complete.mutate(undefined, {
                onSuccess: (answer) => {
                  setResult(answer.result);
                  setStep('done');
                },
              })
            }
            nextLabel={isReturn ? d.complete.submitReturn : d.complete.submitCancel}
            nextDisabled={!preview.ready}
            pending={complete.isPending}
          />
        </Stack>
      )}
      {step === 'done' && result && (
        <ClaimDoneStep result={result} onClose={onClose} />
      )}
    </DetailModal>
  );
}
