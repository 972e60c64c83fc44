import { NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { unitRows } from '../model/rows';
import { chosen, restrict, totalUnits, type Selection } from '../model/selection';
import { UNSHIPPED } from '../model/status-flow';
import { DetailModal, MutationError, StepButtons } from './dialog-parts';
import { UnitPicker } from './unit-picker';

/** 배송지 지정 (분할 배송): move chosen quantities of unshipped units to another of the order's addresses. */
export function AllocationDialog({ order, addressId, selection, onClose }: { order: OrderDetail; addressId?: number; selection: Selection; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const addresses = useMemo(() => [...order.addresses].sort((a, b) => a.position - b.position), [order]);
  const [target, setTarget] = useState<number | null>(addressId ?? addresses[addresses.length - 1]?.id ?? null);
  const rows = useMemo(() => unitRows(order).filter((r) => UNSHIPPED.includes(r.status) && r.addressId !== target), [order, target]);
  const [picked, setPicked] = useState<Selection>(() => restrict(selection, rows));
  const units = chosen(rows, picked);
  const number = (id: number | null) => addresses.findIndex((a) => a.id === id) + 1;

  const move = useOrderMutation(
    order.id,
    () =>
      orderActions.allocate(order.id, target ?? 0, {
        expectedVersion: version,
        moves: units.map(({ row, quantity }) => ({ fromShipmentGroupId: row.groupId, itemId: row.itemId, quantity })),
      }),
    {
      success: (r) => {
        const fee = r.result.remoteFeeDifference !== 0 ? ` ${d.address.remoteFee(formatWon(t, r.result.remoteFeeDifference))}` : '';
        return d.address.moved(totalUnits(units), d.items.address(number(target))) + fee;
      },
    },
  );

  return (
    <DetailModal title={d.address.moveTitle} onClose={onClose} size="xl">
      <Stack>
        <MutationError error={move.error} orderId={order.id} onReloaded={onClose} />
        <Text size="sm" c="dimmed">
          {d.address.moveHint}
        </Text>
        <NativeSelect
          label={d.address.target}
          value={target === null ? '' : String(target)}
          onChange={(e) => {
            setTarget(Number(e.currentTarget.value));
            setPicked({});
          }}
          data={addresses.map((a, n) => ({ value: String(a.id), label: `${d.items.address(n + 1)} · ${a.recipientName} · ${a.address1}` }))}
          w={480}
          maw="100%"
        />
        <UnitPicker order={order} rows={rows} value={picked} onChange={setPicked} label={d.address.moveTitle} />
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() => move.mutate(undefined, { onSuccess: onClose })}
          nextLabel={d.address.moveSubmit}
          nextDisabled={units.length === 0 || target === null}
          pending={move.isPending}
        />
      </Stack>
    </DetailModal>
  );
}
