import { isRefusal, type RefusalValue } from '@e21/kit';
import {
  checkDirectMembership,
  checkMembershipChange,
  employerOf,
  validateOrganization,
  type OrganizationFields,
  type OrganizationKind,
} from './organizations.js';

const fields = (overrides: Partial<OrganizationFields> = {}): OrganizationFields => ({
  name: 'Boulangerie du Coin',
  kind: 'private_company',
  legalId: '552 100 554',
  territoryId: '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
  ...overrides,
});

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

const fieldsNamed = (result: unknown) => (refused(result).fields ?? []).map((problem) => problem.field);

describe('validateOrganization', () => {
  it('trims the name and trims and upper-cases the legal id', () => {
    expect(validateOrganization(fields({ name: '  Boulangerie du Coin ', legalId: ' fr40552100554 ' }))).toEqual(
      fields({ name: 'Boulangerie du Coin', legalId: 'FR40552100554' }),
    );
  });

  it('refuses an empty or overlong name', () => {
    expect(refused(validateOrganization(fields({ name: '   ' }))).code).toBe('invalid_organization');
    expect(fieldsNamed(validateOrganization(fields({ name: '   ' })))).toEqual(['name']);
    expect(fieldsNamed(validateOrganization(fields({ name: 'n'.repeat(201) })))).toEqual(['name']);
    expect(isRefusal(validateOrganization(fields({ name: 'n'.repeat(200) })))).toBe(false);
  });

  it('refuses a name that holds a control or invisible character, which could pass for another organization', () => {
    for (const name of ['Boulangerie\u200B du Coin', 'Boulangerie du Coin\u0000', 'Boulangerie\ndu Coin', '\u202Boulangerie']) {
      expect(fieldsNamed(validateOrganization(fields({ name })))).toEqual(['name']);
    }
    expect((validateOrganization(fields({ name: 'Cafe\u0301 du Coin' })) as OrganizationFields).name).toBe('Caf\u00E9 du Coin');
  });

  it('refuses an unknown kind', () => {
    expect(fieldsNamed(validateOrganization(fields({ kind: 'cartel' as OrganizationKind })))).toEqual(['kind']);
  });

  it('accepts registry numbers (SIREN, SIRET, VAT) and refuses what is not one', () => {
    for (const legalId of ['552100554', '552 100 554 00013', 'FR40552100554', 'W751234567', 'HRB-12345/B']) {
      expect(isRefusal(validateOrganization(fields({ legalId })))).toBe(false);
    }
    for (const legalId of ['', '5', '-552100554', '552_100_554', 'x'.repeat(41)]) {
      expect(fieldsNamed(validateOrganization(fields({ legalId })))).toEqual(['legal_id']);
    }
  });
});

describe('checkMembershipChange', () => {
  const MANY_ADMINS = 3;

  it('does not let plain members change any membership', () => {
    expect(checkMembershipChange('member', undefined, 'member', MANY_ADMINS)?.code).toBe('forbidden');
    expect(checkMembershipChange('member', 'member', undefined, MANY_ADMINS)?.code).toBe('forbidden');
  });

  it('lets HR managers invite and remove plain members', () => {
    expect(checkMembershipChange('hr_manager', undefined, 'member', MANY_ADMINS)).toBeUndefined();
    expect(checkMembershipChange('hr_manager', 'member', undefined, MANY_ADMINS)).toBeUndefined();
  });

  it('does not let HR managers grant or remove HR manager or admin rights', () => {
    const changes: [current: 'member' | 'hr_manager' | 'admin' | undefined, next: 'member' | 'hr_manager' | 'admin' | undefined][] = [
      ['member', 'hr_manager'],
      [undefined, 'hr_manager'],
      ['member', 'admin'],
      [undefined, 'admin'],
      ['hr_manager', 'member'],
      ['hr_manager', undefined],
      ['admin', 'member'],
      ['admin', undefined],
    ];
    for (const [current, next] of changes) {
      expect(checkMembershipChange('hr_manager', current, next, MANY_ADMINS)?.code).toBe('hr_cannot_manage_managers');
    }
  });

  it('lets admins and territory admins grant and remove HR manager and admin rights', () => {
    for (const actor of ['admin', 'territory_admin'] as const) {
      expect(checkMembershipChange(actor, 'member', 'hr_manager', MANY_ADMINS)).toBeUndefined();
      expect(checkMembershipChange(actor, 'member', 'admin', MANY_ADMINS)).toBeUndefined();
      expect(checkMembershipChange(actor, 'hr_manager', undefined, MANY_ADMINS)).toBeUndefined();
      expect(checkMembershipChange(actor, 'admin', 'member', MANY_ADMINS)).toBeUndefined();
    }
  });

  it('keeps at least one admin: the last admin can neither step down nor be removed', () => {
    expect(checkMembershipChange('admin', 'admin', 'member', 1)?.code).toBe('last_admin');
    expect(checkMembershipChange('admin', 'admin', 'hr_manager', 1)?.code).toBe('last_admin');
    expect(checkMembershipChange('admin', 'admin', undefined, 1)?.code).toBe('last_admin');
    expect(checkMembershipChange('territory_admin', 'admin', undefined, 1)?.code).toBe('last_admin');
    expect(checkMembershipChange('system', 'admin', undefined, 1)?.code).toBe('last_admin');
  });

  it('lets an admin step down when another admin remains', () => {
    expect(checkMembershipChange('admin', 'admin', 'member', 2)).toBeUndefined();
    expect(checkMembershipChange('admin', 'admin', undefined, 2)).toBeUndefined();
  });
});

describe('checkDirectMembership', () => {
  it('adds nobody directly for a person, whatever their rights: people join by accepting an invitation', () => {
    for (const actor of ['admin', 'hr_manager', 'territory_admin'] as const) {
      expect(checkDirectMembership(actor, undefined, 'member')?.code).toBe('invitation_required');
    }
  });

  it('lets people change or end an existing membership, and services add members (fixtures, demo)', () => {
    expect(checkDirectMembership('admin', 'member', 'hr_manager')).toBeUndefined();
    expect(checkDirectMembership('admin', 'member', undefined)).toBeUndefined();
    expect(checkDirectMembership('system', undefined, 'member')).toBeUndefined();
  });
});

describe('employerOf', () => {
  const company = { organizationId: 'acme', organizationKind: 'private_company' as const };
  const association = { organizationId: 'choir', organizationKind: 'association' as const };

  it('gives no employer to anyone who is not an employee, whatever their organizations', () => {
    for (const status of ['freelancer', 'retired', 'student', 'unemployed', 'volunteer']) {
      expect(employerOf(status, [company, association])).toBeUndefined();
    }
  });

  it('gives an employee no employer when they belong to no organization', () => {
    expect(employerOf('employee', [])).toBeUndefined();
  });

  it('prefers a company over an association, in whatever order the memberships come', () => {
    expect(employerOf('employee', [association, company])).toBe(company);
    expect(employerOf('employee', [company, association])).toBe(company);
  });

  it('takes the association when it is the only organization of an employee', () => {
    expect(employerOf('employee', [association])).toBe(association);
  });
});
