import { isRefusal } from '@e21/kit';
import { chooseParty, partiesOfCaller } from './parties.js';

const nobody = { isPerson: false, actsForEmployer: false, actsForOffice: false };

describe('partiesOfCaller', () => {
  it('lets a person act only as the person on their own contract, even when they are its HR manager and an officer', () => {
    expect(partiesOfCaller('employee', { isPerson: true, actsForEmployer: true, actsForOffice: true })).toEqual(['person']);
  });

  it('lets an HR manager act for the employer of an employee’s contract only', () => {
    expect(partiesOfCaller('employee', { ...nobody, actsForEmployer: true })).toEqual(['employer']);
    expect(partiesOfCaller('retired', { ...nobody, actsForEmployer: true })).toEqual([]);
  });

  it('gives someone who is neither the person, nor for the employer, nor for the office no party at all', () => {
    expect(partiesOfCaller('employee', nobody)).toEqual([]);
  });
});

describe('chooseParty', () => {
  it('takes the only party a caller may act as', () => {
    expect(chooseParty(['office'], undefined)).toBe('office');
  });

  it('asks someone who may act as two parties to say which', () => {
    const result = chooseParty(['employer', 'office'], undefined);
    expect(isRefusal(result) && result.code).toBe('party_required');
    expect(chooseParty(['employer', 'office'], 'office')).toBe('office');
  });

  it('refuses a party the caller may not act as', () => {
    const result = chooseParty(['person'], 'employer');
    expect(isRefusal(result) && result.kind).toBe('forbidden');
    expect(isRefusal(chooseParty([], undefined))).toBe(true);
  });
});
