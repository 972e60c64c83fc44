import { Autocomplete, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import { useCouriers } from '../../../app/api/couriers';
import { orderActions } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { itemName, unitRows } from '../model/rows';
import { chosen, restrict, totalUnits, type Selection } from '../model/selection';
import { nextStatus, previousStatus } from '../model/status-flow';
import { DetailModal, MutationError, StepButtons } from './dialog-parts';
import { UnitPicker } from './unit-picker';

/**
 * 상태 변경 (one step forward) and 상태 되돌리기 (one step back), for any part of any row's
 * quantity; shipping asks for the courier (suggested from the server's list, any name accepted)
 * and tracking number.
 */
export function StatusChangeDialog({ direction, order, selection, onClose }: { direction: 'forward' | 'revert'; order: OrderDetail; selection: Selection; onClose(): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const target = direction === 'forward' ? nextStatus : previousStatus;
  const rows = useMemo(() => unitRows(order).filter((r) => target(r.status) !== null), [order, target]);
  const [picked, setPicked] = useState<Selection>(() => restrict(selection, rows));
  const [courier, setCourier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const { names: courierNames } = useCouriers();
  const units = chosen(rows, picked);
  const ships = units.some(({ row }) => target(row.status) === 'shipping');
  const label = (status: string) => t.unitStatus[status as keyof typeof t.unitStatus] ?? status;
  const title = direction === 'forward' ? d.status.title : d.status.revertTitle;

  const change = useOrderMutation(
    order.id,
    () =>
      orderActions.changeStatus(order.id, {
        expectedVersion: version,
        changes: units.map(({ row, quantity }) => ({ shipmentGroupId: row.groupId, itemId: row.itemId, quantity, to: target(row.status) ?? row.status })),
        ...(ships ? { shipment: { courier: courier.trim(), trackingNumber: trackingNumber.trim() } } : {}),
      }),
    { success: () => (direction === 'forward' ? d.status.changed(totalUnits(units)) : d.status.reverted(totalUnits(units))) },
  );

  return (
    <DetailModal title={title} onClose={onClose} size="xl">
      <Stack>
        <MutationError error={change.error} orderId={order.id} onReloaded={onClose} />
        <Text size="sm" c="dimmed">
          {direction === 'forward' ? d.status.forwardHint : d.status.revertHint}
        </Text>
        <UnitPicker order={order} rows={rows} value={picked} onChange={setPicked} label={title} />
        {units.length > 0 && (
          <List size="sm" aria-label={title}>
            {units.map(({ row, quantity }) => (
              <List.Item key={row.key}>
                {d.dialog.unitLine(itemName(row.item), quantity)}: {d.status.move(label(row.status), label(target(row.status) ?? row.status))}
              </List.Item>
            ))}
          </List>
        )}
        {ships && (
          <Stack gap={4}>
            <Text size="sm">{d.status.shipmentNeeded}</Text>
            <SimpleGrid cols={2}>
              <Autocomplete label={d.status.courier} data={courierNames} value={courier} onChange={setCourier} required maxLength={50} placeholder={courierNames[0]} />
              <TextInput label={d.status.trackingNumber} value={trackingNumber} onChange={(e) => setTrackingNumber(e.currentTarget.value)} required maxLength={40} />
            </SimpleGrid>
          </Stack>
        )}
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() => change.mutate(undefined, { onSuccess: onClose })}
          nextLabel={direction === 'forward' ? d.status.submit : d.status.revertSubmit}
          nextDisabled={units.length === 0 || (ships && (!courier.trim() || !/^[0-9A-Za-z-]{4,40}$/.test(trackingNumber.trim())))}
          pending={change.isPending}
        />
      </Stack>
    </DetailModal>
  );
}
