// Bad input on every payroll route gets a 4xx problem naming the field, and changes nothing.
import { startPlatform, type Platform } from '../../tests/support/platform.js';
import { callApi, createPayrollFixtures, MONTH, type PayrollFixtures } from './payroll-support.js';

let platform: Platform;
let f: PayrollFixtures;
let hr: ReturnType<typeof callApi>;
let officer: ReturnType<typeof callApi>;
let person: ReturnType<typeof callApi>;
let before: unknown;
const NOBODY = '00000000-0000-4000-8000-000000000000';

const org = () => `/v1/payroll/organizations/${f.world.organizations.calanques}`;
const layoutPath = () => `${org()}/export-layout`;
const aminasForm = () => f.forms.find((form) => form.personId === f.world.people.amina.id)!;
const GOOD_LAYOUT = { columns: [{ key: 'employee_reference' }, { key: 'sar_hours' }], separator: 'comma', decimalComma: false };
const IF_0 = { 'if-match': '"0"' };

/** What the bad requests must leave as it was: the forms, the runs and the employer's layout. */
async function snapshot() {
  const forms = await officer('GET', `/v1/payroll/territories/${f.world.territories.marseille}/forms?month=${MONTH}`);
  const runs = await officer('GET', `/v1/payroll/territories/${f.world.territories.marseille}/runs`);
  const layout = await hr('GET', layoutPath());
  return {
    forms: forms.body.items.map((form: { id: string; version: number; status: string }) => [form.id, form.version, form.status]),
    runs: runs.body.items.map((run: { id: string; done: number; formsIssued: number }) => [run.id, run.done, run.formsIssued]),
    layout: layout.body,
  };
}

beforeAll(async () => {
  platform = await startPlatform();
  f = await createPayrollFixtures(platform, ['amina', 'claire', 'marc']);
  hr = callApi(platform.gateway.url, f.tokens.claire);
  officer = callApi(platform.gateway.url, f.tokens.marc);
  person = callApi(platform.gateway.url, f.tokens.amina);
  before = await snapshot();
}, 180_000);
afterAll(async () => {
  f?.close();
  await platform?.stop();
});

type Who = 'person' | 'hr' | 'officer' | 'anyone';
type Case = [
  what: string,
  who: Who,
  method: string,
  path: () => string,
  body: unknown,
  headers: Record<string, string>,
  status: number,
  field: string | undefined,
];

