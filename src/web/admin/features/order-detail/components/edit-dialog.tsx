import { Alert, Button, Checkbox, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CommitEditResult, CreateEditResponse } from '../../../../../contracts/edits';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useBuyerBenefits } from '../api/queries';
import { useDetailI18n } from '../i18n';
import { addedItemComplete, editActions, emptyDraft, itemActions, type EditDraft } from '../model/edit-draft';
import { DetailModal, MutationError, StepButtons, Steps } from './dialog-parts';
import { EditBenefits } from './edit-benefits';
import { EditItemsStep } from './edit-items-step';
import { EditPreviewView } from './edit-preview';

type Step = 'items' | 'amount' | 'confirm' | 'done';
const STEPS: Step[] = ['items', 'amount', 'confirm'];

/** A date picked as Seoul's end of that day, ISO with offset. */
const endOfSeoulDay = (date: string) => `${date}T23:59:59+09:00`;

/**
 * 추가 (주문 수정): 품목 수정 (quantities, added items with 판매가 할인) → 금액 계산 with the buyer's
 * coupon and points (the server's preview) → 수정 확정, asking the buyer for what they now owe
 * (추가 결제 요청 on My Page).
 */
export function EditDialog({ order, onClose }: { order: OrderDetail; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const [step, setStep] = useState<Step>('items');
  const [draft, setDraft] = useState<EditDraft>(emptyDraft);
  const [preview, setPreview] = useState<CreateEditResponse | null>(null);
  const [previewedFor, setPreviewedFor] = useState('');
  const [requestPayment, setRequestPayment] = useState(true);
  const [reason, setReason] = useState(d.edit.requestReasonDefault);
  const [dueDate, setDueDate] = useState('');
  const [result, setResult] = useState<CommitEditResult | null>(null);

  const actions = editActions(order, draft);
  const actionsKey = JSON.stringify(actions);
  const itemsReady = itemActions(order, draft).length > 0 && draft.added.every(addedItemComplete);
  const member = order.orderer.isMember;
  // asked as the dialog opens, so the buyer's coupons and points are there by 금액 계산
  const benefits = useBuyerBenefits(order.id, member);

  const calculate = useOrderMutation(order.id, () => orderActions.previewEdit(order.id, { expectedVersion: version, actions }), { success: () => null, refresh: false });
  const runPreview = () =>
    calculate.mutate(undefined, {
      onSuccess: (answer) => {
        setPreview(answer);
        setPreviewedFor(actionsKey);
      },
    });
  const current = preview !== null && previewedFor === actionsKey;

  const commit = useOrderMutation(
    order.id,
    () => {
      const wantsRequest = requestPayment && (preview?.preview.additionalPayment ?? 0) > 0;
      return orderActions.commitEdit(order.id, preview?.editId ?? 0, {
        expectedVersion: version,
        ...(wantsRequest ? { paymentRequest: { reason: reason.trim() || d.edit.requestReasonDefault, ...(dueDate ? { dueAt: endOfSeoulDay(dueDate) } : {}) } } : {}),
      });
    },
    { success: (r) => (r.result.paymentRequest ? `${d.edit.committed} ${d.edit.requested(formatWon(t, r.result.paymentRequest.amount))}` : d.edit.committed) },
  );

  const labels = [d.edit.stepItems, d.dialog.stepAmount, d.dialog.stepConfirm];
  return (
    <DetailModal title={d.edit.title} onClose={onClose} size="xl">
      {step !== 'done' && <Steps labels={labels} active={STEPS.indexOf(step)} />}
      {step === 'items' && (
        <Stack>
          <EditItemsStep order={order} draft={draft} onChange={setDraft} />
          {!itemsReady && (
            <Text size="xs" c="dimmed">
              {d.edit.nothingToDo}
            </Text>
          )}
          <StepButtons
            onNext={() => {
              setStep('amount');
              runPreview();
            }}
            nextLabel={d.dialog.next}
            nextDisabled={!itemsReady}
          />
        </Stack>
      )}
      {step === 'amount' && (
        <Stack>
          <Title order={3} size="h5">
            {d.edit.benefits}
          </Title>
          {member ? (
            <EditBenefits benefits={benefits} draft={draft} onChange={setDraft} />
          ) : (
            <Text size="sm" c="dimmed">
              {d.edit.memberOnly}
            </Text>
          )}
          <Group>
            <Button variant={current ? 'default' : 'filled'} onClick={runPreview} loading={calculate.isPending}>
              {preview ? d.edit.recalculate : d.edit.calculate}
            </Button>
          </Group>
          <MutationError error={calculate.error} orderId={order.id} onReloaded={onClose} />
          {calculate.isPending && !preview && <Loader size="sm" aria-label={d.edit.calculate} />}
          {preview && <EditPreviewView preview={preview.preview} />}
          <StepButtons onBack={() => setStep('items')} onNext={() => setStep('confirm')} nextLabel={d.dialog.next} nextDisabled={!current || calculate.isPending} />
        </Stack>
      )}
      {step === 'confirm' && preview && (
        <Stack>
          <MutationError error={commit.error} orderId={order.id} onReloaded={onClose} />
          <EditPreviewView preview={preview.preview} />
          {preview.preview.additionalPayment > 0 && (
            <Stack gap="xs">
              <Checkbox label={d.edit.requestPayment} checked={requestPayment} onChange={(e) => setRequestPayment(e.currentTarget.checked)} />
              {requestPayment && (
                <SimpleGrid cols={2}>
                  <TextInput label={d.edit.requestReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} required />
                  <TextInput label={d.edit.dueAt} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
                </SimpleGrid>
              )}
            </Stack>
          )}
          <StepButtons
            onBack={() => setStep('amount')}
            onNext={() =>
              commit.mutate(undefined, {
                onSuccess: (answer) => {
                  setResult(answer.result);
                  setStep('done');
                },
              })
            }
            nextLabel={d.edit.submit}
            nextDisabled={requestPayment && preview.preview.additionalPayment > 0 && !reason.trim()}
            pending={commit.isPending}
          />
        </Stack>
      )}
      {step === 'done' && result && (
        <Stack data-testid="edit-result">
          <Text fw={700}>{d.edit.committed}</Text>
          {result.paymentRequest && (
            <Alert color="blue" title={d.payment.requests}>
              {d.payment.requestLine(formatWon(t, result.paymentRequest.amount), result.paymentRequest.statusLabel)}
            </Alert>
          )}
          {!result.paymentRequest && result.additionalPayment > 0 && <Text size="sm">{d.edit.additionalPayment}: {formatWon(t, result.additionalPayment)}</Text>}
          {result.refundProposal && result.refundProposal.amount > 0 && (
            <Alert color="blue" title={`${d.edit.refundProposal}: ${formatWon(t, result.refundProposal.amount)}`}>
              {d.edit.refundProposalHint}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{d.dialog.close}</Button>
          </Group>
        </Stack>
      )}
    </DetailModal>
  );
}
