import { CLAIM_REASON_LABELS } from '../../../../../contracts/claim-reasons';
import { CHANNEL_LABELS, REGION_LABELS, type OrderFilter } from '../../../../../contracts/order-filter';
import { formatWon } from '../../../app/format';
import type { Dictionary, Lang } from '../../../app/i18n';
import { cleanFilter } from './url-state';

/** The filter's conditions as the chips under the search bar read them, one chip per condition. */
export type ChipKey = Exclude<keyof OrderFilter, 'keyword'>;
export interface FilterChip {
  key: ChipKey;
  label: string;
}

const lookup = (labels: Record<string, string>, values: readonly string[]) => values.map((v) => labels[v] ?? v).join(', ');
const bilingual = <K extends string>(labels: Record<K, { ko: string; en: string }>, lang: Lang): Record<string, string> =>
  Object.fromEntries(Object.entries<{ ko: string; en: string }>(labels).map(([k, v]) => [k, v[lang]]));

function periodText(period: NonNullable<OrderFilter['period']>, t: Dictionary): string {
  const field = t.filters.periodFields[period.field];
  if (period.lastDays !== undefined) return `${field}: ${t.filters.lastDaysValue(period.lastDays)}`;
  if (period.from || period.to) return `${field}: ${period.from ?? ''} ~ ${period.to ?? ''}`;
  return `${field}: ${t.filters.anyTime}`;
}

function amountText(amount: NonNullable<OrderFilter['amount']>, t: Dictionary): string {
  const min = amount.min === undefined ? '' : formatWon(t, amount.min);
  const max = amount.max === undefined ? '' : formatWon(t, amount.max);
  return `${t.filters.amount}: ${min} ~ ${max}`;
}

/**
 * `productNames`: the names of the filter's products as far as they are known (read by id); a
 * product not (yet) known shows as its number.
 */
export function filterChips(filter: OrderFilter, t: Dictionary, lang: Lang, productNames: ReadonlyMap<number, string> = new Map()): FilterChip[] {
  const f = cleanFilter(filter);
  const chips: FilterChip[] = [];
  const add = (key: ChipKey, label: string) => chips.push({ key, label });
  if (f.unitStatuses) add('unitStatuses', `${t.filters.unitStatuses}: ${lookup(t.unitStatus, f.unitStatuses)}`);
  if (f.claimStatuses) add('claimStatuses', `${t.filters.claimStatuses}: ${lookup(t.unitStatus, f.claimStatuses)}`);
  if (f.claimReasons) add('claimReasons', `${t.filters.claimReasons}: ${lookup(bilingual(CLAIM_REASON_LABELS, lang), f.claimReasons)}`);
  if (f.orderStatuses) add('orderStatuses', `${t.filters.orderStatuses}: ${lookup(t.orderStatus, f.orderStatuses)}`);
  if (f.paymentStatuses) add('paymentStatuses', `${t.filters.paymentStatuses}: ${lookup(t.paymentStatus, f.paymentStatuses)}`);
  if (f.channels) add('channels', `${t.filters.channels}: ${lookup(bilingual(CHANNEL_LABELS, lang), f.channels)}`);
  if (f.memberType) add('memberType', f.memberType === 'member' ? t.filters.member : t.filters.guest);
  if (f.paymentMethods) add('paymentMethods', `${t.filters.paymentMethods}: ${lookup(t.paymentMethod, f.paymentMethods)}`);
  if (f.period) add('period', periodText(f.period, t));
  if (f.amount) add('amount', amountText(f.amount, t));
  if (f.shippingDelayDays !== undefined) add('shippingDelayDays', t.filters.shippingDelayValue(f.shippingDelayDays));
  if (f.hasMemo !== undefined) add('hasMemo', f.hasMemo ? t.filters.withMemo : t.filters.withoutMemo);
  if (f.couriers) add('couriers', `${t.filters.couriers}: ${f.couriers.join(', ')}`);
  if (f.productIds) add('productIds', `${t.filters.products}: ${f.productIds.map((id) => productNames.get(id) ?? t.products.unknown(id)).join(', ')}`);
  if (f.regions) add('regions', `${t.filters.regions}: ${lookup(bilingual(REGION_LABELS, lang), f.regions)}`);
  return chips;
}

export function withoutCondition(filter: OrderFilter, key: ChipKey): OrderFilter {
  const { [key]: _removed, ...rest } = filter;
  return rest;
}

/** How many conditions the filter sets, the keyword aside (the 필터 button shows it). */
export function countConditions(filter: OrderFilter): number {
  const { keyword: _keyword, ...rest } = cleanFilter(filter);
  return Object.keys(rest).length;
}
