import { Anchor, Badge, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatSeoulDateTime, formatWon } from '../../../app/format';
import { Link } from '../../../app/router';
import { useDetailI18n } from '../i18n';
import { trackingHref } from '../model/couriers';
import { addressBlocks, itemName, type UnitRow } from '../model/rows';
import { withRow, type Selection } from '../model/selection';
import { UnitQuantityStepper } from './quantity-stepper';
import { UnitStatusBadge } from './status-badge';

interface Props {
  order: OrderDetail;
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  readOnly: boolean;
}

/**
 * 주문 상품 by shipping address, then by shipment group (one status, one parcel): each row with its
 * checkbox and a stepper for acting on part of its quantity. The actions at the top right act on
 * what is ticked here (their dialogs start from it).
 */
export function ItemsSection({ order, selection, onSelectionChange, readOnly }: Props) {
  const { d } = useDetailI18n();
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
  const { item, group } = row;
  const name = itemName(item);
  const checked = selection[row.key] !== undefined;
  const set = (q: number | undefined) => onSelectionChange(withRow(selection, row.key, q));
  const courier = group.courierLabel ?? group.courier;
  return (
    <Table.Tr data-testid={`row-${row.key}`} bg={checked ? 'indigo.0' : undefined}>
      {!readOnly && (
        <Table.Td>
          <Checkbox aria-label={d.items.selectRow(name, row.statusLabel)} checked={checked} onChange={(e) => set(e.currentTarget.checked ? row.quantity : undefined)} />
        </Table.Td>
      )}
      <Table.Td>
        <Group gap={6}>
          {item.productId !== null && !item.isCustom ? (
            // the catalog's product now; the row keeps what was sold (name, option and price as ordered)
            <Anchor component={Link} to={`/products/${item.productId}`} size="sm" fw={500} title={d.items.openProduct}>
              {item.productName}
            </Anchor>
          ) : (
            <Text size="sm" fw={500}>
              {item.productName}
            </Text>
          )}
          {item.isCustom && (
            <Badge size="xs" variant="outline" color="gray" tt="none">
              {d.items.custom}
            </Badge>
          )}
        </Group>
        {item.optionName && (
          <Text size="xs" c="dimmed">
            {d.items.option}: {item.optionName}
          </Text>
        )}
        {item.manualDiscountPerUnit > 0 && (
          <Text size="xs" c="orange.8">
            {d.items.manualDiscountPerUnit(formatWon(t, item.manualDiscountPerUnit))}
          </Text>
        )}
        {item.gradeDiscountPerUnit > 0 && (
          <Text size="xs" c="dimmed">
            {d.items.gradeDiscountPerUnit(formatWon(t, item.gradeDiscountPerUnit))}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatWon(t, item.unitPrice)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{d.pieces(row.quantity)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <UnitStatusBadge status={row.status} label={row.statusLabel} />
          {group.heldForAdditionalPayment && (
            // added by an edit and not paid for yet: only the buyer's additional payment moves these on
            <Badge size="sm" variant="outline" color="orange" radius="sm" tt="none" title={d.items.heldForPaymentHint}>
              {d.items.heldForPayment}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {courier && group.trackingNumber ? (
          <Stack gap={0}>
            <Anchor href={trackingHref(courier, group.trackingNumber)} target="_blank" rel="noreferrer" size="sm" aria-label={d.items.trackingLink(courier, group.trackingNumber)}>
              {courier} {group.trackingNumber}
            </Anchor>
            {group.shippedAt && (
              <Text size="xs" c="dimmed">
                {d.items.shippedAt(formatSeoulDateTime(group.shippedAt))}
                {group.deliveredAt ? ` · ${d.items.deliveredAt(formatSeoulDateTime(group.deliveredAt))}` : ''}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            –
          </Text>
        )}
      </Table.Td>
      {!readOnly && (
        <Table.Td>
          <UnitQuantityStepper row={row} value={selection[row.key]} name={name} disabled={!checked} onChange={(q) => set(q)} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
