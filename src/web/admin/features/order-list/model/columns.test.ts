import { describe, expect, it } from 'vitest';
import { COLUMN_KEYS, columnsShownFor, DEFAULT_COLUMN_LAYOUT, type ColumnKey, type ColumnLayout } from '../../../../../contracts/views';
import { moveColumn, orderedColumns, sameLayout, setColumnVisible, setColumnWidths } from './columns';

describe('column layouts', () => {
  it('moves a column to where another stands and renumbers positions', () => {
    const moved = orderedColumns(moveColumn(DEFAULT_COLUMN_LAYOUT, 'totalAmount', 'orderNumber'));
    expect(moved.slice(0, 3).map((c) => c.key)).toEqual(['totalAmount', 'orderNumber', 'orderedAt']);
    expect(moved.map((c) => c.key).sort()).toEqual(DEFAULT_COLUMN_LAYOUT.map((c) => c.key).sort());
    expect(moved.map((c) => c.position)).toEqual(moved.map((_, i) => i));
  });

  it('hides, resizes within the allowed widths, and compares', () => {
    const hidden = setColumnVisible(DEFAULT_COLUMN_LAYOUT, 'ordererPhone', false);
    expect(hidden.find((c) => c.key === 'ordererPhone')?.visible).toBe(false);
    const wide = setColumnWidths(hidden, { orderNumber: 5000, quantity: 10 });
    expect(wide.find((c) => c.key === 'orderNumber')?.width).toBe(800);
    expect(wide.find((c) => c.key === 'quantity')?.width).toBe(60);
    expect(sameLayout(DEFAULT_COLUMN_LAYOUT, [...DEFAULT_COLUMN_LAYOUT].reverse())).toBe(true);
    expect(sameLayout(DEFAULT_COLUMN_LAYOUT, hidden)).toBe(false);
  });
});

describe('the default layout', () => {
  // 1440 px less the menu (180), the page's padding (2 × 16), the table's border and a scrollbar
  const TABLE_AT_1440 = 1440 - 180 - 32 - 2 - 16;
  const CHECKBOX = 44;
  const rightEdgeOf = (layout: ColumnLayout, key: ColumnKey) => {
    const shown = orderedColumns(layout).filter((c) => c.visible);
    const index = shown.findIndex((c) => c.key === key);
    expect(index, `${key} is shown`).toBeGreaterThanOrEqual(0);
    return CHECKBOX + shown.slice(0, index + 1).reduce((sum, c) => sum + c.width, 0);
  };

  it('shows 주문상태 and 결제금액 within a 1440 px screen, also while 배송지연 joins them', () => {
    expect(rightEdgeOf(DEFAULT_COLUMN_LAYOUT, 'orderStatus')).toBeLessThanOrEqual(TABLE_AT_1440);
    expect(rightEdgeOf(DEFAULT_COLUMN_LAYOUT, 'totalAmount')).toBeLessThanOrEqual(TABLE_AT_1440);
    const delayed = columnsShownFor(DEFAULT_COLUMN_LAYOUT, { shippingDelayDays: 3 });
    expect(rightEdgeOf(delayed, 'totalAmount')).toBeLessThanOrEqual(TABLE_AT_1440);
  });

  it('lists every column once; what it hid before stays available (hidden), 배송지연 among them', () => {
    expect(DEFAULT_COLUMN_LAYOUT.map((c) => c.key).sort()).toEqual([...COLUMN_KEYS].sort());
    expect(DEFAULT_COLUMN_LAYOUT.map((c) => c.position)).toEqual(DEFAULT_COLUMN_LAYOUT.map((_, i) => i));
    expect(DEFAULT_COLUMN_LAYOUT.find((c) => c.key === 'shippingDelay')?.visible).toBe(false);
  });
});

describe('배송지연 while its filter is on', () => {
  it('is shown after 주문상태 without changing the layout; the filter off, the table is as before', () => {
    const layout = structuredClone(DEFAULT_COLUMN_LAYOUT);
    const shown = orderedColumns(columnsShownFor(layout, { shippingDelayDays: 0 })).filter((c) => c.visible).map((c) => c.key);
    expect(shown.slice(shown.indexOf('orderStatus'), shown.indexOf('orderStatus') + 2)).toEqual(['orderStatus', 'shippingDelay']);
    expect(layout).toEqual(DEFAULT_COLUMN_LAYOUT);
    expect(columnsShownFor(layout, {})).toBe(layout);
  });

  it('a width dragged while it is shown changes the layout’s width, not whether the layout shows it', () => {
    const resized = setColumnWidths(DEFAULT_COLUMN_LAYOUT, { shippingDelay: 120 });
    expect(resized.find((c) => c.key === 'shippingDelay')).toMatchObject({ width: 120, visible: false });
    expect(columnsShownFor(resized, { shippingDelayDays: 1 }).find((c) => c.key === 'shippingDelay')).toMatchObject({ width: 120, visible: true });
  });
});
