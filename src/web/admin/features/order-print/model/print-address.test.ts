import { describe, expect, it } from 'vitest';
import { printHref, readPrintAddress } from './print-address';

const search = (href: string) => href.slice(href.indexOf('?'));

describe('the print view address', () => {
  it('carries chosen orders and reads them back in their order', () => {
    const href = printHref('packing', { kind: 'ids', ids: [12, 3, 40] });
    expect(href).toBe('/orders/print?kind=packing&ids=12%2C3%2C40');
    expect(readPrintAddress(search(href))).toEqual({ ok: true, kind: 'packing', request: { orderIds: [12, 3, 40] } });
    const sorted = printHref('statement', { kind: 'ids', ids: [5, 6], sort: { field: 'orderedAt', direction: 'desc' } });
    expect(readPrintAddress(search(sorted))).toEqual({ ok: true, kind: 'statement', request: { orderIds: [5, 6], sort: { field: 'orderedAt', direction: 'desc' } } });
    expect(readPrintAddress('?ids=5&sort=nope:up')).toEqual({ ok: false });
  });

  it('carries a tab’s conditions: the tab, the filter, the sort and a period', () => {
    const source = {
      kind: 'conditions' as const,
      viewId: 4,
      filter: { unitStatuses: ['preparing' as const], keyword: '김하나 & 010' },
      sort: { field: 'orderedAt' as const, direction: 'asc' as const },
      period: { field: 'ordered' as const, lastDays: 7 },
    };
    const read = readPrintAddress(search(printHref('statement', source)));
    expect(read).toEqual({ ok: true, kind: 'statement', request: { viewId: 4, filter: source.filter, sort: source.sort, period: source.period } });
  });

  it('refuses an address edited beyond repair rather than printing something else', () => {
    for (const bad of ['?kind=invoice&ids=1', '?ids=1,x', '?ids=', '?kind=packing', '?filter={oops', '?filter={"unitStatuses":["nope"]}', '?viewId=0', '?viewId=2&sort=foo:up', '?viewId=2&period={"field":"ordered","from":"2026-12-05","to":"2026-12-01"}']) {
      expect(readPrintAddress(bad), bad).toEqual({ ok: false });
    }
    expect(readPrintAddress('?ids=7')).toEqual({ ok: true, kind: 'packing', request: { orderIds: [7] } });
  });
});
