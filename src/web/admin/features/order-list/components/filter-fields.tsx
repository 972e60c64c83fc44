import { Checkbox, Fieldset, Group, NativeSelect, NumberInput, Radio, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { PERIOD_FIELDS, type OrderFilter, type OrderPeriod } from '../../../../../contracts/order-filter';
import { ProductMultiPicker } from '../../../app/components/product-picker';
import { useI18n } from '../../../app/i18n';

/** The inputs of the filter panel, one per kind of condition. */

export function CheckboxFieldset<V extends string>({
  legend,
  options,
  value,
  onChange,
  cols = 3,
}: {
  legend: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: readonly V[] | undefined;
  onChange(values: V[]): void;
  cols?: number;
}) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Checkbox.Group value={[...(value ?? [])]} onChange={(values) => onChange(values as V[])}>
        {/* at most three columns on a phone (below sm), as many as asked for above */}
        <SimpleGrid cols={{ base: Math.min(cols, 3), sm: cols }} spacing={6} verticalSpacing={6}>
          {options.map((o) => (
            <Checkbox key={o.value} value={o.value} label={o.label} size="xs" />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Fieldset>
  );
}

export function ChoiceFieldset<V extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V;
  onChange(value: V): void;
}) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Radio.Group value={value} onChange={(v) => onChange(v as V)}>
        <Group gap="md">
          {options.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} size="xs" />
          ))}
        </Group>
      </Radio.Group>
    </Fieldset>
  );
}

const numberOrUndefined = (value: string | number) => (value === '' || value === undefined ? undefined : Number(value));

export function PeriodFieldset({ value, onChange, error }: { value: OrderPeriod | undefined; onChange(period: OrderPeriod | undefined): void; error: string | null }) {
  const { t } = useI18n();
  const field = value?.field ?? '';
  const set = (patch: Partial<OrderPeriod>) => {
    if (!value) return;
    const merged = { ...value, ...patch };
    // "last N days" and a from/to range exclude each other; the latest input wins
    const range = patch.lastDays !== undefined ? {} : { from: merged.from || undefined, to: merged.to || undefined };
    const lastDays = patch.from !== undefined || patch.to !== undefined ? undefined : merged.lastDays;
    onChange({
      field: merged.field,
      ...(range.from ? { from: range.from } : {}),
      ...(range.to ? { to: range.to } : {}),
      ...(lastDays !== undefined ? { lastDays } : {}),
    });
  };
  return (
    <Fieldset legend={t.filters.period} variant="unstyled">
      <SimpleGrid cols={2} spacing="xs">
        <NativeSelect
          label={t.filters.periodField}
          value={field}
          onChange={(e) => {
            const next = e.currentTarget.value;
            const known = PERIOD_FIELDS.find((f) => f === next);
            onChange(known ? { ...(value ?? {}), field: known } : undefined);
          }}
          data={[{ value: '', label: t.filters.periodNone }, ...PERIOD_FIELDS.map((f) => ({ value: f, label: t.filters.periodFields[f] }))]}
        />
        <NumberInput
          label={t.filters.lastDays}
          min={1}
          max={3660}
          allowDecimal={false}
          allowNegative={false}
          disabled={!value}
          value={value?.lastDays ?? ''}
          onChange={(v) => set({ lastDays: numberOrUndefined(v) })}
        />
        <TextInput type="date" label={t.filters.from} disabled={!value} value={value?.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} error={error} />
        <TextInput type="date" label={t.filters.to} disabled={!value} value={value?.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} />
      </SimpleGrid>
    </Fieldset>
  );
}

export function AmountFieldset({ value, onChange, error }: { value: OrderFilter['amount']; onChange(amount: OrderFilter['amount']): void; error: string | null }) {
  const { t } = useI18n();
  const set = (patch: { min?: number; max?: number }) => {
    const next = { ...(value ?? {}), ...patch };
    if (next.min === undefined) delete next.min;
    if (next.max === undefined) delete next.max;
    onChange(next.min === undefined && next.max === undefined ? undefined : next);
  };
  return (
    <Fieldset legend={t.filters.amount} variant="unstyled">
      <SimpleGrid cols={2} spacing="xs">
        <NumberInput
          label={t.filters.amountMin}
          thousandSeparator=","
          allowDecimal={false}
          min={0}
          value={value?.min ?? ''}
          onChange={(v) => set({ min: numberOrUndefined(v) })}
          error={error}
        />
        <NumberInput label={t.filters.amountMax} thousandSeparator="," allowDecimal={false} min={0} value={value?.max ?? ''} onChange={(v) => set({ max: numberOrUndefined(v) })} />
      </SimpleGrid>
    </Fieldset>
  );
}

export function TagsFieldset({
  legend,
  placeholder,
  value,
  suggestions,
  onChange,
  description,
}: {
  legend: string;
  placeholder: string;
  value: readonly string[] | undefined;
  suggestions?: string[];
  onChange(values: string[]): void;
  description?: string;
}) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <TagsInput aria-label={legend} placeholder={placeholder} value={[...(value ?? [])]} data={suggestions ?? []} onChange={onChange} description={description} clearable />
    </Fieldset>
  );
}

/** 상품: products chosen by name; the filter keeps their ids (`productIds`). */
export function ProductsFieldset({ value, onChange }: { value: readonly number[] | undefined; onChange(productIds: number[] | undefined): void }) {
  const { t } = useI18n();
  return (
    <Fieldset legend={t.filters.products} variant="unstyled">
      <ProductMultiPicker
        label={t.filters.products}
        placeholder={t.filters.productsPlaceholder}
        description={t.filters.productsHint}
        value={value ?? []}
        onChange={(ids) => onChange(ids.length > 0 ? ids : undefined)}
      />
    </Fieldset>
  );
}
