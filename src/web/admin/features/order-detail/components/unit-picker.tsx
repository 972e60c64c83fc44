import { Checkbox, Table, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
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
  if (rows.length === 0) return <Text c="dimmed">{d.dialog.noEligible}</Text>;
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
