// Who sees what of a Societal Activity Form (issue 11, finding 5): the person and the officers the
// whole form; the employer's HR managers the payroll view only (hours by competence group, the
// contract's hours, the currency credited) in the form, its JSON and PDF, the organization's list
// and the verification; anyone else no figures at all. And the employer's export columns (finding 6):
// one column per competence group whatever its employees' languages, labelled in the organization's.
import { createHash } from 'node:crypto';
import { systemCaller } from '@e21/kit';
import { pdfText } from '@e21/devinfra';
import { SKILLS } from '../../tests/support/contracts-world.js';
import { startPlatform, type Platform } from '../../tests/support/platform.js';
import { callApi, createPayrollFixtures, MONTH, type PayrollFixtures } from './payroll-support.js';

let platform: Platform;
let f: PayrollFixtures;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const aminasForm = () => f.forms.find((form) => form.personId === f.world.people.amina.id)!;
const lucasCalanquesForm = () => f.forms.find((form) => form.contractId === f.world.contracts.lucasCalanques)!;
const calanques = () => f.world.organizations.calanques;

/** Group labels of a skill in a language, from identity's taxonomy. */
async function groupOf(skillId: string, language: 'en' | 'fr'): Promise<{ id: string; label: string }> {
  const { skills } = await f.clients.identity.getSkills({ ids: [skillId], language }, { caller: systemCaller('test') });
  return { id: skills[0]!.broaderId, label: skills[0]!.broaderLabel };
}

/**
 * What only the person and the officers may read of Amina's form, taken from the whole form: its
 * projects' titles, its challenge, her individual competences (labels that are not part of their
 * group's label: "first aid" is in "health, first aid and emergencies"), the wallet balance (57.50
 * ÉCU-BDR at the end of March) and the fields holding them.
 */
function secretsOf(): { what: string; pattern: RegExp }[] {
  const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const whole = aminasForm();
  const groupLabels = whole.competences.map((c) => c.groupLabel);
  return [
    ...whole.projects.map((p) => ({ what: 'a project title', pattern: literal(p.title) })),
    ...whole.challenges.map((c) => ({ what: 'a challenge', pattern: literal(c.title) })),
    ...whole.competences
      .filter((c) => !groupLabels.some((g) => g.includes(c.label)))
      .map((c) => ({ what: 'an individual competence', pattern: literal(c.label) })),
    { what: 'a competence id', pattern: /urn:e21:skill:/ },
    { what: 'the wallet balance', pattern: /57[.,]50|balance/i },
    { what: 'the projects', pattern: /"projects"|"projectCompetences"|"projectId"/ },
    { what: 'the challenges', pattern: /"challenges"|"challengeId"/ },
    { what: 'the competences', pattern: /"competences"|"skillId"/ },
  ];
}

