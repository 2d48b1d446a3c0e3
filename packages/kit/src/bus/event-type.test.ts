import { defineEvent, filterSubjectOf, sourceServiceOf, type MessageCodec } from './event-type.js';

// defineEvent only keeps the codec; it is never called here.
const codec: MessageCodec<{ id: string }> = {
  encode: () => ({ finish: () => new Uint8Array() }),
  decode: () => ({ id: '' }),
};

describe('defineEvent', () => {
  it('accepts types shaped <service>.<entity>.<past-tense verb>', () => {
    for (const type of [
      'contracts.contract.signed',
      'timesheets.entry.approved',
      'identity.person_competence.updated',
      'identity.person.password_set',
    ]) {
      expect(defineEvent(type, codec)).toEqual({ type, codec });
    }
  });

  it('refuses types that are not three lower-case dotted segments', () => {
    for (const type of [
      '',
      'contracts',
      'contracts.signed',
      'contracts.contract.signed.twice',
      'Contracts.contract.signed',
      'contracts.contract.Signed',
      'contracts-contract-signed',
      'contracts..signed',
      'contracts.contract.signed ',
      'my_service.contract.signed',
      'contracts.contract.signed2',
    ]) {
      expect(() => defineEvent(type, codec)).toThrow(/<service>\.<entity>\.<verb>/);
    }
  });
});

describe('sourceServiceOf', () => {
  it('is the first segment of the event type', () => {
    expect(sourceServiceOf('contracts.contract.signed')).toBe('contracts');
    expect(sourceServiceOf('identity.person_competence.updated')).toBe('identity');
  });
});

describe('filterSubjectOf', () => {
  it('is the type itself for one type, and the common leading tokens for several', () => {
    expect(filterSubjectOf(['timesheets.entry.approved'])).toBe('timesheets.entry.approved');
    expect(filterSubjectOf(['timesheets.entry.approved', 'timesheets.entry.corrected'])).toBe('timesheets.entry.>');
    expect(filterSubjectOf(['timesheets.period.closed', 'timesheets.entry.corrected'])).toBe('timesheets.>');
    expect(filterSubjectOf(['identity.organization.verified', 'identity.organization.verification_revoked'])).toBe(
      'identity.organization.>',
    );
  });

  it('refuses types of two services, which no single consumer reads', () => {
    expect(() => filterSubjectOf(['timesheets.entry.approved', 'currency.transfer.posted'])).toThrow(/different services/);
  });
});
