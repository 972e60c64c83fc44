import { Alert, NativeSelect, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { faultOfReason } from '../../../../../contracts/claim-reasons';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useToast } from '../../../app/toast';
import { useOrderChange } from '../api/changes';
import { pickableItems, toClaimUnits } from '../model/units';
import { ChangeDialog } from './change-dialog';
import { changeToast } from './change-toast';
import { PickupFields, pickupBody, pickupErrors, type Pickup } from './pickup-fields';
import { ReasonFields, reasonProblem, type Reason } from './reason-fields';
import { UnitPicker } from './unit-picker';

/**
 * 반품 신청 / 교환 신청 of delivered units: which and how many, the reason (which decides who pays
 * the return shipping), where to collect them, and for an exchange the option wanted instead.
 */
export function ClaimDialog({ kind, order, onClose }: { kind: 'return' | 'exchange'; order: MyOrderDetail; onClose(): void }) {
  const { t } = useI18n();
  const f = useFormat();
  const toast = useToast();
  const change = useOrderChange(order.orderNumber);
  const items = useMemo(() => pickableItems(order, order.actions.returnable), [order]);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [reason, setReason] = useState<Reason>({ code: '', text: '' });
  const firstAddress = order.addresses[0];
  const [pickup, setPickup] = useState<Pickup>(firstAddress ? { mode: 'address', addressId: firstAddress.id } : { mode: 'new', name: '', phone: '', postcode: '', address1: '', address2: '' });
  const [optionId, setOptionId] = useState('');
  const [tried, setTried] = useState(false);
  const units = toClaimUnits(items, picked);
  const kindWord = t.actions.kinds[kind];

  // one replacement option per request: offered when the units picked are of one item
  const pickedItems = [...new Set(units.map((u) => u.itemId))];
  const onlyItem = pickedItems.length === 1 ? order.items.find((i) => i.itemId === pickedItems[0]) : undefined;
  const options = onlyItem?.exchangeOptions ?? [];
  const chosenOption = options.some((o) => String(o.optionId) === optionId && o.available) ? Number(optionId) : undefined;

  const submit = () => {
    setTried(true);
    if (units.length === 0 || reasonProblem(reason) || reason.code === '' || Object.keys(pickupErrors(pickup, t.actions)).length > 0) return;
    const common = { expectedVersion: order.version, items: units, reasonCode: reason.code, ...(reason.text.trim() ? { reasonText: reason.text.trim() } : {}), pickup: pickupBody(pickup) };
    const request =
      kind === 'return' ? ({ kind: 'return', body: common } as const) : ({ kind: 'exchange', body: { ...common, ...(chosenOption !== undefined ? { replacementOptionId: chosenOption } : {}) } } as const);
    change.mutate(request, {
      onSuccess: (result) => {
        toast.success(changeToast(t, kind, result, f.won));
        onClose();
      },
    });
  };

  return (
    <ChangeDialog
      title={kind === 'return' ? t.actions.return : t.actions.exchange}
      submitLabel={kind === 'return' ? t.actions.submitReturn : t.actions.submitExchange}
      onSubmit={submit}
      onClose={onClose}
      pending={change.isPending}
      error={change.error}
    >
      <Text size="sm" c="dimmed">
        {t.actions.returnWindow(order.actions.returnWindowDays)}
      </Text>
      <UnitPicker items={items} picked={picked} onChange={setPicked} error={tried && units.length === 0 ? t.actions.nothingPicked : null} />
      <ReasonFields reason={reason} onChange={setReason} showErrors={tried} />
      {reason.code !== '' && (
        <Alert color={faultOfReason(reason.code) === 'buyer' ? 'yellow' : 'teal'} data-testid="shipping-fault" role="status">
          {faultOfReason(reason.code) === 'buyer' ? t.actions.buyerPays(kindWord) : t.actions.shopPays(kindWord)}
        </Alert>
      )}
      {kind === 'exchange' && options.length > 0 && onlyItem && (
        <NativeSelect
          label={t.actions.wantedOption}
          value={optionId}
          onChange={(event) => setOptionId(event.currentTarget.value)}
          data={[
            { value: '', label: t.actions.sameOption(onlyItem.optionName ?? onlyItem.productName) },
            ...options.map((o) => ({ value: String(o.optionId), label: o.available ? o.name : `${o.name} (${t.actions.soldOut})`, disabled: !o.available })),
          ]}
        />
      )}
      {kind === 'exchange' && pickedItems.length > 1 && (
        <Text size="sm" c="dimmed">
          {t.actions.oneItemForOption}
        </Text>
      )}
      <PickupFields addresses={order.addresses} pickup={pickup} onChange={setPickup} showErrors={tried} />
    </ChangeDialog>
  );
}
