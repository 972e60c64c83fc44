import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLayout, withColumnShown, type LayoutColumn } from './view-layout';

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

describe('withColumnShown', () => {
  const layout = normalizeLayout(DEFAULTS, DEFAULTS);

  it('shows a hidden column just after the anchor, keeping its width; the rest keep their order', () => {
    const out = withColumnShown(layout.map((c) => (c.key === 'memo' ? { ...c, width: 95 } : c)), { key: 'memo', width: 70 }, 'buyer');
    expect(out.map((c) => [c.key, c.visible, c.width])).toEqual([
      ['number', true, 170],
      ['buyer', true, 110],
      ['memo', true, 95],
      ['status', true, 140],
    ]);
    expect(out.map((c) => c.position)).toEqual([0, 1, 2, 3]);
  });

  it('leaves a column the layout already shows where it is', () => {
    const shown = layout.map((c) => (c.key === 'memo' ? { ...c, visible: true } : c));
    expect(withColumnShown(shown, { key: 'memo', width: 70 }, 'number')).toEqual(shown);
  });

  it('puts it first when the anchor is hidden, and adds it when the layout lacks it', () => {
    const lacking = layout.filter((c) => c.key !== 'memo').map((c) => (c.key === 'buyer' ? { ...c, visible: false } : c));
    const out = withColumnShown(lacking, { key: 'memo', width: 70 }, 'buyer');
    expect(out.map((c) => [c.key, c.visible])).toEqual([
      ['memo', true],
      ['number', true],
      ['buyer', false],
      ['status', true],
    ]);
    expect(out[0]?.width).toBe(70);
  });

  it('never changes the layout it is given, and shows the column exactly once', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(DEFAULTS, { minLength: 1 }), fc.constantFrom('number' as const, 'buyer' as const, 'status' as const, 'memo' as const), (cols, anchor) => {
        const before = normalizeLayout(cols, DEFAULTS);
        const copy = structuredClone(before);
        const out = withColumnShown(before, { key: 'memo', width: 70 }, anchor);
        expect(before).toEqual(copy);
        expect(out.filter((c) => c.key === 'memo').map((c) => c.visible)).toEqual([true]);
        // the other columns keep their order, widths and visibility
        const others = (l: typeof out) => l.filter((c) => c.key !== 'memo').map(({ key, width, visible }) => ({ key, width, visible }));
        expect(others(out)).toEqual(others(before));
      }),
    );
  });
});
