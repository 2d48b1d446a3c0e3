import { composeForm, type FormFigures } from './forms.js';
import {
  checkLayout,
  DEFAULT_LAYOUT,
  decimalText,
  defaultExportLanguage,
  employerView,
  exportGroups,
  exportJson,
  exportTable,
  hoursText,
  toCsv,
  type ExportLayout,
} from './exports.js';

/** A form's figures; each competence is [skill, group id, minutes], and its group is labelled on the form `<language>:<group id>`. */
const figures = (
  personId: string,
  employerId: string | null,
  competences: [string, string, number][],
  creditedMinor = 1250,
  language: 'en' | 'fr' = 'en',
): FormFigures => ({
  ...composeForm({
    person: { id: personId, name: `Person ${personId}`, language },
    territory: { id: 't', name: 'Marseille' },
    month: '2030-03',
    contract: {
      id: `contract-${personId}`,
      version: 1,
      kind: 'employee',
      employerId,
      employerName: 'X',
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      yearlyMinutes: 6000,
    },
    entries: competences.map(([skill, , minutes], i) => ({
      id: `${personId}-${i}`,
      contractId: `contract-${personId}`,
      projectId: 'p',
      competenceId: skill,
      minutes,
    })),
    projects: new Map([['p', { title: 'Secret project', challengeIds: [] }]]),
    challengeTitles: new Map(),
    skills: new Map(
      competences.map(([skill, group]) => [skill, { label: skill, groupId: group, groupLabel: group && `${language}:${group}` }]),
    ),
    earlierMinutesThisYear: 0,
    currency: { currencyId: 'cur', code: 'ECU', minorUnits: 2, creditedMinor, balanceAtMonthEndMinor: 99_999 },
  }),
});

const form = (id: string, f: FormFigures) => ({ id, version: 1, verificationCode: `SAF-${id}`, figures: f });

describe('what an employer sees', () => {
  it('sees only forms of its own contracts', () => {
    expect(employerView(form('f', figures('a', 'other-org', [['aid', 'Care', 60]])), 'org')).toBeUndefined();
  });

  it('sees hours by competence group and the currency credited, never projects nor the wallet balance', () => {
    const view = employerView(
      form(
        'f',
        figures('a', 'org', [
          ['aid', 'Care', 60],
          ['nurse', 'Care', 30],
          ['solar', 'Tech', 45],
        ]),
      ),
      'org',
    )!;
    expect([...view.minutesByGroup]).toEqual([
      ['Care', 90],
      ['Tech', 45],
    ]);
    expect(view.currencyCreditedMinor).toBe(1250);
    const groups = exportGroups([view], new Map(), 'en');
    expect(JSON.stringify(exportJson([view], new Map(), groups))).not.toMatch(/Secret project|99999|aid|nurse|solar/);
  });
});

describe('competence group columns (issue 11: they split by employee language)', () => {
  const english = employerView(form('f1', figures('a', 'org', [['aid', 'S3.1', 60]], 1000, 'en')), 'org')!;
  const french = employerView(
    form(
      'f2',
      figures(
        'b',
        'org',
        [
          ['aid', 'S3.1', 30],
          ['solar', 'S7.2', 45],
        ],
        750,
        'fr',
      ),
    ),
    'org',
  )!;
  const labels = new Map([
    ['S3.1', 'santé, premiers secours et urgences'],
    ['S7.2', 'efficacité énergétique et énergies renouvelables'],
  ]);

  it('makes one column per group id, however each form labels it, labelled in the export’s language', () => {
    const groups = exportGroups([english, french], labels, 'fr');
    expect(groups).toEqual([
      { groupId: 'S7.2', label: 'efficacité énergétique et énergies renouvelables' },
      { groupId: 'S3.1', label: 'santé, premiers secours et urgences' },
    ]);
    const table = exportTable(
      [english, french],
      new Map(),
      {
        ...DEFAULT_LAYOUT,
        columns: [
          { key: 'person_name', header: '' },
          { key: 'competence_groups', header: '' },
        ],
      },
      groups,
      'fr',
    );
    expect(table.headers).toEqual([
      'Nom',
      'Heures : efficacité énergétique et énergies renouvelables',
      'Heures : santé, premiers secours et urgences',
    ]);
    expect(table.rows).toEqual([
      ['Person a', '0.00', '1.00'],
      ['Person b', '0.75', '0.50'],
    ]);
    expect(exportJson([english, french], new Map(), groups).map((e) => e.minutesByCompetenceGroup)).toEqual([
      { 'S3.1': 60 },
      { 'S7.2': 45, 'S3.1': 30 },
    ]);
  });

  it('labels a group identity does not name with a form’s own label, and competences without a group as one “other” column', () => {
    const ungrouped = employerView(form('f3', figures('c', 'org', [['knitting', '', 15]])), 'org')!;
    expect(exportGroups([english, ungrouped], new Map(), 'en')).toEqual([
      { groupId: 'S3.1', label: 'en:S3.1' },
      { groupId: '', label: 'Other competences' },
    ]);
    expect(exportGroups([ungrouped], new Map(), 'fr')).toEqual([{ groupId: '', label: 'Autres compétences' }]);
  });

  it('writes the default headers in the export’s language', () => {
    const groups = exportGroups([english], labels, 'en');
    expect(exportTable([english], new Map(), DEFAULT_LAYOUT, groups, 'en').headers[0]).toBe('Employee reference');
    expect(exportTable([english], new Map(), DEFAULT_LAYOUT, groups, 'fr').headers[0]).toBe('Matricule');
  });
});

