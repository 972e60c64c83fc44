import { Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { usePhone } from '../../../app/use-phone';
import { useDetailI18n } from '../i18n';
import { addressBlocks, itemName, type UnitRow } from '../model/rows';
import { withRow, type Selection } from '../model/selection';
import { ItemProduct, ItemShipping, ItemStatus } from './item-parts';
import { PhoneItemList } from './phone-item-list';
import { UnitQuantityStepper } from './quantity-stepper';

interface Props {
  order: OrderDetail;
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  readOnly: boolean;
}

/**
 * 주문 상품 by shipping address, then by shipment group (one status, one parcel): each row with its
 * checkbox and a stepper for acting on part of its quantity. The actions at the top right act on
 * what is ticked here (their dialogs start from it). On a phone the rows are a list, one under
 * the other, instead of a table's columns.
 */
export function ItemsSection({ order, selection, onSelectionChange, readOnly }: Props) {
  const { d } = useDetailI18n();
  const phone = usePhone();
  const blocks = addressBlocks(order);
  return (
    <Stack gap="md">
      {blocks.map((block) => {
        const { address, number } = block;
        const label = d.items.address(number);
        return (
          <Card key={address.id} withBorder padding="sm" component="section" aria-label={label}>
            <Group gap="xs" mb="xs">
              <Text fw={700}>{label}</Text>
              <Text size="sm">
                {address.recipientName} · {address.recipientPhone}
              </Text>
              <Text size="sm" c="dimmed">
                ({address.postcode}) {address.address1} {address.address2}
              </Text>
            </Group>
            {block.groups.length === 0 ? (
              <Text size="sm" c="dimmed">
                {d.items.noUnits}
              </Text>
            ) : phone ? (
              <PhoneItemList label={d.items.tableLabel(label)} groups={block.groups} selection={selection} onSelectionChange={onSelectionChange} readOnly={readOnly} />
            ) : (
              <Table aria-label={d.items.tableLabel(label)} verticalSpacing={6} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    {!readOnly && <Table.Th w={36} />}
                    <Table.Th>{d.items.product}</Table.Th>
                    <Table.Th ta="right">{d.items.unitPrice}</Table.Th>
                    <Table.Th ta="right">{d.items.quantity}</Table.Th>
                    <Table.Th miw={120}>{d.items.status}</Table.Th>
                    <Table.Th>{d.items.shipping}</Table.Th>
                    {!readOnly && <Table.Th>{d.items.selectQuantity}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                {block.groups.map(({ group, rows }, n) => (
                  <Table.Tbody key={group.id} data-testid={`group-${group.id}`} style={n > 0 ? { borderTop: '2px solid var(--mantine-color-gray-3)' } : undefined}>
                    {block.groups.length > 1 && (
                      <Table.Tr bg="gray.0">
                        <Table.Td colSpan={readOnly ? 5 : 7}>
                          <Text size="xs" c="dimmed">
                            {d.items.group} {n + 1} · {group.statusLabel}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                    {rows.map((row) => (
                      <ItemRow key={row.key} row={row} selection={selection} onSelectionChange={onSelectionChange} readOnly={readOnly} />
                    ))}
                  </Table.Tbody>
                ))}
              </Table>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

function ItemRow({ row, selection, onSelectionChange, readOnly }: { row: UnitRow; selection: Selection; onSelectionChange(s: Selection): void; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const name = itemName(row.item);
  const checked = selection[row.key] !== undefined;
  const set = (q: number | undefined) => onSelectionChange(withRow(selection, row.key, q));
  return (
    <Table.Tr data-testid={`row-${row.key}`} bg={checked ? 'indigo.0' : undefined}>
      {!readOnly && (
        <Table.Td>
          <Checkbox aria-label={d.items.selectRow(name, row.statusLabel)} checked={checked} onChange={(e) => set(e.currentTarget.checked ? row.quantity : undefined)} />
        </Table.Td>
      )}
      <Table.Td>
        <ItemProduct row={row} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatWon(t, row.item.unitPrice)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{d.pieces(row.quantity)}</Text>
      </Table.Td>
      <Table.Td>
        <ItemStatus row={row} />
      </Table.Td>
      <Table.Td>
        <ItemShipping row={row} />
      </Table.Td>
      {!readOnly && (
        <Table.Td>
          <UnitQuantityStepper row={row} value={selection[row.key]} name={name} disabled={!checked} onChange={(q) => set(q)} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
