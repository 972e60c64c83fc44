import { Box, Checkbox, Group, Stack, Text } from '@mantine/core';
import { formatWon } from '../../../app/format';
import { useDetailI18n } from '../i18n';
import { itemName, type AddressBlock, type UnitRow } from '../model/rows';
import { withRow, type Selection } from '../model/selection';
import { ItemProduct, ItemShipping, ItemStatus } from './item-parts';
import { UnitQuantityStepper } from './quantity-stepper';

interface Props {
  /** Names the list as the desktop names its table: "배송지 상품: 배송지 1". */
  label: string;
  groups: AddressBlock['groups'];
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  readOnly: boolean;
}

/**
 * An address's rows on a phone: each row one under the other (checkbox, product, price × quantity,
 * status, parcel), readable at 360 px without scrolling sideways; the quantity stepper appears
 * once a row is ticked. Shipment groups are headed as in the table.
 */
export function PhoneItemList({ label, groups, selection, onSelectionChange, readOnly }: Props) {
  const { d } = useDetailI18n();
  return (
    <Stack gap={0} role="list" aria-label={label}>
      {groups.map(({ group, rows }, n) => (
        <Box key={group.id} data-testid={`group-${group.id}`} style={n > 0 ? { borderTop: '2px solid var(--mantine-color-gray-3)' } : undefined}>
          {groups.length > 1 && (
            <Text size="xs" c="dimmed" bg="gray.0" px="xs" py={4}>
              {d.items.group} {n + 1} · {group.statusLabel}
            </Text>
          )}
          {rows.map((row) => (
            <PhoneItemRow key={row.key} row={row} selection={selection} onSelectionChange={onSelectionChange} readOnly={readOnly} />
          ))}
        </Box>
      ))}
    </Stack>
  );
}

function PhoneItemRow({ row, selection, onSelectionChange, readOnly }: { row: UnitRow; selection: Selection; onSelectionChange(s: Selection): void; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const name = itemName(row.item);
  const checked = selection[row.key] !== undefined;
  const set = (q: number | undefined) => onSelectionChange(withRow(selection, row.key, q));
  return (
    <Group role="listitem" data-testid={`row-${row.key}`} bg={checked ? 'indigo.0' : undefined} wrap="nowrap" align="flex-start" gap="sm" px="xs" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      {!readOnly && <Checkbox mt={2} aria-label={d.items.selectRow(name, row.statusLabel)} checked={checked} onChange={(e) => set(e.currentTarget.checked ? row.quantity : undefined)} />}
      <Stack gap={4} miw={0} style={{ flex: 1 }}>
        <div>
          <ItemProduct row={row} />
        </div>
        <Group justify="space-between" gap="xs">
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatWon(t, row.item.unitPrice)} × {d.pieces(row.quantity)}
          </Text>
          <ItemStatus row={row} />
        </Group>
        {row.group.trackingNumber && <ItemShipping row={row} />}
        {!readOnly && checked && <UnitQuantityStepper row={row} value={selection[row.key]} name={name} disabled={false} onChange={(q) => set(q)} />}
      </Stack>
    </Group>
  );
}
