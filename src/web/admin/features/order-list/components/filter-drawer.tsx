import { Button, Divider, Drawer, Group, NumberInput, Fieldset, Stack } from '@mantine/core';
import { useState } from 'react';
import { CLAIM_REASON_CODES, CLAIM_REASON_LABELS } from '../../../../../contracts/claim-reasons';
import { PAYMENT_METHODS } from '../../../../../contracts/common';
import { CHANNEL_FILTER_VALUES, CHANNEL_LABELS, CLAIM_STATUS_VALUES, ORDER_STATUS_VALUES, PAYMENT_STATUS_VALUES, REGION_LABELS, REGIONS, type OrderFilter } from '../../../../../contracts/order-filter';
import { useI18n } from '../../../app/i18n';
import { usePhone } from '../../../app/use-phone';
import { cleanFilter, withoutKeyword } from '../model/url-state';
import { AmountFieldset, CheckboxFieldset, ChoiceFieldset, PeriodFieldset, ProductsFieldset, TagsFieldset } from './filter-fields';

/** The unit statuses of the normal flow; the claim flows have their own section. */
const FLOW_STATUSES = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered', 'purchase_confirmed'] as const;

export interface FilterDrawerProps {
  opened: boolean;
  filter: OrderFilter;
  /** Couriers seen on the page, offered as suggestions (there is no courier list API). */
  courierSuggestions: string[];
  onApply(filter: OrderFilter): void;
  onClose(): void;
}

/** Every condition of the filter spec (src/contracts/order-filter.ts), edited as a draft and applied at once. */
export function FilterDrawer({ opened, filter, courierSuggestions, onApply, onClose }: FilterDrawerProps) {
  const { t } = useI18n();
  // a phone's whole screen: the conditions need the width, and the list behind is of no use meanwhile
  const size = usePhone() ? '100%' : 'lg';
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={size} title={t.filters.title} closeButtonProps={{ 'aria-label': t.common.close }}>
      {/* a fresh draft each time the panel opens, from what the list shows */}
      {opened && <FilterForm filter={filter} courierSuggestions={courierSuggestions} onApply={onApply} onClose={onClose} />}
    </Drawer>
  );
}

function FilterForm({ filter, courierSuggestions, onApply, onClose }: Omit<FilterDrawerProps, 'opened'>) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<OrderFilter>(() => withoutKeyword(filter));
  const set = <K extends keyof OrderFilter>(key: K, value: OrderFilter[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const options = <V extends string>(values: readonly V[], label: (v: V) => string) => values.map((value) => ({ value, label: label(value) }));

  const period = draft.period;
  const periodError = period?.from && period.to && period.from > period.to ? t.filters.invalidPeriod : null;
  const amountError = draft.amount?.min !== undefined && draft.amount.max !== undefined && draft.amount.min > draft.amount.max ? t.filters.invalidAmount : null;

  const apply = () => {
    onApply(cleanFilter({ ...draft, keyword: filter.keyword }));
    onClose();
  };

  return (
    <Stack gap="md" pb={72}>
      <CheckboxFieldset legend={t.filters.unitStatuses} options={options(FLOW_STATUSES, (v) => t.unitStatus[v])} value={draft.unitStatuses} onChange={(v) => set('unitStatuses', v)} />
      <CheckboxFieldset legend={t.filters.claimStatuses} options={options(CLAIM_STATUS_VALUES, (v) => t.unitStatus[v])} value={draft.claimStatuses} onChange={(v) => set('claimStatuses', v)} />
      <CheckboxFieldset legend={t.filters.claimReasons} options={options(CLAIM_REASON_CODES, (v) => CLAIM_REASON_LABELS[v][lang])} value={draft.claimReasons} onChange={(v) => set('claimReasons', v)} cols={2} />
      <CheckboxFieldset legend={t.filters.orderStatuses} options={options(ORDER_STATUS_VALUES, (v) => t.orderStatus[v])} value={draft.orderStatuses} onChange={(v) => set('orderStatuses', v)} />
      <Divider />
      <CheckboxFieldset legend={t.filters.paymentStatuses} options={options(PAYMENT_STATUS_VALUES, (v) => t.paymentStatus[v])} value={draft.paymentStatuses} onChange={(v) => set('paymentStatuses', v)} />
      <CheckboxFieldset legend={t.filters.paymentMethods} options={options(PAYMENT_METHODS, (v) => t.paymentMethod[v])} value={draft.paymentMethods} onChange={(v) => set('paymentMethods', v)} />
      <CheckboxFieldset legend={t.filters.channels} options={options(CHANNEL_FILTER_VALUES, (v) => CHANNEL_LABELS[v][lang])} value={draft.channels} onChange={(v) => set('channels', v)} cols={2} />
      <ChoiceFieldset
        legend={t.filters.memberType}
        options={[
          { value: 'any', label: t.common.all },
          { value: 'member', label: t.filters.member },
          { value: 'guest', label: t.filters.guest },
        ]}
        value={draft.memberType ?? 'any'}
        onChange={(v) => set('memberType', v === 'any' ? undefined : v)}
      />
      <Divider />
      <PeriodFieldset value={draft.period} onChange={(p) => set('period', p)} error={periodError} />
      <AmountFieldset value={draft.amount} onChange={(a) => set('amount', a)} error={amountError} />
      <Fieldset legend={t.filters.shippingDelay} variant="unstyled">
        <NumberInput
          label={t.filters.shippingDelayDays}
          min={0}
          max={3660}
          allowDecimal={false}
          allowNegative={false}
          value={draft.shippingDelayDays ?? ''}
          onChange={(v) => set('shippingDelayDays', v === '' ? undefined : Number(v))}
          w={220}
        />
      </Fieldset>
      <ChoiceFieldset
        legend={t.filters.hasMemo}
        options={[
          { value: 'any', label: t.common.all },
          { value: 'yes', label: t.filters.withMemo },
          { value: 'no', label: t.filters.withoutMemo },
        ]}
        value={draft.hasMemo === undefined ? 'any' : draft.hasMemo ? 'yes' : 'no'}
        onChange={(v) => set('hasMemo', v === 'any' ? undefined : v === 'yes')}
      />
      <Divider />
      <TagsFieldset legend={t.filters.couriers} placeholder={t.filters.couriersPlaceholder} value={draft.couriers} suggestions={courierSuggestions} onChange={(v) => set('couriers', v)} />
      <ProductsFieldset value={draft.productIds} onChange={(v) => set('productIds', v)} />
      <CheckboxFieldset legend={t.filters.regions} options={options(REGIONS, (v) => REGION_LABELS[v][lang])} value={draft.regions} onChange={(v) => set('regions', v)} cols={4} />
      <Group
        justify="flex-end"
        gap="xs"
        p="md"
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', marginInline: 'calc(var(--mantine-spacing-md) * -1)' }}
      >
        <Button variant="subtle" onClick={() => setDraft({})}>
          {t.common.reset}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t.common.cancel}
        </Button>
        <Button onClick={apply} disabled={periodError !== null || amountError !== null}>
          {t.common.apply}
        </Button>
      </Group>
    </Stack>
  );
}
