import { Alert, Checkbox, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ClaimResult } from '../../../../../contracts/claims';
import type { OrderDetail } from '../../../../../contracts/orders';
import { orderActions, type Pickup } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { unitRows } from '../model/rows';
import { chosen, restrict, type Selection } from '../model/selection';
import { RETURNABLE } from '../model/status-flow';
import { faultOfReason } from '../../../../../contracts/claim-reasons';
import { ClaimReasonFields, emptyReason, reasonBody, reasonComplete, useReasonWords, type ClaimReason } from './claim-reason-fields';
import { ClaimDoneStep } from './claim-result';
import { DetailModal, MutationError, StepButtons, Steps } from './dialog-parts';
import { PickupFields, emptyPickup, pickupBody, pickupComplete, pickupFromAddress } from './pickup-fields';
import { UnitPicker } from './unit-picker';
import { UnitsSummary } from './units-summary';

type Step = 'select' | 'details' | 'confirm' | 'done';
const STEPS: Step[] = ['select', 'details', 'confirm'];

/**
 * 반품 and 교환 접수: units (배송중·배송완료) and quantities → reason, fault, pickup (any address),
 * restock or the replacement option → confirm. A return's refund is worked out when it is
 * completed (수거완료 → 반품완료), with the same 금액 계산 step as a cancel.
 */
export function ClaimRequestDialog({ kind, order, selection, onClose }: { kind: 'return' | 'exchange'; order: OrderDetail; selection: Selection; onClose(): void }) {
  const { d } = useDetailI18n();
  const words = kind === 'return' ? d.returns : d.exchange;
  const [version] = useState(order.version);
  const rows = useMemo(() => unitRows(order).filter((r) => RETURNABLE.includes(r.status)), [order]);
  const [picked, setPicked] = useState<Selection>(() => restrict(selection, rows));
  const [step, setStep] = useState<Step>('select');
  const [reason, setReason] = useState<ClaimReason>(emptyReason);
  const reasonWords = useReasonWords();
  const [fault, setFault] = useState<'buyer' | 'shop'>('buyer');
  const [restock, setRestock] = useState(true);
  const [replacement, setReplacement] = useState<number | ''>('');
  const first = [...order.addresses].sort((a, b) => a.position - b.position)[0];
  const [source, setSource] = useState(first ? String(first.id) : 'other');
  const [pickup, setPickup] = useState<Pickup>(first ? pickupFromAddress(first) : emptyPickup);
  const [result, setResult] = useState<ClaimResult | null>(null);

  const units = chosen(rows, picked);
  const items = units.map(({ row, quantity }) => ({ itemId: row.itemId, shipmentGroupId: row.groupId, quantity }));
  const go = (delta: number) => setStep(STEPS[STEPS.indexOf(step) + delta] ?? step);
  const labels = [d.dialog.stepSelect, d.dialog.stepDetails, d.dialog.stepConfirm];

  const request = useOrderMutation(
    order.id,
    () => {
      const common = { expectedVersion: version, items, ...reasonBody(reason), fault, pickup: pickupBody(pickup) };
      return kind === 'return'
        ? orderActions.requestReturn(order.id, { ...common, restock })
        : orderActions.requestExchange(order.id, { ...common, ...(replacement !== '' ? { replacementOptionId: replacement } : {}) });
    },
    { success: () => words.requested },
  );
  const submit = () =>
    request.mutate(undefined, {
      onSuccess: (answer) => {
        setResult(answer.result);
        setStep('done');
      },
    });

  return (
    <DetailModal title={words.title} onClose={onClose} size="xl">
      {step !== 'done' && <Steps labels={labels} active={STEPS.indexOf(step)} />}
      {step === 'select' && (
        <Stack>
          <Text size="sm" c="dimmed">
            {words.hint}
          </Text>
          <UnitPicker order={order} rows={rows} value={picked} onChange={setPicked} label={words.title} />
          <StepButtons onNext={() => go(1)} nextLabel={d.dialog.next} nextDisabled={units.length === 0} />
        </Stack>
      )}
      {step === 'details' && (
        <Stack>
          <ClaimReasonFields
            value={reason}
            onChange={(next) => {
              // the reason suggests who is at fault (상품 불량, 오배송, 배송 지연: the shop); staff may still change it
              if (next.code !== '' && next.code !== reason.code) setFault(faultOfReason(next.code));
              setReason(next);
            }}
          />
          <Radio.Group label={d.returns.fault} value={fault} onChange={(v) => setFault(v === 'shop' ? 'shop' : 'buyer')}>
            <Group mt={6}>
              <Radio value="buyer" label={d.claims.faults.buyer} />
              <Radio value="shop" label={d.claims.faults.shop} />
            </Group>
          </Radio.Group>
          <PickupFields order={order} source={source} onSourceChange={setSource} value={pickup} onChange={setPickup} />
          {kind === 'return' ? (
            <Checkbox label={d.returns.restock} checked={restock} onChange={(e) => setRestock(e.currentTarget.checked)} />
          ) : (
            <NumberInput
              label={d.exchange.replacementOption}
              description={d.exchange.replacementHint}
              value={replacement}
              onChange={(v) => setReplacement(typeof v === 'number' && v > 0 ? Math.floor(v) : '')}
              allowNegative={false}
              allowDecimal={false}
              hideControls
              w={320}
              maw="100%"
            />
          )}
          <StepButtons onBack={() => go(-1)} onNext={() => go(1)} nextLabel={d.dialog.next} nextDisabled={!reasonComplete(reason) || !pickupComplete(pickup)} />
        </Stack>
      )}
      {step === 'confirm' && (
        <Stack>
          <MutationError error={request.error} orderId={order.id} onReloaded={onClose} />
          <UnitsSummary units={units} />
          <Text size="sm">
            {d.dialog.reason}: {reasonWords(reason)} · {d.claims.faults[fault]}
          </Text>
          <Text size="sm">
            {d.claims.pickup}: {pickup.name} {pickup.phone} · ({pickup.postcode}) {pickup.address1} {pickup.address2}
          </Text>
          {kind === 'return' && <Alert color="blue">{d.returns.refundLater}</Alert>}
          <StepButtons onBack={() => go(-1)} onNext={submit} nextLabel={words.submit} pending={request.isPending} />
        </Stack>
      )}
      {step === 'done' && result && (
        <ClaimDoneStep result={result} onClose={onClose} />
      )}
    </DetailModal>
  );
}
