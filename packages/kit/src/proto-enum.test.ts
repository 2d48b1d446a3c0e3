import { fromProtoEnum, toProtoEnum } from './proto-enum.js';

describe('proto enums', () => {
  it('turns a prefixed proto value into the lower-case domain value', () => {
    expect(fromProtoEnum('PERSON_STATUS', 'PERSON_STATUS_RETIRED')).toBe('retired');
    expect(fromProtoEnum('ORGANIZATION_KIND', 'ORGANIZATION_KIND_PRIVATE_COMPANY')).toBe('private_company');
  });

  it('gives undefined for the unspecified and unrecognized values, an absent value, or another enum', () => {
    expect(fromProtoEnum('PERSON_STATUS', 'PERSON_STATUS_UNSPECIFIED')).toBeUndefined();
    expect(fromProtoEnum('PERSON_STATUS', 'UNRECOGNIZED')).toBeUndefined();
    expect(fromProtoEnum('PERSON_STATUS', undefined)).toBeUndefined();
    expect(fromProtoEnum('PERSON_STATUS', '')).toBeUndefined();
    expect(fromProtoEnum('PERSON_STATUS', 'ORGANIZATION_KIND_ASSOCIATION')).toBeUndefined();
    expect(fromProtoEnum('PERSON_STATUS', 'PERSON_STATUSRETIRED')).toBeUndefined();
  });

  it('turns a domain value into its prefixed proto value, and back', () => {
    expect(toProtoEnum('ORGANIZATION_KIND', 'private_company')).toBe('ORGANIZATION_KIND_PRIVATE_COMPANY');
    for (const value of ['employee', 'e21_office', 'private_company']) {
      expect(fromProtoEnum('X', toProtoEnum('X', value))).toBe(value);
    }
  });
});
