import { describe, expect, it } from 'vitest';
import { maskAddress, maskEmail, maskName, maskPhone } from './personal-data';

describe('personal data masking', () => {
  it('keeps the first and last letters of a name', () => {
    expect(maskName('홍길동')).toBe('홍*동');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('홍길')).toBe('홍*');
    expect(maskName('김')).toBe('김');
  });
  it('keeps the first three and last four digits of a phone and two letters of an e-mail', () => {
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('1588')).toBe('**88');
    expect(maskEmail('garam@example.kr')).toBe('ga***@example.kr');
  });
  it('keeps an address down to its 시/구/동 and hides the road, the building and the detail', () => {
    expect(maskAddress('서울특별시 강남구 테헤란로 123')).toBe('서울특별시 강남구 ***');
    expect(maskAddress('경기 성남시 분당구 판교역로 235')).toBe('경기 성남시 분당구 ***');
    expect(maskAddress('서울 마포구 연남동 223-14')).toBe('서울 마포구 연남동 ***');
    expect(maskAddress('테헤란로 123')).toBe('***');
  });
});
