// Every resource with a version has the ETag "<version>", which If-Match takes back as sent (strong
// or weak): people, projects, challenges, programs, contracts, commitments, entries, currency
// settings, export layouts. And list responses fill every name they carry an id for.
import { toProtoEnum } from '@e21/kit';
import type { Role, ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import { startPlatform, SYSTEM, type Platform } from '../../tests/support/platform.js';
import { callApi, createPayrollFixtures, type PayrollFixtures } from './payroll-support.js';

let platform: Platform;
let f: PayrollFixtures;
type Call = ReturnType<typeof callApi>;
let amina: Call;
let claire: Call;
let marc: Call;
let helene: Call;

beforeAll(async () => {
  platform = await startPlatform();
  f = await createPayrollFixtures(platform, ['amina', 'claire', 'marc', 'helene']);
  // Hélène runs the currency of the region (and Bouches-du-Rhône below it).
  await platform.identityClient.grantRole(
    {
      grantee: `person:${f.world.people.helene.id}`,
      role: toProtoEnum<Role>('ROLE', 'treasury_officer'),
      scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
      scopeId: f.world.territories.paca,
    },
    SYSTEM,
  );
  amina = callApi(platform.gateway.url, f.tokens.amina);
  claire = callApi(platform.gateway.url, f.tokens.claire);
  marc = callApi(platform.gateway.url, f.tokens.marc);
  helene = callApi(platform.gateway.url, await platform.tokenFor(f.world.people.helene.email));
}, 240_000);
afterAll(async () => {
  f?.close();
  await platform?.stop();
});

type Response = Awaited<ReturnType<Call>>;

/** The ETag, checked to be the quoted version the body shows. */
function etagOf(response: Response, version: number): string {
  expect(response.status).toBeLessThan(300);
  const etag = response.headers.get('etag');
  expect(etag).toBe(`"${version}"`);
  return etag!;
}

const weak = (etag: string) => `W/${etag}`;

describe('ETag is the version, and If-Match takes it as sent', () => {
  it('my profile: PATCH /v1/me takes the ETag of GET /v1/me, strong or weak; a stale one is refused', async () => {
    const me = await amina('GET', '/v1/me');
    const first = etagOf(me, me.body.person.version);
    const renamed = await amina('PATCH', '/v1/me', { name: 'Amina Haddad-Rossi' }, { 'if-match': first });
    const second = etagOf(renamed, me.body.person.version + 1);
    etagOf(await amina('PATCH', '/v1/me', { name: 'Amina Haddad' }, { 'if-match': weak(second) }), me.body.person.version + 2);
    expect((await amina('PATCH', '/v1/me', { name: 'Amina H.' }, { 'if-match': first })).status).toBe(412);
    // The version validates writes, not caches: the profile also shows competences and roles.
    const revalidated = await amina('GET', '/v1/me', undefined, { 'if-none-match': `"${me.body.person.version + 2}"` });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('cache-control')).toBe('no-store');
    etagOf(await amina('GET', `/v1/people/${f.world.people.amina.id}`), me.body.person.version + 2);
  });

  it('a project: its ETag on creation, reading, editing and moving it', async () => {
    const body = {
      territoryId: f.world.territories.marseille,
      title: 'Repair café',
      kind: 'general_interest',
      startDate: '2030-04-01',
      endDate: '2030-10-31',
      needs: [{ skillId: 'urn:e21:skill:first-aid', neededMinutes: 600 }],
    };
    const created = await amina('POST', '/v1/projects', body);
    const path = `/v1/projects/${created.body.id}`;
    etagOf(created, 1);
    const etag = etagOf(await amina('GET', path), 1);
    const edited = await amina(
      'PUT',
      path,
      {
        ...body,
        title: 'Repair café du Panier',
        needs: [{ id: created.body.needs[0].id, skillId: 'urn:e21:skill:first-aid', neededMinutes: 600 }],
      },
      { 'if-match': etag },
    );
    const proposed = await amina('POST', `${path}/status`, { status: 'proposed' }, { 'if-match': weak(etagOf(edited, 2)) });
    etagOf(proposed, 3);
  });

  it('a challenge and a local program', async () => {
    const challenge = await marc('POST', '/v1/challenges', {
      territoryId: f.world.territories.marseille,
      title: 'Cool islands',
      sdgs: [11],
    });
    const path = `/v1/challenges/${challenge.body.id}`;
    const etag = etagOf(await marc('GET', path), 1);
    etagOf(await marc('PUT', path, { title: 'Cool islands in schools', sdgs: [11, 13] }, { 'if-match': weak(etag) }), 2);

    const program = { territoryId: f.world.territories.marseille, year: 2030, projectIds: [f.world.projects.solar.id] };
    const drafted = await marc('POST', '/v1/programs', program);
    etagOf(drafted, 1);
    const etagRead = etagOf(await marc('GET', `/v1/programs/${drafted.body.id}`), 1);
    const redrafted = await marc(
      'POST',
      '/v1/programs',
      { ...program, projectIds: [f.world.projects.solar.id, f.world.projects.garden.id] },
      { 'if-match': etagRead },
    );
    etagOf(redrafted, 2);
  });

  it('a time entry: changed and withdrawn with the ETag it was created or read with', async () => {
    const entry = {
      contractId: f.world.contracts.amina,
      projectId: f.world.projects.solar.id,
      date: '2030-05-06',
      minutes: 30,
      competenceId: 'urn:e21:skill:solar-panel-installation',
      note: 'Wiring',
    };
    const created = await amina('POST', '/v1/timesheets/entries', entry);
    const path = `/v1/timesheets/entries/${created.body.id}`;
    const etag = etagOf(created, created.body.version);
    expect(etagOf(await amina('GET', path), created.body.version)).toBe(etag);
    const changed = await amina(
      'PUT',
      path,
      { projectId: entry.projectId, date: entry.date, minutes: 45, competenceId: entry.competenceId, note: 'Wiring and testing' },
      { 'if-match': etag },
    );
    const withdrawn = await amina('DELETE', path, undefined, { 'if-match': weak(etagOf(changed, created.body.version + 1)) });
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('a contract: its ETag is the latest version, which an amendment is based on and the other parties accept', async () => {
    const path = `/v1/contracts/${f.world.contracts.amina}`;
    const contract = await amina('GET', path);
    const etag = etagOf(contract, contract.body.contract.latestVersion);
    const terms = {
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      yearlyMinutes: 7_200,
      competences: [],
      schedule: { weeklyAllowanceMinutes: 120 },
      preferredProjectIds: [],
    };
    const amended = await amina('POST', `${path}/versions`, { terms, comment: 'A little more' }, { 'if-match': etag });
    const next = etagOf(amended, contract.body.contract.latestVersion + 1);
    const accepted = await claire('POST', `${path}/acceptances`, {}, { 'if-match': next });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('etag')).toBe(next);
  });

  it('an employer’s commitment, its dashboard and its export layout', async () => {
    const path = `/v1/organizations/${f.world.organizations.calanques}/commitments/2030`;
    const report = await claire('GET', path);
    const etag = etagOf(report, report.body.commitment.version);
    etagOf(await claire('PUT', path, { basis: 'absolute', minutes: 250_000 }, { 'if-match': etag }), report.body.commitment.version + 1);

    const layoutPath = `/v1/payroll/organizations/${f.world.organizations.calanques}/export-layout`;
    const layout = await claire('GET', layoutPath);
    const saved = await claire(
      'PUT',
      layoutPath,
      { columns: [{ key: 'employee_reference', header: 'Matricule' }, { key: 'sar_hours' }], separator: 'semicolon', decimalComma: true },
      { 'if-match': etagOf(layout, 0) },
    );
    etagOf(saved, 1);
  });

  it('a currency’s settings', async () => {
    const path = `/v1/territories/${f.world.territories.bouchesDuRhone}/currency`;
    const currency = await helene('GET', path);
    const etag = etagOf(currency, currency.body.version);
    const settings = {
      code: currency.body.code,
      name: currency.body.name,
      minorUnits: currency.body.minorUnits,
      ratePerHourMinor: 1_100,
      redemptionFeeBasisPoints: 400,
    };
    etagOf(await helene('PUT', path, settings, { 'if-match': weak(etag) }), currency.body.version + 1);
    expect((await helene('PUT', path, settings, { 'if-match': etag })).status).toBe(412);
  });
});

/** Paths of every `<x>Id` that has a `<x>Name` or `<x>Title` beside it left empty. */
function missingNames(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => missingNames(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const missing = Object.entries(record).flatMap(([key, id]) => {
    if (!key.endsWith('Id') || typeof id !== 'string' || !id) return [];
    const base = key.slice(0, -2);
    return [`${base}Name`, `${base}Title`].filter((name) => name in record && !record[name]).map((name) => `${path}.${name}`);
  });
  return [...missing, ...Object.entries(record).flatMap(([key, child]) => missingNames(child, `${path}.${key}`))];
}

describe('names in lists', () => {
  it('fills the coordinator’s name in every list of projects', async () => {
    const marseille = f.world.territories.marseille;
    const lists = [
      await amina('GET', `/v1/projects?territoryId=${marseille}`),
      await amina('GET', '/v1/me/projects'),
      await marc('GET', `/v1/project-approvals?territoryId=${marseille}`),
      await marc('GET', `/v1/program-candidates?territoryId=${marseille}&year=2030`),
    ];
    for (const list of lists) {
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const project of list.body.items)
        expect(project.coordinatorName).toEqual(expect.stringMatching(/^(Paul Coordinateur|Amina Haddad)$/));
    }
    const suggestions = await amina('GET', '/v1/me/project-suggestions');
    for (const suggestion of suggestions.body.items) expect(suggestion.project.coordinatorName).toBeTruthy();
  });

  it('leaves no name or title empty beside its id in the lists people read', async () => {
    const { marseille } = f.world.territories;
    const { calanques } = f.world.organizations;
    const reads: [Call, string][] = [
      [amina, `/v1/projects?territoryId=${marseille}`],
      [amina, `/v1/challenges?territoryId=${marseille}`],
      [amina, `/v1/programs?territoryId=${marseille}`],
      [amina, `/v1/projects/${f.world.projects.solar.id}/members`],
      [amina, '/v1/contracts'],
      [amina, '/v1/wallet'],
      [amina, '/v1/payroll/me/forms'],
      [amina, `/v1/timesheets/entries?from=2030-03-01&to=2030-03-31`],
      [claire, `/v1/organizations/${calanques}/members`],
      [claire, `/v1/payroll/organizations/${calanques}/forms?month=2030-03`],
      [marc, `/v1/payroll/territories/${marseille}/forms?month=2030-03`],
      [marc, `/v1/project-approvals?territoryId=${marseille}`],
    ];
    for (const [who, path] of reads) {
      const response = await who('GET', path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect({ path, missing: missingNames(response.body) }).toEqual({ path, missing: [] });
    }
  });
});
