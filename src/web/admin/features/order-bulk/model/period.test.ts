import { describe, expect, it } from 'vitest';
import { addMonths, defaultExportPeriod, periodIsValid, presetRange, seoulDay } from './period';

describe('export period', () => {
  it('counts days in Seoul whatever the browser zone', () => {
    expect(seoulDay(new Date('2026-11-25T15:30:00Z'))).toBe('2026-11-26');
    expect(seoulDay(new Date('2026-11-25T14:59:00Z'))).toBe('2026-11-25');
  });
  it('moves by months keeping the day where it exists', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-11-26', -3)).toBe('2026-08-26');
  });
  it('defaults to the last month by order date, today included', () => {
    expect(defaultExportPeriod(new Date('2026-11-26T03:00:00Z'))).toEqual({ field: 'ordered', from: '2026-10-26', to: '2026-11-26' });
    expect(presetRange('week', new Date('2026-11-26T03:00:00Z'))).toEqual({ from: '2026-11-20', to: '2026-11-26' });
  });
  it('refuses a start after the end', () => {
    expect(periodIsValid({ field: 'ordered', from: '2026-11-27', to: '2026-11-26' })).toBe(false);
    expect(periodIsValid({ field: 'ordered', from: '2026-11-26' })).toBe(true);
    expect(periodIsValid(null)).toBe(true);
  });
});
