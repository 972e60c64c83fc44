import { Alert, Autocomplete, Badge, Button, Group, Loader, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useCouriers } from '../../../app/api/couriers';
import { formatNumber } from '../../../app/format';
import { useBulkI18n } from '../i18n';
import { shipRowProblem, type ShipRow } from '../model/actions';
import type { OrderBrief } from './selected-orders';

export interface ShipTableProps {
  orders: OrderBrief[];
  rows: ShipRow[];
  loading: boolean;
  loadError: unknown;
  onChange(rows: ShipRow[]): void;
}

/**
 * 배송중 처리: one courier and tracking number per chosen order; a courier can be given to all at
 * once. Couriers are suggested from the server's list (the first one is every row's default), and
 * any other name may be typed: the server stores a known courier as its code, another as typed.
 */
export function ShipTable({ orders, rows, loading, loadError, onChange }: ShipTableProps) {
  const { b } = useBulkI18n();
  const { names: courierNames, isPending: couriersLoading } = useCouriers();
  const [chosenForAll, setChosenForAll] = useState<string | null>(null);
  const courierForAll = chosenForAll ?? courierNames[0] ?? '';
  const byId = new Map(rows.map((r) => [r.orderId, r]));
  const rowOf = (orderId: number): ShipRow => byId.get(orderId) ?? { orderId, courier: courierForAll, trackingNumber: '' };
  const set = (orderId: number, patch: Partial<ShipRow>) => onChange(orders.map((o) => (o.id === orderId ? { ...rowOf(o.id), ...patch } : rowOf(o.id))));
  const filled = orders.filter((o) => rowOf(o.id).trackingNumber.trim() !== '').length;

  return (
    <Stack gap="xs">
      <Text size="sm">{b.ship.hint}</Text>
      <Group align="flex-end" gap="xs">
        <Autocomplete label={b.ship.defaultCourier} data={courierNames} value={courierForAll} onChange={setChosenForAll} w={220} />
        <Button variant="default" onClick={() => onChange(orders.map((o) => ({ ...rowOf(o.id), courier: courierForAll })))} disabled={courierForAll.trim() === ''}>
          {b.ship.applyCourier}
        </Button>
        <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
          {b.ship.filled(formatNumber(filled), formatNumber(orders.length))}
        </Text>
      </Group>
      {loadError !== null && loadError !== undefined && <Alert color="red">{errorMessage(loadError)}</Alert>}
      {/* rows take the default courier when first edited: the table waits for the list that names it */}
      {!couriersLoading && (
        <ScrollArea.Autosize mah={360} type="auto">
          <Table aria-label={b.ship.tableLabel} verticalSpacing={4} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>{b.ship.orderNumber}</Table.Th>
                <Table.Th>{b.ship.status}</Table.Th>
                <Table.Th w={180}>{b.ship.courier}</Table.Th>
                <Table.Th w={220}>{b.ship.trackingNumber}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => {
                const row = rowOf(order.id);
                const problem = shipRowProblem(row);
                return (
                  <Table.Tr key={order.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {order.orderNumber}
                      </Text>
                      {order.recipientName && (
                        <Text size="xs" c="dimmed">
                          {order.recipientName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {order.statusLabels.map((label) => (
                          <Badge key={label} variant="light" radius="sm" tt="none" size="sm">
                            {label}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Autocomplete
                        aria-label={b.ship.courierFor(order.orderNumber)}
                        data={courierNames}
                        value={row.courier}
                        onChange={(courier) => set(order.id, { courier })}
                        size="xs"
                        error={problem === 'courier' ? b.ship.courierMissing : undefined}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={b.ship.trackingFor(order.orderNumber)}
                        value={row.trackingNumber}
                        onChange={(e) => set(order.id, { trackingNumber: e.currentTarget.value })}
                        size="xs"
                        inputMode="text"
                        autoComplete="off"
                        error={problem === 'tracking' ? b.ship.invalidTracking : undefined}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {(loading || couriersLoading) && <Loader size="sm" aria-label={b.ship.loadingOrders} />}
    </Stack>
  );
}
