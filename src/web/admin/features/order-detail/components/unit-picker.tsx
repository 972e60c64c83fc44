import { Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import { usePhone } from '../../../app/use-phone';
import { useDetailI18n } from '../i18n';
import { addressNumber, itemName, type UnitRow } from '../model/rows';
import { withRow, type Selection } from '../model/selection';
import { UnitQuantityStepper } from './quantity-stepper';
import { UnitStatusBadge } from './status-badge';

interface Props {
  order: OrderDetail;
  rows: readonly UnitRow[];
  value: Selection;
  onChange(value: Selection): void;
  /** Names the table: "취소할 상품" … */
  label: string;
}

/** Step 1 of every dialog: which units, how many of each (a part of a row's quantity is fine). */
export function UnitPicker({ order, rows, value, onChange, label }: Props) {
  const { d } = useDetailI18n();
  const phone = usePhone();
  if (rows.length === 0) return <Text c="dimmed">{d.dialog.noEligible}</Text>;
  if (phone) return <PhoneUnitPicker order={order} rows={rows} value={value} onChange={onChange} label={label} />;
  const multipleAddresses = order.addresses.length > 1;
  return (
    <Table aria-label={label} verticalSpacing={6} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36} />
          <Table.Th>{d.items.product}</Table.Th>
          <Table.Th>{d.items.status}</Table.Th>
          <Table.Th>{d.items.selectQuantity}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const name = itemName(row.item);
          const checked = value[row.key] !== undefined;
          const set = (q: number | undefined) => onChange(withRow(value, row.key, q));
          return (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Checkbox aria-label={d.items.selectRow(name, row.statusLabel)} checked={checked} onChange={(e) => set(e.currentTarget.checked ? row.quantity : undefined)} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{name}</Text>
                {multipleAddresses && (
                  <Text size="xs" c="dimmed">
                    {d.items.address(addressNumber(order, row.addressId))}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <UnitStatusBadge status={row.status} label={row.statusLabel} />
              </Table.Td>
              <Table.Td>
                <UnitQuantityStepper row={row} value={value[row.key]} name={name} disabled={!checked} onChange={(q) => set(q)} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** On a phone: a row per line (checkbox, name, status), the stepper under a ticked row — no table to squeeze. */
function PhoneUnitPicker({ order, rows, value, onChange, label }: Props) {
  const { d } = useDetailI18n();
  const multipleAddresses = order.addresses.length > 1;
  return (
    <Stack gap={0} role="list" aria-label={label}>
      {rows.map((row) => {
        const name = itemName(row.item);
        const checked = value[row.key] !== undefined;
        const set = (q: number | undefined) => onChange(withRow(value, row.key, q));
        return (
          <Group key={row.key} role="listitem" wrap="nowrap" align="flex-start" gap="sm" py="xs" bg={checked ? 'indigo.0' : undefined} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Checkbox mt={2} aria-label={d.items.selectRow(name, row.statusLabel)} checked={checked} onChange={(e) => set(e.currentTarget.checked ? row.quantity : undefined)} />
            <Stack gap={4} miw={0} style={{ flex: 1 }}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm">{name}</Text>
                  {multipleAddresses && (
                    <Text size="xs" c="dimmed">
                      {d.items.address(addressNumber(order, row.addressId))}
                    </Text>
                  )}
                </div>
                <UnitStatusBadge status={row.status} label={row.statusLabel} />
              </Group>
              {checked ? <UnitQuantityStepper row={row} value={value[row.key]} name={name} disabled={false} onChange={(q) => set(q)} /> : <Text size="xs" c="dimmed">{d.pieces(row.quantity)}</Text>}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
