import { personCaller, systemCaller } from '@e21/kit';
import { composeForm, type FormFigures } from './forms.js';
import { employerFormView, formReader, minutesByGroup, needsGrants, VIEW_OF_READER, type ReaderGrants } from './views.js';

const PERSON = '6f1b3c1e-0000-4000-8000-000000000001';
const OTHER = '6f1b3c1e-0000-4000-8000-000000000002';
const form = { personId: PERSON, employerId: 'org' };
const none: ReaderGrants = { officeOfTerritory: false, employerOfContract: false };

describe('who reads a form', () => {
  it('is its person first, whatever else they are: an HR manager reads their own form whole', () => {
    expect(formReader(personCaller(PERSON), form, { officeOfTerritory: false, employerOfContract: true })).toBe('person');
    expect(formReader(personCaller(PERSON.toUpperCase()), form, none)).toBe('person');
  });

  it('is the office for an officer of the territory or above, even one who is also the employer’s HR manager', () => {
    expect(formReader(personCaller(OTHER), form, { officeOfTerritory: true, employerOfContract: false })).toBe('office');
    expect(formReader(personCaller(OTHER), form, { officeOfTerritory: true, employerOfContract: true })).toBe('office');
  });

  it('is the employer for the HR managers and admins of the employer party to the form’s contract', () => {
    expect(formReader(personCaller(OTHER), form, { officeOfTerritory: false, employerOfContract: true })).toBe('employer');
  });

  it('is never the employer of a form without an employer', () => {
    expect(
      formReader(personCaller(OTHER), { personId: PERSON, employerId: null }, { officeOfTerritory: false, employerOfContract: true }),
    ).toBe('public');
  });

  it('is the public for anyone else, and for no caller at all', () => {
    expect(formReader(personCaller(OTHER), form, none)).toBe('public');
    expect(formReader({ kind: 'client', clientId: 'integrator' }, form, none)).toBe('public');
    expect(formReader(undefined, form, { officeOfTerritory: true, employerOfContract: true })).toBe('public');
  });

  it('reads as the office for the platform’s own services, but as the public for the gateway calling as itself (a visitor)', () => {
    expect(formReader(systemCaller('notifications'), form, none)).toBe('office');
    expect(formReader(systemCaller('gateway'), form, none)).toBe('public');
  });

  it('asks identity only about callers who are neither the person nor the platform', () => {
    expect(needsGrants(personCaller(PERSON), form)).toBe(false);
    expect(needsGrants(systemCaller('test'), form)).toBe(false);
    expect(needsGrants(undefined, form)).toBe(false);
    expect(needsGrants(personCaller(OTHER), form)).toBe(true);
  });

  it('gives the person and the office the whole form, the employer its view, the public no figures', () => {
    expect(VIEW_OF_READER).toEqual({ person: 'whole', office: 'whole', employer: 'employer', public: 'none' });
  });
});

const figures = (employerId: string | null, language: 'en' | 'fr' = 'en'): FormFigures =>
  composeForm({
    person: { id: PERSON, name: 'Amina Haddad', language },
    territory: { id: 't', name: 'Marseille' },
    month: '2030-03',
    contract: {
      id: 'c1',
      version: 2,
      kind: 'employee',
      employerId,
      employerName: 'Calanques Solaire',
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      yearlyMinutes: 6600,
    },
    entries: [
      { id: 'e1', contractId: 'c1', projectId: 'p1', competenceId: 'solar', minutes: 90 },
      { id: 'e2', contractId: 'c1', projectId: 'p1', competenceId: 'aid', minutes: 60 },
      { id: 'e3', contractId: 'c1', projectId: 'p2', competenceId: 'nurse', minutes: 30 },
      { id: 'e4', contractId: 'c1', projectId: 'p2', competenceId: 'knitting', minutes: 15 },
    ],
    projects: new Map([
      ['p1', { title: 'Solar roofs', challengeIds: ['ch'] }],
      ['p2', { title: 'Community garden', challengeIds: [] }],
    ]),
    challengeTitles: new Map([['ch', 'Energy transition']]),
    skills: new Map([
      ['solar', { label: 'solar panel installation', groupId: 'S7.2', groupLabel: 'energy efficiency' }],
      ['aid', { label: 'first aid', groupId: 'S3.1', groupLabel: 'health and emergencies' }],
      ['nurse', { label: 'home nursing', groupId: 'S3.1', groupLabel: 'health and emergencies' }],
      ['knitting', { label: 'knitting', groupId: '', groupLabel: '' }],
    ]),
    earlierMinutesThisYear: 60,
    currency: { currencyId: 'cur', code: 'ÉCU-BDR', minorUnits: 2, creditedMinor: 3250, balanceAtMonthEndMinor: 5750 },
  });

describe('the employer view of a form', () => {
  it('has the hours, the hours per competence group, the contract year’s hours and the currency credited', () => {
    const view = employerFormView(figures('org'))!;
    expect(view).toMatchObject({
      personName: 'Amina Haddad',
      employerName: 'Calanques Solaire',
      month: '2030-03',
      totalMinutes: 195,
      yearlyMinutes: 6600,
      yearToDateMinutes: 255,
    });
    expect(view.competenceGroups).toEqual([
      { groupId: 'S7.2', label: 'energy efficiency', minutes: 90 },
      { groupId: 'S3.1', label: 'health and emergencies', minutes: 90 },
      { groupId: '', label: 'Other competences', minutes: 15 },
    ]);
    expect(view.currency).toEqual({ currencyId: 'cur', code: 'ÉCU-BDR', minorUnits: 2, creditedMinor: 3250 });
  });

  it('never has the projects, the challenges, the individual competences nor the wallet balance', () => {
    const text = JSON.stringify(employerFormView(figures('org')));
    expect(text).not.toMatch(
      /Solar roofs|Community garden|Energy transition|solar panel|first aid|home nursing|knitting|5750|balance|projects|challenges|"competences"|skillId/,
    );
  });

  it('names competences without a group in the form’s language, all together', () => {
    expect(minutesByGroup(figures('org', 'fr')).find((g) => g.groupId === '')).toEqual({
      groupId: '',
      label: 'Autres compétences',
      minutes: 15,
    });
  });

  it('does not exist for a form without an employer', () => {
    expect(employerFormView(figures(null))).toBeUndefined();
  });
});
