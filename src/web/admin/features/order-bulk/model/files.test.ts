import { describe, expect, it } from 'vitest';
import { fileNameOf, formatBytes, looksLikeXlsx } from './files';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name of filename*', () => {
    const header = `attachment; filename="_____20261126_1430.xlsx"; filename*=UTF-8''${encodeURIComponent('주문목록_20261126_1430.xlsx')}`;
    expect(fileNameOf(header, 'orders.xlsx')).toBe('주문목록_20261126_1430.xlsx');
  });
  it('falls back to filename, then to the given name', () => {
    expect(fileNameOf('attachment; filename="orders_20261126.xlsx"', 'x.xlsx')).toBe('orders_20261126.xlsx');
    expect(fileNameOf('attachment; filename=plain.xlsx', 'x.xlsx')).toBe('plain.xlsx');
    expect(fileNameOf('attachment', 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });
  it('never keeps a path, and survives a malformed encoding', () => {
    expect(fileNameOf('attachment; filename="../../etc/passwd"', 'x.xlsx')).toBe('passwd');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A; filename=\"ok.xlsx\"", 'x.xlsx')).toBe('ok.xlsx');
  });
});

describe('formatBytes and looksLikeXlsx', () => {
  it('formats sizes and recognises .xlsx names', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(5 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '5.0 MB']);
    expect([looksLikeXlsx({ name: '송장.XLSX' }), looksLikeXlsx({ name: 'a.xls' }), looksLikeXlsx({ name: 'a.csv' })]).toEqual([true, false, false]);
  });
});
