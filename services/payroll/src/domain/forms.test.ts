import {
  composeForm,
  contractYearOf,
  creditedFor,
  entriesByContract,
  figuresFingerprint,
  reissueDecision,
  type FormInputs,
} from './forms.js';

const P1 = 'p1';
const P2 = 'p2';
const entry = (id: string, projectId: string, competenceId: string, minutes: number, contractId = 'c1') => ({
  id,
  contractId,
  projectId,
  competenceId,
  minutes,
});

const inputs = (overrides: Partial<FormInputs> = {}): FormInputs => ({
  person: { id: 'person', name: 'Amina Haddad', language: 'fr' },
  territory: { id: 't', name: 'Marseille' },
  month: '2030-03',
  contract: {
    id: 'c1',
    version: 2,
    kind: 'employee',
    employerId: 'org',
    employerName: 'Calanques Solaire',
    periodStart: '2030-01-01',
    periodEnd: '2030-12-31',
    yearlyMinutes: 6000,
  },
  entries: [entry('e1', P1, 'solar', 120), entry('e2', P1, 'aid', 60), entry('e3', P2, 'aid', 90)],
  projects: new Map([
    [P1, { title: 'Toits solaires', challengeIds: ['ch1', 'ch2'] }],
    [P2, { title: 'Jardins', challengeIds: ['ch2'] }],
  ]),
  challengeTitles: new Map([
    ['ch1', 'Énergie'],
    ['ch2', 'Cohésion'],
  ]),
  skills: new Map([
    ['solar', { label: 'Installation de panneaux solaires', groupId: 'g-tech', groupLabel: 'Technique' }],
    ['aid', { label: 'Premiers secours', groupId: 'g-care', groupLabel: 'Soin' }],
  ]),
  earlierMinutesThisYear: 300,
  currency: { currencyId: 'cur', code: 'ÉCU', minorUnits: 2, creditedMinor: 4500, balanceAtMonthEndMinor: 9000 },
  ...overrides,
});

describe('the figures of a Societal Activity Form', () => {
  it('sums the approved minutes per project, per competence and per project and competence', () => {
    const form = composeForm(inputs());
    expect(form.totalMinutes).toBe(270);
    expect(form.projects).toEqual([
      { projectId: P1, title: 'Toits solaires', minutes: 180 },
      { projectId: P2, title: 'Jardins', minutes: 90 },
    ]);
    expect(form.competences.map((c) => [c.skillId, c.label, c.groupLabel, c.minutes])).toEqual([
      ['aid', 'Premiers secours', 'Soin', 150],
      ['solar', 'Installation de panneaux solaires', 'Technique', 120],
    ]);
    expect(form.projectCompetences).toEqual([
      { projectId: P2, skillId: 'aid', minutes: 90 },
      { projectId: P1, skillId: 'aid', minutes: 60 },
      { projectId: P1, skillId: 'solar', minutes: 120 },
    ]);
  });

  it('counts a project under each of its challenges', () => {
    expect(composeForm(inputs()).challenges).toEqual([
      { challengeId: 'ch2', title: 'Cohésion', minutes: 270 },
      { challengeId: 'ch1', title: 'Énergie', minutes: 180 },
    ]);
  });

  it('adds the month to the contract year’s earlier months against the yearly minutes', () => {
    const form = composeForm(inputs());
    expect(form.yearToDateMinutes).toBe(570);
    expect(form.yearlyMinutes).toBe(6000);
    expect([form.contractYearStart, form.contractYearEnd]).toEqual(['2030-01-01', '2030-12-31']);
  });

  it('names the employer of the contract, and none for a volunteer', () => {
    expect(composeForm(inputs()).employerName).toBe('Calanques Solaire');
    const volunteer = composeForm(inputs({ contract: { ...inputs().contract, employerId: null, employerName: '', kind: 'volunteer' } }));
    expect(volunteer.employerId).toBeNull();
  });
});

describe('contract years', () => {
  it('starts at the contract’s start and ends a year later, or with the contract', () => {
    expect(contractYearOf('2030-03-15', '2031-06-30', '2030-05')).toEqual({ start: '2030-03-15', end: '2031-03-14' });
    expect(contractYearOf('2030-03-15', '2031-06-30', '2031-04')).toEqual({ start: '2031-03-15', end: '2031-06-30' });
  });

  it('puts the month of an anniversary in the new contract year', () => {
    expect(contractYearOf('2030-03-15', '2032-12-31', '2031-03').start).toBe('2031-03-15');
  });
});

describe('one form per contract', () => {
  it('gives each contract of the month its own entries', () => {
    const groups = entriesByContract([entry('a', P1, 'aid', 10, 'c1'), entry('b', P1, 'aid', 20, 'c2'), entry('c', P2, 'aid', 30, 'c1')]);
    expect([...groups.keys()]).toEqual(['c1', 'c2']);
    expect(groups.get('c1')!.map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('local currency credited', () => {
  it('sums what currency paid for the form’s entries and names the ones it has not paid', () => {
    const result = creditedFor([entry('a', P1, 'aid', 60), entry('b', P1, 'aid', 30)], new Map([['a', 1000]]));
    expect(result).toEqual({ creditedMinor: 1000, unpaidEntryIds: ['b'] });
  });
});

describe('reissuing', () => {
  const figures = composeForm(inputs());
  const inForce = { id: 'f1', version: 1, figuresSha256: figuresFingerprint(figures) };

  it('issues version 1 when no form is in force', () => {
    expect(reissueDecision(undefined, figures)).toEqual({ issue: true, version: 1, supersedesId: null });
  });

  it('issues nothing new for the same figures (a redelivered event, a retried run)', () => {
    expect(reissueDecision(inForce, composeForm(inputs()))).toEqual({ issue: false });
  });

  it('issues the next version, superseding the one in force, when the figures changed', () => {
    const corrected = composeForm(inputs({ entries: [entry('e1', P1, 'solar', 60)] }));
    expect(reissueDecision(inForce, corrected)).toEqual({ issue: true, version: 2, supersedesId: 'f1' });
  });
});
