import { describe, expect, it } from 'vitest';
import { cellText, digitsMayBeLost, itemStatusSummary, seoulMinute, seoulStamp } from './spreadsheet-values';

describe('Seoul times', () => {
  it('writes the Seoul wall clock to the minute', () => {
    expect(seoulMinute(new Date('2026-11-26T05:30:59Z'))).toBe('2026-11-26 14:30');
    expect(seoulMinute(new Date('2026-11-26T15:05:00Z'))).toBe('2026-11-27 00:05');
    expect(seoulStamp(new Date('2026-11-26T05:30:59Z'))).toBe('20261126_1430');
  });
});

describe('itemStatusSummary', () => {
  it('names one status alone, several with their quantities in workflow order', () => {
    expect(itemStatusSummary([{ status: 'ready_to_ship', quantity: 3 }], 'ko')).toBe('배송대기');
    expect(itemStatusSummary([{ status: 'ready_to_ship', quantity: 1 }, { status: 'shipping', quantity: 2 }, { status: 'ready_to_ship', quantity: 1 }], 'ko')).toBe('배송대기 2, 배송중 2');
    expect(itemStatusSummary([{ status: 'cancelled', quantity: 1 }, { status: 'paid', quantity: 0 }], 'en')).toBe('Cancelled');
    expect(itemStatusSummary([{ status: 'return_collecting', quantity: 1 }], 'ko')).toBe('수거중(반품)');
    expect(itemStatusSummary([], 'ko')).toBe('');
  });
});

describe('cellText', () => {
  it('reads text, numbers with every digit, rich text, hyperlinks and formula results', () => {
    expect(cellText(' 0123456789 ')).toEqual({ text: '0123456789', fromNumber: false });
    expect(cellText(640123456789)).toEqual({ text: '640123456789', fromNumber: true });
    expect(cellText(1e21).text).toBe('1000000000000000000000');
    expect(cellText({ richText: [{ text: 'CJ' }, { text: '대한통운' }] }).text).toBe('CJ대한통운');
    expect(cellText({ text: '5000-1234', hyperlink: 'https://example.com' }).text).toBe('5000-1234');
    expect(cellText({ formula: 'A1', result: 12345 })).toEqual({ text: '12345', fromNumber: true });
    expect(cellText({ formula: 'A1' }).text).toBeNull();
    expect(cellText(null).text).toBeNull();
    expect(cellText('   ').text).toBeNull();
  });

  it('flags numbers that cannot have kept every digit of an identifier', () => {
    expect(digitsMayBeLost(cellText(640123456789))).toBe(false);
    expect(digitsMayBeLost(cellText(123456789012345))).toBe(false);
    expect(digitsMayBeLost(cellText(1234567890123456))).toBe(true);
    expect(digitsMayBeLost(cellText(6.40123e11 + 0.5))).toBe(true);
    expect(digitsMayBeLost(cellText('12345678901234567890'))).toBe(false);
  });
});