const cases: Case[] = [
  ['a limit of my forms out of range', 'person', 'GET', () => '/v1/payroll/me/forms?limit=0', undefined, {}, 400, 'query.limit'],
  ['a limit that is not a number', 'person', 'GET', () => '/v1/payroll/me/forms?limit=many', undefined, {}, 400, 'query.limit'],
  ['a forged cursor', 'person', 'GET', () => '/v1/payroll/me/forms?cursor=bm90LWEtY3Vyc29y', undefined, {}, 400, 'query.cursor'],
  ['an unknown query parameter', 'person', 'GET', () => '/v1/payroll/me/forms?all=1', undefined, {}, 400, 'query.all'],
  ['a form id that is not a UUID', 'person', 'GET', () => '/v1/payroll/forms/form-1', undefined, {}, 400, 'params.formId'],
  ['a form that does not exist', 'person', 'GET', () => `/v1/payroll/forms/${NOBODY}`, undefined, {}, 404, undefined],
  [
    'a document format that is not one',
    'person',
    'GET',
    () => `/v1/payroll/forms/${aminasForm().id}/document?format=docx`,
    undefined,
    {},
    400,
    'query.format',
  ],
  [
    'a document of a form that does not exist',
    'person',
    'GET',
    () => `/v1/payroll/forms/${NOBODY}/document`,
    undefined,
    {},
    404,
    undefined,
  ],
  [
    'a territory’s forms without a month',
    'officer',
    'GET',
    () => `/v1/payroll/territories/${f.world.territories.marseille}/forms`,
    undefined,
    {},
    400,
    'query.month',
  ],
  [
    'a territory’s forms of a month that is not one',
    'officer',
    'GET',
    () => `/v1/payroll/territories/${f.world.territories.marseille}/forms?month=2030-13`,
    undefined,
    {},
    400,
    'query.month',
  ],
  [
    'a territory id that is not a UUID',
    'officer',
    'GET',
    () => `/v1/payroll/territories/marseille/forms?month=${MONTH}`,
    undefined,
    {},
    400,
    'params.territoryId',
  ],
  ['a verification code that is not one', 'anyone', 'GET', () => '/v1/payroll/verifications/12345', undefined, {}, 400, 'params.code'],
  [
    'a verification hash that is not a SHA-256',
    'anyone',
    'GET',
    () => `/v1/payroll/verifications/${aminasForm().verificationCode}?sha256=abc`,
    undefined,
    {},
    400,
    'query.sha256',
  ],
  [
    'a code with letters no code holds',
    'anyone',
    'GET',
    () => '/v1/payroll/verifications/SAF-IIII-LLLL-OOOO',
    undefined,
    {},
    400,
    'params.code',
  ],
  [
    'a run limit out of range',
    'officer',
    'GET',
    () => `/v1/payroll/territories/${f.world.territories.marseille}/runs?limit=500`,
    undefined,
    {},
    400,
    'query.limit',
  ],
  [
    'runs of a month that is not one',
    'officer',
    'GET',
    () => `/v1/payroll/territories/${f.world.territories.marseille}/runs?month=March`,
    undefined,
    {},
    400,
    'query.month',
  ],
  ['a run id that is not a UUID', 'officer', 'GET', () => '/v1/payroll/runs/run-1', undefined, {}, 400, 'params.runId'],
  ['a run that does not exist', 'officer', 'GET', () => `/v1/payroll/runs/${NOBODY}`, undefined, {}, 404, undefined],
  ['an employer’s forms of a month that is not one', 'hr', 'GET', () => `${org()}/forms?month=03-2030`, undefined, {}, 400, 'query.month'],
  [
    'an organization id that is not a UUID',
    'hr',
    'GET',
    () => '/v1/payroll/organizations/calanques/export-layout',
    undefined,
    {},
    400,
    'params.organizationId',
  ],
  ['malformed JSON', 'hr', 'PUT', layoutPath, '{"columns": [', IF_0, 400, undefined],
  ['a layout without If-Match', 'hr', 'PUT', layoutPath, GOOD_LAYOUT, {}, 400, 'header.if-match'],
  ['a layout on a stale version', 'hr', 'PUT', layoutPath, GOOD_LAYOUT, { 'if-match': '"7"' }, 412, undefined],
  [
    'a layout with an unknown column',
    'hr',
    'PUT',
    layoutPath,
    { ...GOOD_LAYOUT, columns: [{ key: 'salary' }] },
    IF_0,
    400,
    'body.columns.0.key',
  ],
  [
    'a layout naming a column twice',
    'hr',
    'PUT',
    layoutPath,
    { ...GOOD_LAYOUT, columns: [{ key: 'form_id' }, { key: 'form_id' }] },
    IF_0,
    400,
    'body.columns.1.key',
  ],
  ['a layout without columns', 'hr', 'PUT', layoutPath, { ...GOOD_LAYOUT, columns: [] }, IF_0, 400, 'body.columns'],
  [
    'a layout of more than 20 columns',
    'hr',
    'PUT',
    layoutPath,
    { ...GOOD_LAYOUT, columns: Array.from({ length: 21 }, () => ({ key: 'form_id' })) },
    IF_0,
    400,
    'body.columns',
  ],
  [
    'a header longer than 60 characters',
    'hr',
    'PUT',
    layoutPath,
    { ...GOOD_LAYOUT, columns: [{ key: 'form_id', header: 'x'.repeat(61) }] },
    IF_0,
    400,
    'body.columns.0.header',
  ],
  [
    'a header with a control character',
    'hr',
    'PUT',
    layoutPath,
    { ...GOOD_LAYOUT, columns: [{ key: 'form_id', header: 'a\nb' }] },
    IF_0,
    400,
    'body.columns.0.header',
  ],
  ['a separator that is not one', 'hr', 'PUT', layoutPath, { ...GOOD_LAYOUT, separator: 'pipe' }, IF_0, 400, 'body.separator'],
  [
    'a decimal comma that is not a boolean',
    'hr',
    'PUT',
    layoutPath,
    { ...GOOD_LAYOUT, decimalComma: 'yes' },
    IF_0,
    400,
    'body.decimalComma',
  ],
  ['an unknown layout field', 'hr', 'PUT', layoutPath, { ...GOOD_LAYOUT, encoding: 'latin1' }, IF_0, 400, 'body.encoding'],
  [
    'a layout language other than English and French',
    'hr',
    'PUT',
    layoutPath,
    { ...GOOD_LAYOUT, language: 'de' },
    IF_0,
    400,
    'body.language',
  ],
  ['an export of a month that is not one', 'hr', 'GET', () => `${org()}/exports/2030-3`, undefined, {}, 400, 'params.month'],
  ['an export in a format that is not one', 'hr', 'GET', () => `${org()}/exports/${MONTH}?format=xlsx`, undefined, {}, 400, 'query.format'],
  ['a preview of no rows', 'hr', 'POST', () => `${org()}/exports/${MONTH}/preview`, { limit: 0 }, {}, 400, 'body.limit'],
  ['a preview of more than 100 rows', 'hr', 'POST', () => `${org()}/exports/${MONTH}/preview`, { limit: 101 }, {}, 400, 'body.limit'],
  [
    'a preview with an unknown column',
    'hr',
    'POST',
    () => `${org()}/exports/${MONTH}/preview`,
    { layout: { columns: [{ key: 'iban' }] } },
    {},
    400,
    'body.layout.columns.0.key',
  ],
  [
    'a preview in a language other than English and French',
    'hr',
    'POST',
    () => `${org()}/exports/${MONTH}/preview`,
    { layout: { ...GOOD_LAYOUT, language: 'DE' } },
    {},
    400,
    'body.layout.language',
  ],
  [
    'a preview naming a column twice',
    'hr',
    'POST',
    () => `${org()}/exports/${MONTH}/preview`,
    { layout: { columns: [{ key: 'month' }, { key: 'month' }] } },
    {},
    400,
    'body.layout.columns.1.key',
  ],
  [
    'a preview sent as text',
    'hr',
    'POST',
    () => `${org()}/exports/${MONTH}/preview`,
    'limit=5',
    { 'content-type': 'text/plain' },
    415,
    undefined,
  ],
];

describe('bad input on payroll routes', () => {
  it.each(cases)('refuses %s with a problem naming the field', async (_what, who, method, path, body, headers, status, field) => {
    const call = { person, hr, officer, anyone: callApi(platform.gateway.url) }[who];
    const response = await call(method, path(), body, headers);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status }));
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toMatch(/^\/v1\/problems\/[a-z_0-9]+$/);
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('changed nothing: the forms, the runs and the layout are as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
