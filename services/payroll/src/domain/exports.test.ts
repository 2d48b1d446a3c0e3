import { composeForm, type FormFigures } from './forms.js';
import { checkLayout, DEFAULT_LAYOUT, decimalText, employerView, exportJson, exportTable, hoursText, toCsv, type ExportLayout } from './exports.js';

const figures = (personId: string, employerId: string | null, competences: [string, string, number][], creditedMinor = 1250): FormFigures => ({
  ...composeForm({
    person: { id: personId, name: `Person ${personId}`, language: 'en' },
    territory: { id: 't', name: 'Marseille' },
    month: '2030-03',
    contract: { id: `contract-${personId}`, version: 1, kind: 'employee', employerId, employerName: 'X', periodStart: '2030-01-01', periodEnd: '2030-12-31', yearlyMinutes: 6000 },
    entries: competences.map(([skill, , minutes], i) => ({ id: `${personId}-${i}`, contractId: `contract-${personId}`, projectId: 'p', competenceId: skill, minutes })),
    projects: new Map([['p', { title: 'Secret project', challengeIds: [] }]]),
    challengeTitles: new Map(),
    skills: new Map(competences.map(([skill, group]) => [skill, { label: skill, groupId: group, groupLabel: group }])),
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
    const view = employerView(form('f', figures('a', 'org', [['aid', 'Care', 60], ['nurse', 'Care', 30], ['solar', 'Tech', 45]])), 'org')!;
    expect([...view.minutesByGroup]).toEqual([
      ['Care', 90],
      ['Tech', 45],
    ]);
    expect(view.currencyCreditedMinor).toBe(1250);
    expect(JSON.stringify(exportJson([view], new Map()))).not.toMatch(/Secret project|99999/);
  });
});

describe('export layouts', () => {
  it('accepts the default layout', () => {
    expect(checkLayout(DEFAULT_LAYOUT)).toBeUndefined();
  });

  it('invalid_layout: refuses unknown and repeated columns, empty layouts and long headers, naming each field', () => {
    const refused = checkLayout({ columns: [{ key: 'salary', header: '' }, { key: 'form_id', header: '' }, { key: 'form_id', header: 'x'.repeat(61) }] });
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
    };
    const table = exportTable(views, references, layout);
    expect(table.headers).toEqual(['Form', 'Matricule', 'H Care', 'H Tech', 'SAR hours']);
    expect(table.rows).toEqual([
      ['f1', 'E-001', '0,75', '0,00', '0,75'],
      ['f2', 'E-002', '0,00', '1,50', '1,50'],
    ]);
    expect(toCsv(table, layout.separator)).toBe('Form;Matricule;H Care;H Tech;SAR hours\r\nf1;E-001;0,75;0,00;0,75\r\nf2;E-002;0,00;1,50;1,50\r\n');
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
