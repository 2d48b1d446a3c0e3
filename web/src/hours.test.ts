import { describe, expect, it } from '@jest/globals';
import { hoursInput, hoursText, minutesFromHours } from './hours';

describe('minutesFromHours', () => {
  it('reads whole, decimal (point or comma) and clock-style hours', () => {
    expect(minutesFromHours('12')).toBe(720);
    expect(minutesFromHours('12.5')).toBe(750);
    expect(minutesFromHours('12,25')).toBe(735);
    expect(minutesFromHours('12:30')).toBe(750);
    expect(minutesFromHours(' 12 h 05 ')).toBe(725);
  });

  it('rounds decimal hours to the nearest minute', () => {
    expect(minutesFromHours('1.01')).toBe(61); // 0.6 min -> 1
    expect(minutesFromHours('1.1')).toBe(66);
  });

  it('refuses what is not a number of hours', () => {
    for (const text of ['', 'abc', '-3', '1.234', '12:60', '1e3', '12 30']) expect(minutesFromHours(text)).toBeNull();
  });
});

describe('hoursInput and hoursText', () => {
  it('write minutes back in a form minutesFromHours reads unchanged', () => {
    for (const minutes of [0, 60, 750, 6_256, 96_420]) expect(minutesFromHours(hoursInput(minutes))).toBe(minutes);
  });

  it('write hours for reading', () => {
    expect(hoursText(750)).toBe('12 h 30');
    expect(hoursText(720)).toBe('12 h');
    expect(hoursText(-65)).toBe('−1 h 05');
  });
});
