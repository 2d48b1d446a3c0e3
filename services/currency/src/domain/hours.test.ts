import { approvedHoursOf, creditForMinutes } from './hours.js';

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

describe('approvedHoursOf: what an approved entry must say to be paid', () => {
  const entry = {
    entryId: '0F8FAD5B-D9CB-469F-A165-70867728950E',
    personId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    territoryId: '16fd2706-8baf-433b-82eb-8c7fada847da',
    date: '2030-05-06',
    minutes: 90n,
  };

  it('keeps ids in lower case, and names timesheets when no approver is given', () => {
    expect(approvedHoursOf(entry, '')).toEqual({
      entryId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      personId: entry.personId,
      territoryId: entry.territoryId,
      entryDate: '2030-05-06',
      minutes: 90n,
      approvedBy: 'system:timesheets',
    });
  });

  it('refuses an entry without an id, a person, a territory, a real date or minutes', () => {
    for (const broken of [
      { ...entry, territoryId: 'not-a-territory' },
      { ...entry, date: '2030-02-30' },
      { ...entry, minutes: 0n },
    ]) {
      expect(() => approvedHoursOf(broken, 'person:x')).toThrow(/lacks an id, person, territory, date or minutes/);
    }
    expect(() => approvedHoursOf(undefined, '')).toThrow();
  });
});
