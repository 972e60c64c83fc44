import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_LAYOUT, type View } from '../../../../../contracts/views';
import { effectiveFilter, effectiveSort, listHrefOf, paramsFor, readListParams } from './url-state';

const tab: View = {
  id: 3,
  name: '입금대기',
  position: 1,
  locked: false,
  filter: { unitStatuses: ['awaiting_payment'] },
  sort: { field: 'orderedAt', direction: 'asc' },
  columns: DEFAULT_COLUMN_LAYOUT,
  personalLayout: false,
  updatedAt: '2026-11-26T00:00:00+09:00',
};

const roundTrip = (state: Parameters<typeof paramsFor>[1]) => {
  const href = listHrefOf(paramsFor(tab, state));
  const params = readListParams(new URL(href, 'http://x').searchParams);
  return { href, filter: effectiveFilter(tab, params), sort: effectiveSort(tab, params) };
};

describe('the list address', () => {
  it('names only the tab while nothing differs from it', () => {
    expect(roundTrip({ filter: tab.filter, sort: tab.sort }).href).toBe('/orders?view=3');
  });

  it('carries keyword, filter and sort so that a link reproduces the view', () => {
    const state = { filter: { unitStatuses: ['awaiting_payment' as const], paymentMethods: ['bank_transfer' as const], keyword: '길동' }, sort: { field: 'totalAmount' as const, direction: 'desc' as const } };
    const back = roundTrip(state);
    expect(back.href).toContain('q=%EA%B8%B8%EB%8F%99');
    expect(back.filter).toEqual(state.filter);
    expect(back.sort).toEqual(state.sort);
  });

  it('keeps a removed tab condition removed', () => {
    expect(roundTrip({ filter: {}, sort: tab.sort }).filter).toEqual({});
  });

  it('ignores a filter or sort it cannot read instead of failing', () => {
    const params = readListParams(new URLSearchParams('view=3&filter=%7Bnope%7D&sort=price:up'));
    expect(effectiveFilter(tab, params)).toEqual(tab.filter);
    expect(effectiveSort(tab, params)).toEqual(tab.sort);
  });
});
