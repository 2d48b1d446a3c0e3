// Every gateway route of payroll, called by anonymous, the person whose form it is, another
// employee, the employer's HR manager, another employer's HR manager, the officer of the form's
// territory, the officer of another locality and a regional officer above it.
import { allRoutes } from '@e21/gateway/app';
import { startPlatform, type Platform } from '../../tests/support/platform.js';
import { callApi, createPayrollFixtures, MONTH, type PayrollFixtures } from './payroll-support.js';

const ROLES = ['anonymous', 'person', 'otherPerson', 'hr', 'otherHr', 'officer', 'otherOfficer', 'regionalOfficer'] as const;
const KEYS = {
  person: 'amina',
  otherPerson: 'lucas',
  hr: 'claire',
  otherHr: 'garlabanHr',
  officer: 'marc',
  otherOfficer: 'nadia',
  regionalOfficer: 'helene',
} as const;

let platform: Platform;
let f: PayrollFixtures;

interface Case {
  method: string;
  route: string;
  what: string;
  request(): { path: string; body?: unknown; headers?: Record<string, string> };
  expect: [
    anonymous: number,
    person: number,
    otherPerson: number,
    hr: number,
    otherHr: number,
    officer: number,
    otherOfficer: number,
    regionalOfficer: number,
  ];
}

const aminasForm = () => f.forms.find((form) => form.personId === f.world.people.amina.id)!;
const marseille = () => f.world.territories.marseille;
const calanques = () => f.world.organizations.calanques;
const LAYOUT = {
  columns: [{ key: 'employee_reference', header: 'Matricule' }, { key: 'sar_hours' }],
  separator: 'semicolon',
  decimalComma: true,
};
const OFFICE: Case['expect'] = [401, 403, 403, 403, 403, 200, 403, 200];
const EMPLOYER: Case['expect'] = [401, 403, 403, 200, 403, 403, 403, 403];

const cases: Case[] = [
  {
    method: 'GET',
    route: '/v1/payroll/me/forms',
    what: 'list my forms',
    request: () => ({ path: '/v1/payroll/me/forms' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/payroll/forms/:formId',
    what: 'read Amina’s form',
    request: () => ({ path: `/v1/payroll/forms/${aminasForm().id}` }),
    expect: [401, 200, 403, 200, 403, 200, 403, 200],
  },
  {
    method: 'GET',
    route: '/v1/payroll/forms/:formId/document',
    what: 'download Amina’s form',
    request: () => ({ path: `/v1/payroll/forms/${aminasForm().id}/document?format=pdf` }),
    expect: [401, 200, 403, 200, 403, 200, 403, 200],
  },
  {
    method: 'GET',
    route: '/v1/payroll/territories/:territoryId/forms',
    what: 'list Marseille’s forms of March',
    request: () => ({ path: `/v1/payroll/territories/${marseille()}/forms?month=${MONTH}` }),
    expect: OFFICE,
  },
  {
    method: 'GET',
    route: '/v1/payroll/verifications/:code',
    what: 'verify Amina’s form by its code',
    request: () => ({ path: `/v1/payroll/verifications/${aminasForm().verificationCode}` }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/payroll/territories/:territoryId/runs',
    what: 'follow Marseille’s issuing runs',
    request: () => ({ path: `/v1/payroll/territories/${marseille()}/runs?month=${MONTH}` }),
    expect: OFFICE,
  },
  {
    method: 'GET',
    route: '/v1/payroll/runs/:runId',
    what: 'follow March’s run',
    request: () => ({ path: `/v1/payroll/runs/${f.run.id}` }),
    expect: OFFICE,
  },
  {
    method: 'GET',
    route: '/v1/payroll/organizations/:organizationId/forms',
    what: 'list Calanques Solaire’s employees’ forms',
    request: () => ({ path: `/v1/payroll/organizations/${calanques()}/forms?month=${MONTH}` }),
    expect: EMPLOYER,
  },
  {
    method: 'GET',
    route: '/v1/payroll/organizations/:organizationId/export-layout',
    what: 'read Calanques Solaire’s layout',
    request: () => ({ path: `/v1/payroll/organizations/${calanques()}/export-layout` }),
    expect: EMPLOYER,
  },
  {
    method: 'PUT',
    route: '/v1/payroll/organizations/:organizationId/export-layout',
    what: 'save Calanques Solaire’s layout',
    request: () => ({ path: `/v1/payroll/organizations/${calanques()}/export-layout`, body: LAYOUT, headers: { 'if-match': '"0"' } }),
    expect: EMPLOYER,
  },
  {
    method: 'GET',
    route: '/v1/payroll/organizations/:organizationId/exports/:month',
    what: 'download Calanques Solaire’s March export',
    request: () => ({ path: `/v1/payroll/organizations/${calanques()}/exports/${MONTH}?format=csv` }),
    expect: EMPLOYER,
  },
  {
    method: 'POST',
    route: '/v1/payroll/organizations/:organizationId/exports/:month/preview',
    what: 'preview Calanques Solaire’s March export',
    request: () => ({ path: `/v1/payroll/organizations/${calanques()}/exports/${MONTH}/preview`, body: { layout: LAYOUT, limit: 5 } }),
    expect: EMPLOYER,
  },
];

beforeAll(async () => {
  platform = await startPlatform();
  f = await createPayrollFixtures(platform, ['amina', 'lucas', 'claire', 'garlabanHr', 'marc', 'nadia', 'helene']);
}, 180_000);
afterAll(async () => {
  f?.close();
  await platform?.stop();
});

describe('who may call each payroll route', () => {
  it('has a row for every payroll route the gateway serves', () => {
    const served = allRoutes({} as never)
      .filter((route) => route.tag === 'payroll')
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort();
    expect(cases.map((c) => `${c.method} ${c.route}`).sort()).toEqual(served);
  });

  const rows = cases.flatMap((c) => ROLES.map((role, index) => [c.method, c.route, c.what, role, c.expect[index]!, c] as const));
  it.each(rows)('%s %s (%s) as %s answers %i', async (method, _route, _what, role, expected, testCase) => {
    const request = testCase.request();
    const token = role === 'anonymous' ? undefined : f.tokens[KEYS[role]];
    const response = await callApi(platform.gateway.url, token)(method, request.path, request.body, request.headers);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status: expected }));
    if (expected >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('never lists another person’s forms as mine, nor another employer’s employees', async () => {
    const mine = await callApi(platform.gateway.url, f.tokens.lucas)('GET', '/v1/payroll/me/forms');
    expect(new Set(mine.body.items.map((form: { personId: string }) => form.personId))).toEqual(new Set([f.world.people.lucas.id]));
    const garlaban = await callApi(platform.gateway.url, f.tokens.garlabanHr)(
      'GET',
      `/v1/payroll/organizations/${f.world.organizations.garlaban}/forms?month=${MONTH}`,
    );
    expect(garlaban.body.items.map((form: { personId: string; employerId: string }) => [form.personId, form.employerId])).toEqual([
      [f.world.people.lucas.id, f.world.organizations.garlaban],
    ]);
  });
});
