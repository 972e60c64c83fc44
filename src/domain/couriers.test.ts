import { describe, expect, it } from 'vitest';
import { COURIERS, courierKey, courierLabel, findCourier } from './couriers';

describe('findCourier', () => {
  it.each([
    ['CJ대한통운', 'CJ'], ['cj대한통운', 'CJ'], ['CJ 대한통운', 'CJ'], ['대한통운', 'CJ'], ['CJ택배', 'CJ'], ['ＣＪ대한통운', 'CJ'], ['CJGLS', 'CJ'], ['cj', 'CJ'],
    ['우체국택배', 'EPOST'], ['우체국', 'EPOST'], ['EPOST', 'EPOST'], ['한진택배', 'HANJIN'], ['한진', 'HANJIN'], ['(주)한진', 'HANJIN'],
    ['롯데택배', 'LOTTE'], ['현대택배', 'LOTTE'], ['HYUNDAI', 'LOTTE'], ['로젠택배', 'LOGEN'], ['KGB', 'LOGEN'], ['경동택배', 'KD'], ['KDEXP', 'KD'],
    ['대신택배', 'DS'], ['일양로지스', 'IY'], ['편의점택배', 'CVS'], ['CVSnet', 'CVS'], ['합동택배', 'HD'], ['천일택배', 'CHUNIL'], ['Korea Post', 'EPOST'],
  ])('%s → %s', (name, code) => {
    expect(findCourier(name)?.code).toBe(code);
  });

  it('refuses names it does not know, and the empty name', () => {
    for (const name of ['', '   ', '택배', '퀵서비스', 'DHL', 'ETC', '04']) expect(findCourier(name), name).toBeNull();
  });

  it('finds every courier by its code, Korean and English name', () => {
    for (const c of COURIERS) for (const name of [c.code, c.ko, c.en]) expect(findCourier(name)?.code).toBe(c.code);
  });

  it('compares without spaces, punctuation, company words or a trailing 택배', () => {
    expect(courierKey(' CJ-대한통운 (주) ')).toBe('cj대한통운');
    expect(courierKey('로젠택배')).toBe('로젠');
    expect(courierKey('택배')).toBe('택배');
  });
});

describe('courierLabel', () => {
  it('names a stored code, and keeps what it does not know as entered', () => {
    expect(courierLabel('CJ', 'ko')).toBe('CJ대한통운');
    expect(courierLabel('HANJIN', 'en')).toBe('Hanjin');
    expect(courierLabel('CJ대한통운', 'ko')).toBe('CJ대한통운');
    expect(courierLabel('동네퀵', 'ko')).toBe('동네퀵');
  });
});
