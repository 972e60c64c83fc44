import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalFilter, columnChanges, diffView, type ViewSnapshot } from './view-diff';
import { normalizeLayout, type LayoutColumn } from './view-layout';

const DEFAULTS: Array<LayoutColumn<'number' | 'buyer' | 'status' | 'memo'>> = [
  { key: 'number', position: 0, width: 170, visible: true },
  { key: 'buyer', position: 1, width: 110, visible: true },
  { key: 'status', position: 2, width: 140, visible: true },
  { key: 'memo', position: 3, width: 70, visible: false },
];

const saved: ViewSnapshot = {
  filter: { claimStatuses: ['cancel_requested', 'return_requested'] },
  sort: { field: 'orderedAt', direction: 'asc' },
  columns: DEFAULTS,
};

describe('diffView', () => {
  it('finds nothing to save when the state is the saved tab', () => {
    expect(diffView(saved, { ...saved, columns: [...DEFAULTS] })).toEqual({
      changed: false,
      filter: { changed: false, keys: [] },
      sort: { changed: false },
      columns: { changed: false, order: false, keys: [] },
    });
  });

  it('names the filter conditions that were added, removed or changed', () => {
    const current = { ...saved, filter: { claimStatuses: ['cancel_requested'], channels: ['own_mall'], memberType: 'guest' } };
    const diff = diffView(saved, current);
    expect(diff.changed).toBe(true);
    expect(diff.filter).toEqual({ changed: true, keys: ['channels', 'claimStatuses', 'memberType'] });
    expect(diff.sort.changed).toBe(false);
    expect(diffView(current, saved).filter.keys).toEqual(['channels', 'claimStatuses', 'memberType']);
  });

  it('compares filters by what they select: value order, repeats and empty conditions do not count', () => {
    const same = {
      claimStatuses: ['return_requested', 'cancel_requested', 'return_requested'],
      channels: [],
      keyword: '  ',
      amount: {},
      period: undefined,
    };
    expect(diffView(saved, { ...saved, filter: same }).changed).toBe(false);
    expect(canonicalFilter(same)).toEqual({ claimStatuses: ['cancel_requested', 'return_requested'] });
    // a keyword is trimmed as the filter trims it; false is a condition (hasMemo: false = no memo)
    expect(diffView({ ...saved, filter: { keyword: '홍길동' } }, { ...saved, filter: { keyword: ' 홍길동 ' } }).changed).toBe(false);
    expect(diffView({ ...saved, filter: {} }, { ...saved, filter: { hasMemo: false } }).filter.keys).toEqual(['hasMemo']);
  });

  it('compares nested conditions by value, whatever the key order', () => {
    const a = { period: { field: 'ordered', lastDays: 7 }, amount: { min: 10000, max: 50000 } };
    const b = { amount: { max: 50000, min: 10000 }, period: { lastDays: 7, field: 'ordered' } };
    expect(diffView({ ...saved, filter: a }, { ...saved, filter: b }).changed).toBe(false);
    const c = { ...b, period: { field: 'ordered', lastDays: 30 } };
    expect(diffView({ ...saved, filter: a }, { ...saved, filter: c }).filter.keys).toEqual(['period']);
    // "shipped, any time" (a period without dates) is a condition, not an empty object
    expect(diffView({ ...saved, filter: {} }, { ...saved, filter: { period: { field: 'shipped' } } }).filter.keys).toEqual(['period']);
  });

  it('sees a change of sort field or direction', () => {
    expect(diffView(saved, { ...saved, sort: { field: 'orderedAt', direction: 'desc' } }).sort.changed).toBe(true);
    expect(diffView(saved, { ...saved, sort: { field: 'paidAt', direction: 'asc' } })).toMatchObject({ changed: true, sort: { changed: true } });
  });

  it('sees columns moved, hidden or resized, not positions renumbered', () => {
    const spaced = DEFAULTS.map((c) => ({ ...c, position: c.position * 10 + 5 }));
    expect(columnChanges(DEFAULTS, spaced)).toEqual({ order: false, keys: [] });
    const moved = DEFAULTS.map((c) => (c.key === 'number' ? { ...c, position: 9 } : c));
    expect(columnChanges(DEFAULTS, moved)).toEqual({ order: true, keys: [] });
    const hidden = DEFAULTS.map((c) => (c.key === 'buyer' ? { ...c, visible: false } : c.key === 'status' ? { ...c, width: 200 } : c));
    expect(diffView(saved, { ...saved, columns: hidden }).columns).toEqual({ changed: true, order: false, keys: ['buyer', 'status'] });
  });

  it('is symmetric and finds no change between a state and itself', () => {
    const values = fc.subarray(['awaiting_payment', 'paid', 'preparing', 'shipping', 'cancel_requested']);
    const filter = fc.record({ unitStatuses: values, claimStatuses: values, keyword: fc.string({ maxLength: 4 }), hasMemo: fc.boolean() }, { requiredKeys: [] });
    const sort = fc.record({ field: fc.constantFrom('orderedAt', 'paidAt'), direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') });
    const layout = fc.shuffledSubarray(DEFAULTS, { minLength: 1 }).map((cols) => normalizeLayout(cols, DEFAULTS));
    const state = fc.record({ filter, sort, columns: layout });
    fc.assert(
      fc.property(state, state, (a, b) => {
        expect(diffView(a, a).changed).toBe(false);
        const ab = diffView(a, b);
        const ba = diffView(b, a);
        expect(ab.changed).toBe(ba.changed);
        expect(ab.filter.keys).toEqual(ba.filter.keys);
        expect(ab.columns).toEqual(ba.columns);
      }),
    );
  });
});
