import { ActionIcon, Group, NumberInput, Text } from '@mantine/core';
import { useDetailI18n } from '../i18n';

interface Props {
  value: number;
  max: number;
  min?: number;
  /** Names the row for screen readers and tests: "처리 수량: 상품 (상태)". */
  label: string;
  name: string;
  disabled?: boolean;
  onChange(value: number): void;
}

/** − [n] + within min…max; typing works too (clamped when leaving the field). */
export function QuantityStepper({ value, max, min = 1, label, name, disabled, onChange }: Props) {
  const { d } = useDetailI18n();
  const clamp = (n: number) => Math.max(min, Math.min(max, Math.floor(n)));
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" size="sm" aria-label={d.items.decrease(name)} disabled={disabled || value <= min} onClick={() => onChange(clamp(value - 1))}>
        <span aria-hidden>−</span>
      </ActionIcon>
      <NumberInput
        aria-label={label}
        value={value}
        min={min}
        max={max}
        hideControls
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="strict"
        disabled={disabled}
        size="xs"
        w={56}
        styles={{ input: { textAlign: 'center' } }}
        onChange={(v) => {
          const n = typeof v === 'number' ? v : Number(v);
          if (Number.isFinite(n) && n >= min) onChange(clamp(n));
        }}
      />
      <ActionIcon variant="default" size="sm" aria-label={d.items.increase(name)} disabled={disabled || value >= max} onClick={() => onChange(clamp(value + 1))}>
        <span aria-hidden>+</span>
      </ActionIcon>
    </Group>
  );
}

/**
 * The stepper of a unit row (the detail's item tables and the dialogs' unit pickers): how many of
 * the row's units to act on, with "/ n개" after it.
 */
export function UnitQuantityStepper({ row, value, name, disabled, onChange }: { row: { quantity: number; statusLabel: string }; value: number | undefined; name: string; disabled: boolean; onChange(value: number): void }) {
  const { d } = useDetailI18n();
  return (
    <Group gap="xs" wrap="nowrap">
      <QuantityStepper value={value ?? row.quantity} max={row.quantity} name={name} label={d.items.quantityOf(name, row.statusLabel)} disabled={disabled} onChange={onChange} />
      <Text size="xs" c="dimmed">
        {d.items.ofTotal(row.quantity)}
      </Text>
    </Group>
  );
}
