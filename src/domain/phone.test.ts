import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('writes every spelling of a number the same way', () => {
    for (const raw of ['01012345678', '010-1234-5678', '010 1234 5678', '010.1234.5678', '+82 10-1234-5678', '+821012345678', ' 010-1234-5678 ']) {
      expect(normalizePhone(raw)).toBe('010-1234-5678');
    }
    expect(normalizePhone('021234567')).toBe('02-123-4567');
    expect(normalizePhone('0212345678')).toBe('02-1234-5678');
    expect(normalizePhone('0311234567')).toBe('031-123-4567');
    expect(normalizePhone('0161234567')).toBe('016-123-4567');
  });

  it('refuses what is not a Korean phone number', () => {
    for (const raw of ['', '1234', '12345678901', '010-12-34', 'phone', '010123456789', '+1 415 555 0100', '0201234']) {
      expect(normalizePhone(raw)).toBeNull();
    }
  });
});
