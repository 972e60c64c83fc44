import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_LAYOUT } from '../../../../../contracts/views';
import { moveColumn, orderedColumns, sameLayout, setColumnVisible, setColumnWidths } from './columns';

describe('column layouts', () => {
  it('moves a column to where another stands and renumbers positions', () => {
    const moved = orderedColumns(moveColumn(DEFAULT_COLUMN_LAYOUT, 'totalAmount', 'orderNumber'));
    expect(moved.slice(0, 3).map((c) => c.key)).toEqual(['totalAmount', 'orderNumber', 'orderedAt']);
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
