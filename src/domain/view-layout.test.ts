import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLayout, type LayoutColumn } from './view-layout';

const DEFAULTS: Array<LayoutColumn<'number' | 'buyer' | 'status' | 'memo'>> = [
  { key: 'number', position: 0, width: 170, visible: true },
  { key: 'buyer', position: 1, width: 110, visible: true },
  { key: 'status', position: 2, width: 140, visible: true },
  { key: 'memo', position: 3, width: 70, visible: false },
];

describe('normalizeLayout', () => {
  it('lists every column once, in position order, renumbered from 0', () => {
    const out = normalizeLayout(
      [
        { key: 'status', position: 40, width: 200, visible: true },
        { key: 'number', position: 7, width: 150, visible: false },
      ],
      DEFAULTS,
    );
    expect(out).toEqual([
      { key: 'number', position: 0, width: 150, visible: false },
      { key: 'status', position: 1, width: 200, visible: true },
      { key: 'buyer', position: 2, width: 110, visible: false },
      { key: 'memo', position: 3, width: 70, visible: false },
    ]);
  });

  it('drops columns the list no longer has and repeated keys; ties keep the order sent', () => {
    const out = normalizeLayout(
      [
        { key: 'buyer', position: 1, width: 100, visible: true },
        { key: 'removed', position: 0, width: 100, visible: true },
        { key: 'number', position: 1, width: 120, visible: true },
        { key: 'buyer', position: 0, width: 300, visible: false },
      ],
      DEFAULTS,
    );
    expect(out.map((c) => c.key)).toEqual(['buyer', 'number', 'status', 'memo']);
    expect(out[0]).toEqual({ key: 'buyer', position: 0, width: 300, visible: false });
  });

  it('is a fixed point', () => {
    const entry = fc.record({ key: fc.constantFrom('number', 'buyer', 'status', 'memo', 'gone'), position: fc.nat(50), width: fc.integer({ min: 60, max: 800 }), visible: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const once = normalizeLayout(entries, DEFAULTS);
        expect(normalizeLayout(once, DEFAULTS)).toEqual(once);
        expect(once.map((c) => c.key).sort()).toEqual(['buyer', 'memo', 'number', 'status']);
      }),
    );
  });
});
