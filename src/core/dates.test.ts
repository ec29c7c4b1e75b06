import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './dates.js';

const now = new Date('2026-11-27T12:00:00Z');
const iso = (raw: string | Date | null | undefined): string | null => parseFeedDate(raw, { now }).date?.toISOString() ?? null;

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Wed, 02 Oct 2002 15:00:00 +0200', '2002-10-02T13:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00.000Z'],
    ['Sun, 19 May 2002 15:21:36 GMT+1', '2002-05-19T14:21:36.000Z'],
    ['2003-12-13T18:30:02.25Z', '2003-12-13T18:30:02.250Z'],
    ['2024-01-02T03:04:05+02:00', '2024-01-02T01:04:05.000Z'],
    ['2024-01-02', '2024-01-02T00:00:00.000Z'],
  ])('reads the standard form %s', (raw, expected) => {
    expect(parseFeedDate(raw, { now })).toEqual({ date: new Date(expected), problem: null });
  });

  it('reads two-digit years the RFC 2822 way', () => {
    expect(iso('Tue, 10 Jun 03 04:00:00 GMT')).toBe('2003-06-10T04:00:00.000Z');
    expect(iso('Fri, 01 Jan 99 00:00:00 GMT')).toBe('1999-01-01T00:00:00.000Z');
  });

  it('reads French month and day names, with or without accents', () => {
    expect(iso('mar. 12 mars 2024 14h30')).toBe('2024-03-12T14:30:00.000Z');
    expect(iso('Mardi 5 décembre 2023 à 10:15')).toBe('2023-12-05T10:15:00.000Z');
    expect(iso('20 juin 2023 08:00 CEST')).toBe('2023-06-20T06:00:00.000Z');
    expect(iso('1er août 2023')).toBe('2023-08-01T00:00:00.000Z');
    expect(iso('5 fevr. 2024')).toBe('2024-02-05T00:00:00.000Z');
  });

  it('reads full English names and US order', () => {
    expect(iso('Mar 12, 2024 10:00 PM')).toBe('2024-03-12T22:00:00.000Z');
    expect(iso('Monday, June 20, 2023')).toBe('2023-06-20T00:00:00.000Z');
  });

  it('reads a missing or unknown zone as UTC', () => {
    expect(iso('2024-01-02 10:00')).toBe('2024-01-02T10:00:00.000Z');
    expect(iso('Mon, 5 Jun 2006 8:00:00 XYZ')).toBe('2006-06-05T08:00:00.000Z');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(iso('1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(iso('1700000000000')).toBe('2023-11-14T22:13:20.000Z');
  });

  it.each(['not a date', '2024-13-45', 'Thu, 31 Feb 2022 00:00:00 GMT', 'Κυρ, 11 Ιούλ 2004 12:00:00 EST', '0001-01-01', 'x'.repeat(500)])(
    'flags %s as invalid without throwing',
    (raw) => {
      expect(parseFeedDate(raw, { now })).toEqual({ date: null, problem: 'invalid-date' });
    },
  );

  it('treats an absent or empty date as no date, not a problem', () => {
    expect(parseFeedDate(undefined, { now })).toEqual({ date: null, problem: null });
    expect(parseFeedDate('  ', { now })).toEqual({ date: null, problem: null });
  });

  it('returns a future date and flags it, tolerating a few minutes of skew', () => {
    expect(parseFeedDate('2999-01-01', { now })).toEqual({ date: new Date('2999-01-01T00:00:00Z'), problem: 'future-date' });
    expect(parseFeedDate('2026-11-27T12:05:00Z', { now }).problem).toBeNull();
    expect(parseFeedDate(new Date('2026-11-28T12:00:00Z'), { now }).problem).toBe('future-date');
  });

  it('rejects an invalid Date object', () => {
    expect(parseFeedDate(new Date(Number.NaN), { now })).toEqual({ date: null, problem: 'invalid-date' });
  });
});
