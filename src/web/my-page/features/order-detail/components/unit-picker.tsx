import { Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../app/i18n';
import { itemLabel, type PickableItem } from '../model/units';

/**
 * Which items and how many of each: a checkbox per item (ticked: all its units), and a quantity
 * for items with more than one unit to act on.
 */
export function UnitPicker({ items, picked, onChange, error }: { items: PickableItem[]; picked: Record<number, number>; onChange(next: Record<number, number>): void; error?: string | null }) {
  const { t } = useI18n();
  const set = (itemId: number, quantity: number) => onChange({ ...picked, [itemId]: quantity });
  return (
    <Stack gap="xs" role="group" aria-label={t.actions.pickUnits}>
      <Text fw={600} size="sm">
        {t.actions.pickUnits}
      </Text>
      {items.map((item) => {
        const label = itemLabel(item);
        const count = picked[item.itemId] ?? 0;
        return (
          <Group key={item.itemId} justify="space-between" wrap="nowrap" gap="sm" mih={40}>
            <Checkbox label={label} checked={count > 0} onChange={(event) => set(item.itemId, event.currentTarget.checked ? item.max : 0)} style={{ minWidth: 0 }} />
            {item.max > 1 ? (
              <NumberInput
                aria-label={t.actions.pickQuantity(label)}
                w={96}
                min={0}
                max={item.max}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={count}
                onChange={(value) => set(item.itemId, typeof value === 'number' ? value : Number(value) || 0)}
                rightSection={<Text size="xs" c="dimmed">/{item.max}</Text>}
                rightSectionWidth={32}
              />
            ) : (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t.common.pieces(1)}
              </Text>
            )}
          </Group>
        );
      })}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
