// Payroll through the gateway: employers' exports (the layout's columns, only their own employees,
// a preview that saves nothing), a form's documents and their public verification.
import { createHash } from 'node:crypto';
import { startPlatform, type Platform } from '../../tests/support/platform.js';
import { callApi, createPayrollFixtures, MONTH, type PayrollFixtures } from './payroll-support.js';

let platform: Platform;
let f: PayrollFixtures;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const exportsOf = (organizationId: string) => `/v1/payroll/organizations/${organizationId}`;

beforeAll(async () => {
  platform = await startPlatform();
  f = await createPayrollFixtures(platform, ['amina', 'claire', 'garlabanHr']);
}, 180_000);
afterAll(async () => {
  f?.close();
  await platform?.stop();
});

describe('employer exports', () => {
  it('lists the employer’s own employees’ forms of its contracts only, with the default layout', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const csv = await hr('GET', `${exportsOf(f.world.organizations.calanques)}/exports/${MONTH}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`societal-activity-${MONTH}.csv`);
    const lines = csv.text.trim().split('\r\n');
    const amina = f.forms.find((form) => form.personId === f.world.people.amina.id)!;
    const lucas = f.forms.find((form) => form.contractId === f.world.contracts.lucasCalanques)!;
    // Calanques Solaire is in France: its default layout writes in French.
    expect(lines[0]).toMatch(/^Matricule,Nom,Heures DAS,"?Heures : .+,Monnaie locale créditée,Monnaie,Identifiant du formulaire$/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['CS-0042', 'CS-0077']);
    expect(lines[1]).toContain(`Amina Haddad,3.75,`);
    expect(lines[1]!.endsWith(`,37.50,ÉCU-BDR,${amina.id}`)).toBe(true);
    expect(lines[2]!.endsWith(`,10.00,ÉCU-BDR,${lucas.id}`)).toBe(true);
    expect(csv.text).not.toContain('Jeanne');
    expect(csv.text).not.toContain('GB-12');
  });

  it('gives another employer only its own contract’s form of the same person', async () => {
    const csv = await callApi(platform.gateway.url, f.tokens.garlabanHr)(
      'GET',
      `${exportsOf(f.world.organizations.garlaban)}/exports/${MONTH}`,
    );
    const lines = csv.text.trim().split('\r\n');
    expect(lines.length).toBe(2);
    expect(lines[1]).toMatch(/^GB-12,Lucas Martin,0\.75,/);
    expect(csv.text).not.toContain('CS-00');
  });

  it('writes the saved layout: chosen columns in their order, their headers, the separator and the decimal comma', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const layout = {
      columns: [
        { key: 'form_id', header: 'Formulaire' },
        { key: 'employee_reference', header: 'Matricule' },
        { key: 'sar_minutes', header: '' },
        { key: 'currency_credited', header: 'Écus' },
      ],
      separator: 'semicolon',
      decimalComma: true,
    };
    const saved = await hr('PUT', `${exportsOf(f.world.organizations.calanques)}/export-layout`, layout, { 'if-match': '"0"' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, separator: 'semicolon', decimalComma: true });
    const lines = (await hr('GET', `${exportsOf(f.world.organizations.calanques)}/exports/${MONTH}`)).text.trim().split('\r\n');
    const amina = f.forms.find((form) => form.personId === f.world.people.amina.id)!;
    // The column left without a header gets its default in the organization's language (French here).
    expect(lines).toEqual([
      'Formulaire;Matricule;Minutes DAS;Écus',
      `${amina.id};CS-0042;225;37,50`,
      expect.stringMatching(/;CS-0077;60;10,00$/),
    ]);
    const stale = await hr('PUT', `${exportsOf(f.world.organizations.calanques)}/export-layout`, layout, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
  });

  it('previews a layout being tried without saving it', async () => {
    const hr = callApi(platform.gateway.url, f.tokens.claire);
    const before = await hr('GET', `${exportsOf(f.world.organizations.calanques)}/export-layout`);
    const preview = await hr('POST', `${exportsOf(f.world.organizations.calanques)}/exports/${MONTH}/preview`, {
      layout: { columns: [{ key: 'person_name' }, { key: 'competence_groups', header: 'H ' }], separator: 'tab' },
      limit: 1,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.headers[0]).toBe('Nom');
    expect(preview.body.headers.slice(1).every((h: string) => h.startsWith('H '))).toBe(true);
    expect(preview.body.rows).toEqual([[`Amina Haddad`, ...preview.body.rows[0].slice(1)]]);
    expect(preview.body.totalRows).toBe(2);
    expect(preview.body.csv.split('\r\n')[0]).toBe(preview.body.headers.join('\t'));
    expect((await hr('GET', `${exportsOf(f.world.organizations.calanques)}/export-layout`)).body).toEqual(before.body);
  });

  it('exports JSON in integers, without projects or the wallet balance', async () => {
    const json = await callApi(platform.gateway.url, f.tokens.claire)(
      'GET',
      `${exportsOf(f.world.organizations.calanques)}/exports/${MONTH}?format=json`,
    );
    expect(
      json.body.employees.map((e: { employeeReference: string; sarMinutes: number; currencyCreditedMinor: number }) => [
        e.employeeReference,
        e.sarMinutes,
        e.currencyCreditedMinor,
      ]),
    ).toEqual([
      ['CS-0042', 225, 3750],
      ['CS-0077', 60, 1000],
    ]);
    expect(json.text).not.toMatch(/balance|projects|Solar roofs/);
  });
});

describe('documents and public verification', () => {
  it('downloads the PDF with its hash, which anyone can verify by code; a tampered file does not match', async () => {
    const amina = f.forms.find((form) => form.personId === f.world.people.amina.id)!;
    const pdf = await callApi(platform.gateway.url, f.tokens.amina)('GET', `/v1/payroll/forms/${amina.id}/document`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-sha256')).toBe(sha(pdf.bytes));
    const anyone = callApi(platform.gateway.url);
    const ok = await anyone('GET', `/v1/payroll/verifications/${amina.verificationCode.toLowerCase()}?sha256=${sha(pdf.bytes)}`);
    expect(ok.body).toMatchObject({ found: true, status: 'current', version: 1, matches: true, pdfSha256: amina.pdfSha256, form: null });
    const tampered = Buffer.from(pdf.bytes);
    tampered[100] = tampered[100]! ^ 1;
    expect((await anyone('GET', `/v1/payroll/verifications/${amina.verificationCode}?sha256=${sha(tampered)}`)).body.matches).toBe(false);
    const signedIn = await callApi(platform.gateway.url, f.tokens.amina)('GET', `/v1/payroll/verifications/${amina.verificationCode}`);
    expect(signedIn.body.form).toMatchObject({ id: amina.id, totalMinutes: 225, currency: { creditedMinor: 3750 } });
  });

  it('publishes every route in the OpenAPI document', async () => {
    const openapi = await callApi(platform.gateway.url)('GET', '/v1/openapi.json');
    expect(Object.keys(openapi.body.paths).filter((path: string) => path.startsWith('/v1/payroll')).length).toBe(11);
  });
});
