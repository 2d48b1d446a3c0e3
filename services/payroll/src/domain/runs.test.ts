import { MAX_ATTEMPTS_WAITING_FOR_PAY, peopleOfClose, progressPercent, retryAt } from './runs.js';

describe('a closing run', () => {
  it('goes through each person with approved minutes once', () => {
    expect(
      peopleOfClose([
        { personId: 'B', approvedMinutes: 60 },
        { personId: 'a', approvedMinutes: 30 },
        { personId: 'b', approvedMinutes: 10 },
        { personId: 'c', approvedMinutes: 0 },
      ]),
    ).toEqual(['a', 'b']);
  });
});

describe('waiting for currency’s pay', () => {
  const at = new Date('2030-04-01T00:00:00Z');
  it('tries a person again later and later, then issues with what was paid', () => {
    expect(retryAt(0, at)!.getTime() - at.getTime()).toBe(250);
    expect(retryAt(3, at)!.getTime() - at.getTime()).toBe(2000);
    expect(retryAt(MAX_ATTEMPTS_WAITING_FOR_PAY, at)).toBeUndefined();
  });
});

describe('progress', () => {
  it('is whole percent, 100 only when every person is done', () => {
    expect(progressPercent({ done: 199, total: 200 })).toBe(99);
    expect(progressPercent({ done: 200, total: 200 })).toBe(100);
    expect(progressPercent({ done: 0, total: 0 })).toBe(100);
  });
});
