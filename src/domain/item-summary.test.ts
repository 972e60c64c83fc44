import { describe, expect, it } from 'vitest';
import { itemSummaryIn, itemSummaryOf } from './item-summary';

describe('item summary', () => {
  it('caches the Korean form and reads it in either language', () => {
    const cached = itemSummaryOf('린넨 셔츠', 3);
    expect(cached).toBe('린넨 셔츠 외 2건');
    expect(itemSummaryIn(cached, 3, 'ko')).toBe('린넨 셔츠 외 2건');
    expect(itemSummaryIn(cached, 3, 'en')).toBe('린넨 셔츠 +2 more');
  });

  it('leaves a single item, and a name that only looks like the suffix, as they are', () => {
    expect(itemSummaryIn(itemSummaryOf('머그컵', 1), 1, 'en')).toBe('머그컵');
    expect(itemSummaryIn('세트 외 1건', 1, 'en')).toBe('세트 외 1건');
  });
});