describe('an organization’s export language until it chooses one', () => {
  it('is French for an organization in France and English anywhere else', () => {
    expect(defaultExportLanguage('FR')).toBe('fr');
    expect(defaultExportLanguage('fr')).toBe('fr');
    expect(defaultExportLanguage('BE')).toBe('en');
    expect(defaultExportLanguage(undefined)).toBe('en');
  });
});

describe('export layouts', () => {
  it('accepts the default layout', () => {
    expect(checkLayout(DEFAULT_LAYOUT)).toBeUndefined();
    expect(checkLayout({ ...DEFAULT_LAYOUT, language: 'fr' })).toBeUndefined();
  });

  it('invalid_layout: refuses a language other than English and French', () => {
    expect(checkLayout({ ...DEFAULT_LAYOUT, language: 'de' })?.fields?.map((f) => f.field)).toEqual(['layout.language']);
  });

  it('invalid_layout: refuses unknown and repeated columns, empty layouts and long headers, naming each field', () => {
    const refused = checkLayout({
      columns: [
        { key: 'salary', header: '' },
        { key: 'form_id', header: '' },
        { key: 'form_id', header: 'x'.repeat(61) },
      ],
    });
    expect(refused?.code).toBe('invalid_layout');
    expect(refused?.fields?.map((f) => f.field)).toEqual(['layout.columns.0.key', 'layout.columns.2.key', 'layout.columns.2.header']);
    expect(checkLayout({ columns: [] })?.fields?.[0]?.field).toBe('layout.columns');
  });
});

describe('the export table', () => {
  const views = [
    employerView(form('f2', figures('b', 'org', [['solar', 'Tech', 90]], 1500)), 'org')!,
    employerView(form('f1', figures('a', 'org', [['aid', 'Care', 45]], 750)), 'org')!,
  ];
  const references = new Map([
    ['a', 'E-001'],
    ['b', 'E-002'],
  ]);

  it('writes the columns in the layout’s order, with its headers, one column per competence group', () => {
    const layout: ExportLayout = {
      columns: [
        { key: 'form_id', header: 'Form' },
        { key: 'employee_reference', header: 'Matricule' },
        { key: 'competence_groups', header: 'H ' },
        { key: 'sar_hours', header: '' },
      ],
      separator: 'semicolon',
      decimalComma: true,
      language: 'en',
    };
    const table = exportTable(
      views,
      references,
      layout,
      exportGroups(
        views,
        new Map([
          ['Care', 'Care'],
          ['Tech', 'Tech'],
        ]),
        'en',
      ),
      'en',
    );
    expect(table.headers).toEqual(['Form', 'Matricule', 'H Care', 'H Tech', 'SAR hours']);
    expect(table.rows).toEqual([
      ['f1', 'E-001', '0,75', '0,00', '0,75'],
      ['f2', 'E-002', '0,00', '1,50', '1,50'],
    ]);
    expect(toCsv(table, layout.separator)).toBe(
      'Form;Matricule;H Care;H Tech;SAR hours\r\nf1;E-001;0,75;0,00;0,75\r\nf2;E-002;0,00;1,50;1,50\r\n',
    );
  });

  it('quotes separators and quotes, and defuses cells that a spreadsheet would run as formulas', () => {
    expect(toCsv({ headers: ['a,b', 'c"d'], rows: [['=SUM(A1)', '-12']] }, 'comma')).toBe('"a,b","c""d"\r\n\'=SUM(A1),-12\r\n');
  });
});

describe('numbers in exports', () => {
  it('writes minutes as hours with two decimals, in integers', () => {
    expect(hoursText(90, false)).toBe('1.50');
    expect(hoursText(1, false)).toBe('0.02');
    expect(hoursText(100, true)).toBe('1,67');
  });

  it('writes minor units in the currency’s units', () => {
    expect(decimalText(1250, 2, false)).toBe('12.50');
    expect(decimalText(5, 2, true)).toBe('0,05');
    expect(decimalText(7, 0, false)).toBe('7');
  });
});
