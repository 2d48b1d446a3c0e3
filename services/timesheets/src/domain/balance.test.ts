import { contractBalance, weekBalance } from './balance.js';

describe('a contract’s balance', () => {
  it('is what remains of the yearly minutes once approved and pending minutes are counted', () => {
    expect(contractBalance(6_000, 1_200, 300)).toEqual({
      yearlyMinutes: 6_000,
      approvedMinutes: 1_200,
      pendingMinutes: 300,
      remainingMinutes: 4_500,
    });
  });

  it('never shows a negative remainder when an amendment lowered the yearly minutes below what was logged', () => {
    expect(contractBalance(1_000, 900, 300).remainingMinutes).toBe(0);
  });
});

describe('a week’s balance', () => {
  it('adds up the minutes used each day against the week’s allowance', () => {
    const days = ['2030-03-04', '2030-03-05', '2030-03-06'].map((date) => ({ date, dayKind: 'ordinary', dayMaxMinutes: 240 }));
    const week = weekBalance(
      240,
      days,
      new Map([
        ['2030-03-04', 60],
        ['2030-03-06', 90],
      ]),
    );
    expect(week.usedMinutes).toBe(150);
    expect(week.days.map((d) => d.usedMinutes)).toEqual([60, 0, 90]);
  });
});
