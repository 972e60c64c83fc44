import { describe, expect, it } from 'vitest';
import { optionLabel, optionUnitPrice, productHref, signedAmount } from './options';

const option = (values: Array<{ name: string; value: string }>, name = '기본') => ({ id: 1, name, values, sku: null, extraPrice: 0, stock: null });

describe('product option display', () => {
  it('names each value by its axis, or falls back to the option name', () => {
    expect(optionLabel(option([{ name: '색상', value: '네이비' }, { name: '사이즈', value: 'M' }]))).toBe('색상: 네이비 · 사이즈: M');
    expect(optionLabel(option([], '맛: 초코'))).toBe('맛: 초코');
  });

  it('adds the extra price, which may be negative, to the product price', () => {
    expect(optionUnitPrice({ price: 59000 }, { extraPrice: -1000 })).toBe(58000);
    const won = (n: number) => `${n}원`;
    expect([signedAmount(2000, won), signedAmount(-1000, won), signedAmount(0, won)]).toEqual(['+2000원', '-1000원', '0원']);
    expect(productHref(12)).toBe('/products/12');
  });
});
