// The large demo, scaled down, on the local stack as npm start -- --demo=large runs it: what it
// says it loaded is what each service holds, and a second start on the same data loads nothing again.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, type Pool } from '@e21/kit';
import { freeStackPorts, startLocalStack, type LargeDemoSizes, type LocalStack, type StackPorts } from '@e21/deploy';
import { testSecrets, waitFor } from '@e21/devinfra';

const SIZES: LargeDemoSizes = { localities: 3, people: 60, organizations: 8, projects: 5, months: 3 };

let dataDir: string;
let ports: StackPorts;
let stack: LocalStack;
const pools = new Map<string, Pool>();

const start = () => startLocalStack({ platformSecrets: testSecrets(), dataDir, ports, demo: { large: SIZES }, logLevel: 'warn' });

/** Rows of a service's database (its pool opened on first use, for the stack running now). */
async function rowsOf<R extends object>(service: string, sql: string, params: unknown[] = []): Promise<R[]> {
  if (!pools.has(service)) pools.set(service, createPool(stack.databaseUrl(`e21_${service}`), 2));
  return (await pools.get(service)!.query<R>(sql, params)).rows;
}

const count = async (service: string, sql: string, params: unknown[] = []) =>
  Number((await rowsOf<{ n: string }>(service, sql, params))[0]!.n);

/** The large demo's localities: the communes it adds under Bouches-du-Rhône, by their fixed ids. */
const localities = async () =>
  (await rowsOf<{ id: string }>('identity', "select id from territories where id::text like 'a2100000-0000-4000-8001-%'")).map((r) => r.id);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-large-'));
  ports = await freeStackPorts();
  stack = await start();
}, 180_000);

afterAll(async () => {
  for (const pool of pools.values()) await pool.end();
  await stack?.stop();
}, 60_000);

it('says it loaded a department of the sizes asked for', () => {
  const large = stack.demo!.large!;
  expect(large.sizes).toEqual(SIZES);
  expect(large.counts).toEqual(
    expect.objectContaining({ localities: 3, people: 60, organizations: 8 + 2 * 3, projects: 5, closedPeriods: 3 * 2 }),
  );
  expect(large.counts.entries.approved).toBeGreaterThan(large.counts.entries.pending);
  expect(large.accounts.length).toBeGreaterThanOrEqual(4);
});

it('holds in each service what it says it loaded', async () => {
  const { counts } = stack.demo!.large!;
  const ids = await localities();
  expect(ids).toHaveLength(counts.localities);
  expect(await count('identity', "select count(*) as n from people where email like '%@large.demo.e21.eu'")).toBe(counts.people);
  expect(await count('identity', 'select count(*) as n from organizations where territory_id = any($1)', [ids])).toBe(counts.organizations);
  expect(await count('programs', 'select count(*) as n from projects where territory_id = any($1)', [ids])).toBe(counts.projects);
  const members = `select count(*) as n from project_members m join projects p on p.id = m.project_id
    where p.territory_id = any($1) and m.role <> 'coordinator'`;
  expect(await count('programs', members, [ids])).toBe(counts.members);
  expect(
    await count('contracts', "select count(*) as n from contracts where office_territory_id = any($1) and status = 'signed'", [ids]),
  ).toBe(counts.contracts);
  const entries = (status: string) =>
    count('timesheets', 'select count(*) as n from entries where territory_id = any($1) and status = $2', [ids, status]);
  expect(await entries('approved')).toBe(counts.entries.approved);
  expect(await entries('pending')).toBe(counts.entries.pending);
  expect(await entries('rejected')).toBe(counts.entries.rejected);
  expect(await count('timesheets', 'select count(*) as n from periods where territory_id = any($1)', [ids])).toBe(counts.closedPeriods);
});

it('pays every approved hour and issues a form per person and closed month with approved hours', async () => {
  const { counts } = stack.demo!.large!;
  const ids = await localities();
  const approved = (
    await rowsOf<{ id: string }>('timesheets', "select id from entries where territory_id = any($1) and status = 'approved'", [ids])
  ).map((r) => r.id);
  // Currency pays this month's approvals too, a moment after they are made.
  const paid = () => count('currency', "select count(*) as n from transfers where kind = 'hours' and entry_id = any($1)", [approved]);
  await waitFor(async () => (await paid()) === approved.length, {
    timeoutMs: 30_000,
    what: 'the pay of every approved entry',
  });
  const closedMonths = `select count(distinct (person_id, month)) as n from entries e
    where territory_id = any($1) and status = 'approved'
      and exists (select 1 from periods p where p.territory_id = e.territory_id and p.month = e.month)`;
  const expected = await count('timesheets', closedMonths, [ids]);
  expect(expected).toBeGreaterThan(0);
  expect(await count('payroll', 'select count(distinct (person_id, month)) as n from forms where territory_id = any($1)', [ids])).toBe(
    expected,
  );
  expect(counts.formsIssued).toBe(await count('payroll', 'select count(*) as n from forms where territory_id = any($1)', [ids]));
});

it('loads nothing again when the stack starts again on the same data', async () => {
  const before = stack.demo!.large!;
  for (const pool of pools.values()) await pool.end();
  pools.clear();
  await stack.stop();
  stack = await start();
  expect(stack.demo!.seededNow).toBe(false);
  expect(stack.demo!.large).toEqual(before);
  expect(await count('identity', "select count(*) as n from people where email like '%@large.demo.e21.eu'")).toBe(before.counts.people);
}, 120_000);