/** RFC 4180 rows: group labels hold commas, so their headers come quoted. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trim().split('\r\n')) {
    const cells: string[] = [];
    for (const match of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g))
      cells.push(match[1]!.startsWith('"') ? match[1]!.slice(1, -1).replace(/""/g, '"') : match[1]!);
    rows.push(cells);
  }
  return rows;
}

const leaks = (text: string) =>
  secretsOf()
    .filter((s) => s.pattern.test(text))
    .map((s) => `${s.what} (${s.pattern})`);

beforeAll(async () => {
  platform = await startPlatform();
  // Lucas reads the platform in French, Amina in English: their forms' labels differ.
  f = await createPayrollFixtures(platform, ['amina', 'lucas', 'claire', 'garlabanHr', 'marc', 'helene'], { locales: { lucas: 'fr' } });
}, 180_000);
afterAll(async () => {
  f?.close();
  await platform?.stop();
});

describe('the employer sees the payroll view of a form only', () => {
  it('reads the form as hours by competence group, the contract’s hours and the currency credited; never projects, challenges, competences nor the wallet', async () => {
    const form = await callApi(platform.gateway.url, f.tokens.claire)('GET', `/v1/payroll/forms/${aminasForm().id}`);
    expect(form.status).toBe(200);
    expect(leaks(form.text)).toEqual([]);
    expect(form.body).toMatchObject({
      view: 'employer',
      id: aminasForm().id,
      personName: 'Amina Haddad',
      employerName: 'Calanques Solaire',
      month: MONTH,
      totalMinutes: 225,
    });
    expect(form.body.contractYear).toEqual({ start: '2030-01-01', end: '2030-12-31', yearlyMinutes: 6600, toDateMinutes: 225 });
    expect(form.body.currency).toMatchObject({ code: 'ÉCU-BDR', minorUnits: 2, creditedMinor: 3750 });
    const groups = form.body.competenceGroups as { groupId: string; label: string; minutes: number }[];
    expect(groups.reduce((sum, g) => sum + g.minutes, 0)).toBe(225);
    expect(groups.find((g) => g.groupId === 'urn:e21:skill-group:S3.1')).toMatchObject({
      label: 'health, first aid and emergencies',
      minutes: 90,
    });
  });

  it('downloads the employer’s own JSON document: its hash kept at issue and checked, the same bytes every time, nothing else of the form', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const view = (await hr('GET', `/v1/payroll/forms/${aminasForm().id}`)).body;
    const json = await hr('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=json`);
    expect(json.status).toBe(200);
    expect(leaks(json.text)).toEqual([]);
    expect(json.headers.get('x-content-sha256')).toBe(sha(json.bytes));
    expect(sha(json.bytes)).toBe(view.jsonSha256);
    expect(view.jsonSha256).not.toBe(aminasForm().jsonSha256);
    expect(JSON.parse(json.text)).toMatchObject({
      view: 'employer',
      formId: aminasForm().id,
      verificationCode: aminasForm().verificationCode,
      totalMinutes: 225,
    });
    expect((await hr('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=json`)).bytes.equals(json.bytes)).toBe(true);
  });

  it('downloads a reduced PDF: hours and pay, no project, challenge, competence nor wallet balance', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const view = (await hr('GET', `/v1/payroll/forms/${aminasForm().id}`)).body;
    const pdf = await hr('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(sha(pdf.bytes)).toBe(view.pdfSha256);
    expect(view.pdfSha256).not.toBe(aminasForm().pdfSha256);
    const text = await pdfText(pdf.bytes);
    expect(leaks(text)).toEqual([]);
    for (const expected of [
      'Amina Haddad',
      'Calanques Solaire',
      '3.75 h',
      '1.50 h',
      '37.50 ÉCU-BDR',
      'health, first aid and emergencies',
      aminasForm().verificationCode,
    ])
      expect(text).toContain(expected);
    expect((await hr('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=pdf`)).bytes.equals(pdf.bytes)).toBe(true);
  });

  it('lists the organization’s forms as payroll views', async () => {
    const list = await callApi(platform.gateway.url, f.tokens.claire)(
      'GET',
      `/v1/payroll/organizations/${calanques()}/forms?month=${MONTH}`,
    );
    expect(list.status).toBe(200);
    expect(leaks(list.text)).toEqual([]);
    expect(
      list.body.items
        .map((item: { view: string; personName: string; totalMinutes: number }) => [item.view, item.personName, item.totalMinutes])
        .sort(),
    ).toEqual([
      ['employer', 'Amina Haddad', 225],
      ['employer', 'Lucas Martin', 60],
    ]);
  });

  it('verifies a code as the employer: the payroll view, no more', async () => {
    const verified = await callApi(platform.gateway.url, f.tokens.claire)(
      'GET',
      `/v1/payroll/verifications/${aminasForm().verificationCode}`,
    );
    expect(verified.status).toBe(200);
    expect(leaks(verified.text)).toEqual([]);
    expect(verified.body.form).toMatchObject({ view: 'employer', id: aminasForm().id, totalMinutes: 225 });
  });

  it('never gives an employer another contract’s form of the same person', async () => {
    const other = callApi(platform.gateway.url, f.tokens.garlabanHr);
    expect((await other('GET', `/v1/payroll/forms/${lucasCalanquesForm().id}`)).status).toBe(403);
    expect((await other('GET', `/v1/payroll/forms/${lucasCalanquesForm().id}/document?format=json`)).status).toBe(403);
    const verified = await other('GET', `/v1/payroll/verifications/${lucasCalanquesForm().verificationCode}`);
    expect(verified.body.form).toBeNull();
    expect(verified.text).not.toMatch(/"totalMinutes"|"competenceGroups"|"currency"/);
  });
});

describe('the person and the officers see the whole form', () => {
  for (const who of ['amina', 'marc', 'helene'] as const) {
    it(`${who} reads the whole form, its JSON and its PDF: projects, challenges, competences and the wallet balance`, async () => {
      const reader = callApi(platform.gateway.url, f.tokens[who]);
      const form = await reader('GET', `/v1/payroll/forms/${aminasForm().id}`);
      expect(form.body).toMatchObject({
        view: 'whole',
        currency: { creditedMinor: 3750, balanceAtMonthEndMinor: 5750 },
        challenges: [{ title: 'Energy transition', minutes: 150 }],
      });
      // Every secret the employer must not see is in the whole form: the checks above cannot pass for want of one.
      expect(leaks(form.text)).toHaveLength(secretsOf().length);
      const titles = aminasForm().projects.map((p) => p.title);
      expect(titles).toHaveLength(2);
      expect(form.body.projects.map((p: { title: string }) => p.title)).toEqual(titles);
      const json = await reader('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=json`);
      expect(sha(json.bytes)).toBe(aminasForm().jsonSha256);
      expect(json.text).toContain(titles[0]);
      const text = await pdfText((await reader('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=pdf`)).bytes);
      for (const expected of [...titles, 'Energy transition', 'solar panel installation', '57.50 ÉCU-BDR'])
        expect(text).toContain(expected);
    });
  }
});

describe('the public verification shows no figures', () => {
  it('tells anyone the status and whether a file is the form’s (whole or employer view), and nothing of its figures', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const employerPdf = (await hr('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=pdf`)).bytes;
    const wholePdf = (
      await callApi(platform.gateway.url, f.tokens.amina)('GET', `/v1/payroll/forms/${aminasForm().id}/document?format=pdf`)
    ).bytes;
    for (const token of [undefined, f.tokens.lucas]) {
      const anyone = callApi(platform.gateway.url, token);
      const plain = await anyone('GET', `/v1/payroll/verifications/${aminasForm().verificationCode}`);
      expect(plain.body).toMatchObject({ found: true, status: 'current', version: 1, form: null });
      expect(leaks(plain.text)).toEqual([]);
      expect(plain.text).not.toMatch(/"totalMinutes"|"competenceGroups"|"currency"|"personName"|Amina|37[.,]50/);
      expect(
        (await anyone('GET', `/v1/payroll/verifications/${aminasForm().verificationCode}?sha256=${sha(employerPdf)}`)).body,
      ).toMatchObject({ matches: true, matchedDocument: 'employer_pdf', form: null });
      expect(
        (await anyone('GET', `/v1/payroll/verifications/${aminasForm().verificationCode}?sha256=${sha(wholePdf)}`)).body,
      ).toMatchObject({ matches: true, matchedDocument: 'pdf', form: null });
    }
  });
});

describe('the OpenAPI document says who sees what', () => {
  it('documents the whole form and the employer view as separate schemas, and each form route’s readers', async () => {
    const { paths } = (await callApi(platform.gateway.url)('GET', '/v1/openapi.json')).body;
    const schemaOf = (path: string) => paths[path].get.responses['200'].content['application/json'].schema;
    const titles = (schema: { oneOf?: { title: string }[]; anyOf?: { oneOf?: { title: string }[] }[] }) =>
      JSON.stringify(schema).match(/"title":"\w+"/g);
    expect(titles(schemaOf('/v1/payroll/forms/{formId}'))).toEqual(['"title":"SocietalActivityForm"', '"title":"EmployerFormView"']);
    expect(schemaOf('/v1/payroll/organizations/{organizationId}/forms').properties.items.items.title).toBe('EmployerFormView');
    expect(schemaOf('/v1/payroll/organizations/{organizationId}/forms').properties.items.items.description).toMatch(
      /Never the projects, the challenges, the individual competences, the wallet balance/,
    );
    expect(schemaOf('/v1/payroll/territories/{territoryId}/forms').properties.items.items.title).toBe('SocietalActivityForm');
    expect(paths['/v1/payroll/forms/{formId}'].get.summary).toMatch(/officers.*employer.*refused to anyone else/s);
    expect(paths['/v1/payroll/verifications/{code}'].get.summary).toMatch(/No figures to anyone who may not read the form/);
  });
});

describe('export columns by competence group, in the organization’s language', () => {
  it('gives one column per competence group whatever the employees’ languages, labelled in French for a French organization (CSV, JSON and preview)', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const firstAid = await groupOf(SKILLS.firstAid, 'fr');
    const firstAidEn = await groupOf(SKILLS.firstAid, 'en');
    // The two forms label the same group in their person's language: the bug made two columns of it.
    expect(aminasForm().competences.find((c) => c.skillId === SKILLS.firstAid)!.groupLabel).toBe(firstAidEn.label);
    expect(lucasCalanquesForm().competences.find((c) => c.skillId === SKILLS.firstAid)!.groupLabel).toBe(firstAid.label);

    const csv = await hr('GET', `/v1/payroll/organizations/${calanques()}/exports/${MONTH}`);
    const [headers, ...rows] = parseCsv(csv.text);
    const firstAidColumns = headers!.filter((h) => h.includes(firstAid.label) || h.includes(firstAidEn.label));
    expect(firstAidColumns).toEqual([`Heures : ${firstAid.label}`]);
    const column = headers!.indexOf(firstAidColumns[0]!);
    expect(rows.map((row) => [row[0], row[column]])).toEqual([
      ['CS-0042', '1.50'],
      ['CS-0077', '1.00'],
    ]);
    expect(headers!.slice(0, 3)).toEqual(['Matricule', 'Nom', 'Heures DAS']);
    // Only Amina (English) used a solar competence: its column is still labelled in French, by identity.
    expect(headers).toContain(`Heures : ${(await groupOf(SKILLS.solar, 'fr')).label}`);

    const json = (await hr('GET', `/v1/payroll/organizations/${calanques()}/exports/${MONTH}?format=json`)).body;
    expect(json.language).toBe('fr');
    expect(json.competenceGroups.filter((g: { groupId: string }) => g.groupId === firstAid.id)).toEqual([
      { groupId: firstAid.id, label: firstAid.label },
    ]);
    expect(
      json.employees.map((e: { employeeReference: string; minutesByCompetenceGroup: Record<string, number> }) => [
        e.employeeReference,
        e.minutesByCompetenceGroup[firstAid.id],
      ]),
    ).toEqual([
      ['CS-0042', 90],
      ['CS-0077', 60],
    ]);

    const preview = await hr('POST', `/v1/payroll/organizations/${calanques()}/exports/${MONTH}/preview`, {
      layout: { columns: [{ key: 'employee_reference' }, { key: 'competence_groups', header: 'H ' }] },
    });
    expect(preview.body.headers.filter((h: string) => h.includes(firstAid.label) || h.includes(firstAidEn.label))).toEqual([
      `H ${firstAid.label}`,
    ]);
  });

  it('labels the columns in the language the organization chose, tried in a preview and then saved', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const firstAid = await groupOf(SKILLS.firstAid, 'en');
    const layout = (await hr('GET', `/v1/payroll/organizations/${calanques()}/export-layout`)).body;
    expect([layout.language, layout.chosenLanguage]).toEqual(['fr', null]);
    const tried = await hr('POST', `/v1/payroll/organizations/${calanques()}/exports/${MONTH}/preview`, {
      layout: { columns: [{ key: 'competence_groups' }], language: 'en' },
    });
    expect(tried.body.headers).toContain(`Hours: ${firstAid.label}`);
    const saved = await hr(
      'PUT',
      `/v1/payroll/organizations/${calanques()}/export-layout`,
      { columns: layout.columns, separator: 'comma', language: 'en' },
      { 'if-match': `"${layout.version}"` },
    );
    expect(saved.status).toBe(200);
    expect([saved.body.language, saved.body.chosenLanguage]).toEqual(['en', 'en']);
    const headers = parseCsv((await hr('GET', `/v1/payroll/organizations/${calanques()}/exports/${MONTH}`)).text)[0]!;
    expect(headers.filter((h) => h.includes(firstAid.label) || h.includes('premiers secours'))).toEqual([`Hours: ${firstAid.label}`]);
    expect(headers[0]).toBe('Employee reference');
  });
});
