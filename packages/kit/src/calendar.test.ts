import { addMonths, daysBetween, isIsoDate, isMonth, isoWeekOf, lastDayOf, nextMonth } from './calendar.js';

describe('dates and months', () => {
  it('know real calendar dates and months', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2030-02-29')).toBe(false);
    expect(isMonth('2030-12')).toBe(true);
    expect(isMonth('2030-13')).toBe(false);
    expect(isMonth('1999-12')).toBe(false);
  });

  it('step months across years', () => {
    expect(nextMonth('2030-12')).toBe('2031-01');
    expect(addMonths('2030-01', -1)).toBe('2029-12');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
  });

  it('find the ISO week (Monday to Sunday) of a date', () => {
    expect(isoWeekOf('2030-01-01')).toEqual({ weekStart: '2029-12-31', weekEnd: '2030-01-06' });
    expect(isoWeekOf('2030-03-10')).toEqual({ weekStart: '2030-03-04', weekEnd: '2030-03-10' });
  });

  it('count days with both ends included', () => {
    expect(daysBetween('2030-03-01', '2030-03-01')).toBe(1);
    expect(daysBetween('2030-01-01', '2030-12-31')).toBe(365);
  });
});
