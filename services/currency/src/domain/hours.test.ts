import { creditForMinutes } from './hours.js';

describe('creditForMinutes: minutes x rate / 60, rounded half up to the minor unit', () => {
  it('pays a whole hour at the rate', () => {
    expect(creditForMinutes(60n, 1000n)).toBe(1000n);
    expect(creditForMinutes(150n, 1000n)).toBe(2500n);
  });

  it('rounds a fraction of a minor unit half up', () => {
    expect(creditForMinutes(50n, 1000n)).toBe(833n); // 833.33
    expect(creditForMinutes(1n, 1000n)).toBe(17n); // 16.67
    expect(creditForMinutes(1n, 30n)).toBe(1n); // exactly 0.5 goes up
    expect(creditForMinutes(1n, 29n)).toBe(0n); // 0.48 goes down
  });

  it('pays nothing for no minutes', () => {
    expect(creditForMinutes(0n, 1000n)).toBe(0n);
    expect(creditForMinutes(-30n, 1000n)).toBe(0n);
  });

  it('stays exact for amounts beyond what a float holds', () => {
    expect(creditForMinutes(9_007_199_254_740_993n, 60n)).toBe(9_007_199_254_740_993n);
  });
});
