import { ActionIcon, Box, Button, Card, Collapse, Group, NativeSelect, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import { ProductPicker } from '../../../app/components/product-picker';
import { formatWon } from '../../../app/format';
import { useDetailI18n } from '../i18n';
import { newAddedItem, type AddedItem, type EditDraft } from '../model/edit-draft';
import { itemName } from '../model/rows';
import { QUANTITY_EDITABLE } from '../model/status-flow';
import { QuantityStepper } from './quantity-stepper';

const num = (v: number | string): number | '' => (typeof v === 'number' && Number.isFinite(v) ? v : v === '' ? '' : Number.isFinite(Number(v)) ? Number(v) : '');

/** Whether an item's quantity may change: every unit still in a shipment group, before 배송대기. */
export function quantityEditable(item: OrderDetail['items'][number]) {
  return Object.entries(item.quantityByStatus).every(([status, q]) => q === 0 || QUANTITY_EDITABLE.includes(status));
}

/** 품목 수정: change quantities of existing items, add custom or catalog items with 판매가 할인. */
export function EditItemsStep({ order, draft, onChange }: { order: OrderDetail; draft: EditDraft; onChange(draft: EditDraft): void }) {
  const { d, t } = useDetailI18n();
  const addresses = [...order.addresses].sort((a, b) => a.position - b.position);
  const firstAddress = addresses[0]?.id ?? 0;
  const nextKey = draft.added.reduce((max, a) => Math.max(max, a.key), 0) + 1;
  const update = (key: number, patch: Partial<AddedItem>) => onChange({ ...draft, added: draft.added.map((a) => (a.key === key ? { ...a, ...patch } : a)) });

  return (
    <Stack>
      <Title order={3} size="h5">
        {d.edit.existing}
      </Title>
      <Table aria-label={d.edit.existing} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{d.items.product}</Table.Th>
            <Table.Th ta="right">{d.items.unitPrice}</Table.Th>
            <Table.Th>{d.items.quantity}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.items.map((item) => {
            const editable = quantityEditable(item);
            const name = itemName(item);
            const value = draft.quantities[item.id] ?? item.quantity;
            return (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm">{name}</Text>
                  {!editable && (
                    <Text size="xs" c="dimmed">
                      {d.edit.quantityOnlyPreparing}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{formatWon(t, item.unitPrice)}</Text>
                </Table.Td>
                <Table.Td>
                  <QuantityStepper
                    value={value}
                    max={9999}
                    name={name}
                    label={d.edit.newQuantity(name)}
                    disabled={!editable}
                    onChange={(q) => {
                      const rest = Object.fromEntries(Object.entries(draft.quantities).filter(([id]) => Number(id) !== item.id));
                      onChange({ ...draft, quantities: q === item.quantity ? rest : { ...rest, [item.id]: q } });
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>

      <Title order={3} size="h5">
        {d.edit.added}
      </Title>
      {draft.added.map((a, index) => (
        <Card key={a.key} withBorder padding="sm" role="group" aria-label={d.edit.addedItem(index + 1)}>
          <Group justify="space-between" mb="xs">
            <Text fw={600} size="sm">
              {d.edit.addedItem(index + 1)} · {a.type === 'custom' ? d.items.custom : d.edit.catalogItem}
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={d.edit.remove(index + 1)} onClick={() => onChange({ ...draft, added: draft.added.filter((x) => x.key !== a.key) })}>
              <span aria-hidden>✕</span>
            </ActionIcon>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {a.type === 'custom' ? (
              <>
                <TextInput label={d.edit.customName} value={a.name} onChange={(e) => update(a.key, { name: e.currentTarget.value })} required maxLength={200} />
                <TextInput label={d.edit.customOption} value={a.optionName} onChange={(e) => update(a.key, { optionName: e.currentTarget.value })} maxLength={200} />
                <NumberInput
                  label={d.edit.unitPrice}
                  value={a.unitPrice}
                  onChange={(v) => update(a.key, { unitPrice: num(v) })}
                  min={0}
                  allowNegative={false}
                  allowDecimal={false}
                  thousandSeparator=","
                  hideControls
                  required
                />
              </>
            ) : (
              <Box style={{ gridColumn: '1 / -1' }}>
                <ProductPicker
                  label={d.items.product}
                  required
                  value={a.productId === '' ? null : { productId: a.productId, optionId: a.optionId === '' ? null : a.optionId }}
                  onChange={({ product, option }) => update(a.key, { productId: product.id, optionId: option?.id ?? '' })}
                />
              </Box>
            )}
            <NumberInput
              label={d.edit.quantity}
              value={a.quantity}
              onChange={(v) => update(a.key, { quantity: Math.max(1, Number(num(v) || 1)) })}
              min={1}
              max={9999}
              allowNegative={false}
              allowDecimal={false}
            />
            <NativeSelect
              label={d.edit.address}
              value={String(a.addressId)}
              onChange={(e) => update(a.key, { addressId: Number(e.currentTarget.value) })}
              data={addresses.map((addr, n) => ({ value: String(addr.id), label: `${d.items.address(n + 1)} · ${addr.recipientName}` }))}
            />
          </SimpleGrid>
          <Group mt="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={a.discountKind !== 'none'}
              onClick={() => update(a.key, { discountKind: a.discountKind === 'none' ? 'rate' : 'none', discountValue: '' })}
            >
              {d.edit.manualDiscount}
            </Button>
          </Group>
          <Collapse expanded={a.discountKind !== 'none'}>
            <Group align="flex-end" gap="sm">
              <SegmentedControl
                size="xs"
                aria-label={d.edit.manualDiscountKind}
                value={a.discountKind}
                onChange={(v) => update(a.key, { discountKind: v === 'amount' ? 'amount' : v === 'rate' ? 'rate' : 'none', discountValue: '' })}
                data={[
                  { value: 'none', label: d.edit.noDiscount },
                  { value: 'rate', label: d.edit.rate },
                  { value: 'amount', label: d.edit.amountPerUnit },
                ]}
              />
              {a.discountKind !== 'none' && (
                <NumberInput
                  label={a.discountKind === 'rate' ? d.edit.rate : d.edit.amountPerUnit}
                  value={a.discountValue}
                  onChange={(v) => update(a.key, { discountValue: num(v) })}
                  min={0}
                  max={a.discountKind === 'rate' ? 100 : undefined}
                  decimalScale={a.discountKind === 'rate' ? 2 : 0}
                  allowNegative={false}
                  thousandSeparator={a.discountKind === 'amount' ? ',' : undefined}
                  hideControls
                  w={160}
                />
              )}
            </Group>
          </Collapse>
        </Card>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange({ ...draft, added: [...draft.added, newAddedItem(nextKey, 'custom', firstAddress)] })}>
          {d.edit.addCustom}
        </Button>
        <Button variant="default" onClick={() => onChange({ ...draft, added: [...draft.added, newAddedItem(nextKey, 'catalog', firstAddress)] })}>
          {d.edit.addCatalog}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {d.edit.catalogHint}
      </Text>
    </Stack>
  );
}
