import { describe, expect, it } from 'vitest';
import { UserInputError } from '../core/errors.js';
import { bucketKey, bucketRange, checkTimeZone, constantOffset, localDate, timeZoneOffsetMs } from './calendar.js';

describe('calendar buckets', () => {
  it('cuts local days in a time zone', () => {
    const instant = Date.parse('2026-03-01T23:30:00Z');
    expect(localDate('UTC', instant)).toBe('2026-03-01');
    expect(localDate('Europe/Paris', instant)).toBe('2026-03-02');
    expect(localDate('America/New_York', instant)).toBe('2026-03-01');
    expect(timeZoneOffsetMs('Asia/Kolkata', instant)).toBe(5.5 * 3_600_000);
  });

  it('keys weeks by their Monday and months by their first day', () => {
    expect(bucketKey('2026-11-29', 'week')).toBe('2026-11-23');
    expect(bucketKey('2026-11-23', 'week')).toBe('2026-11-23');
    expect(bucketKey('2026-11-29', 'month')).toBe('2026-11-01');
    expect(bucketRange('2026-11-01', '2027-01-01', 'month')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });

  it('tells a constant offset from a daylight-saving change', () => {
    expect(constantOffset('Asia/Kolkata', Date.parse('2026-01-01'), Date.parse('2026-12-31'))).toBe(5.5 * 3_600_000);
    expect(constantOffset('Europe/Paris', Date.parse('2026-01-01'), Date.parse('2026-12-31'))).toBeNull();
    expect(constantOffset('Europe/Paris', Date.parse('2026-01-01'), Date.parse('2026-02-01'))).toBe(3_600_000);
  });

  it('refuses an unknown time zone', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(UserInputError);
  });
});
