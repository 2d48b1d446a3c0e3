// Logging hours through the real gRPC API: each check refuses with its own code next to an entry
// it accepts, the last remaining hour under concurrent submissions, idempotency, changes.
import {
  approve,
  as,
  join,
  NO_PARTY,
  refusalOf,
  SKILLS,
  startTimesheets,
  submit,
  teamProject,
  terms,
  volunteer,
  YEAR,
  type TeamProject,
  type TimesheetsUnderTest,
} from './support.js';

let t: TimesheetsUnderTest;
let project: TeamProject;
let coordinator: string;

beforeAll(async () => {
  t = await startTimesheets();
  coordinator = t.world.people.jeanne.id;
  project = await teamProject(t.programs, t.world, coordinator);
}, 60_000);
afterAll(() => t.stop());

/** A volunteer of Marseille with a signed contract (or not), on the project's team. */
async function member(name: string, options: Parameters<typeof volunteer>[3] = {}) {
  const person = await volunteer(t.contracts, t.world, name, options);
  await join(t.programs, project, person.personId, coordinator);
  return person;
}

const log = (
  person: { personId: string; contractId: string },
  date: string,
  minutes: number,
  more: { competenceId?: string; projectId?: string } = {},
  key = '',
) =>
  submit(
    t.client,
    person.personId,
    { contractId: person.contractId, projectId: more.projectId ?? project.id, date, minutes, competenceId: more.competenceId },
    key,
  );

const codeOf = async (promise: Promise<unknown>) => (await refusalOf(promise)).code;

describe('each check refuses with its own code, next to an entry it accepts', () => {
  it('future_date: hours are logged once given, today at the latest', async () => {
    const ada = await member('Ada Future');
    expect(await codeOf(log(ada, `${YEAR + 1}-01-02`, 30))).toBe('future_date');
    // The contract's last week has two days (Monday 30 and Tuesday 31): 34 of its 120 minutes.
    expect((await log(ada, `${YEAR}-12-31`, 30)).status).toBe('ENTRY_STATUS_PENDING');
  });

  it('contract_not_signed: the contract is signed by every party', async () => {
    const bea = await member('Bea Unsigned', { sign: false });
    expect(await codeOf(log(bea, `${YEAR}-03-05`, 60))).toBe('contract_not_signed');
    await t.contracts.acceptVersion({ contractId: bea.contractId, version: 1, comment: '', party: NO_PARTY }, as(t.world.people.marc.id));
    expect((await log(bea, `${YEAR}-03-05`, 60)).minutes).toBe(60n);
  });

  it('contract_not_in_force: the date is within the contract’s period', async () => {
    const cleo = await member('Cleo Spring', { terms: { periodStart: `${YEAR}-03-01` } });
    const refused = await refusalOf(log(cleo, `${YEAR}-02-14`, 60));
    expect(refused).toMatchObject({ kind: 'conflict', code: 'contract_not_in_force' });
    expect(refused.fields).toEqual([{ field: 'date', message: expect.any(String) }]);
    expect((await log(cleo, `${YEAR}-03-05`, 60)).date).toBe(`${YEAR}-03-05`);
  });

  it('not_a_member: the person is on the project’s team', async () => {
    const dan = await volunteer(t.contracts, t.world, 'Dan Outsider');
    expect(await codeOf(log(dan, `${YEAR}-03-05`, 60))).toBe('not_a_member');
    await join(t.programs, project, dan.personId, coordinator);
    expect((await log(dan, `${YEAR}-03-05`, 60)).projectId).toBe(project.id);
  });

  it('project_not_open: the project was approved and is not over', async () => {
    const eve = await member('Eve Early');
    const proposed = await teamProject(t.programs, t.world, coordinator, 'proposed');
    await join(t.programs, proposed, eve.personId, coordinator);
    expect(await codeOf(log(eve, `${YEAR}-03-05`, 60, { projectId: proposed.id }))).toBe('project_not_open');
    expect((await log(eve, `${YEAR}-03-05`, 60)).projectId).toBe(project.id);
  });

  it('competence_not_agreed: the competence is one the contract agreed, or the need the person fills', async () => {
    const fay = await member('Fay Skills');
    const refused = await refusalOf(log(fay, `${YEAR}-03-04`, 30, { competenceId: SKILLS.gardening }));
    expect(refused).toMatchObject({ code: 'competence_not_agreed', fields: [{ field: 'competence_id', message: expect.any(String) }] });
    expect((await log(fay, `${YEAR}-03-04`, 30, { competenceId: SKILLS.firstAid })).competenceId).toBe(SKILLS.firstAid);
    expect((await log(fay, `${YEAR}-03-05`, 30, { competenceId: SKILLS.solar })).competenceId).toBe(SKILLS.solar);
  });

  it('period_closed: nothing is logged in a month closed for the person’s territory', async () => {
    const gus = await member('Gus Aubagne', { territory: 'aubagne' });
    await t.client.closePeriod(
      { territoryId: t.world.territories.aubagne, month: `${YEAR}-01`, carryPending: false },
      as(t.world.people.nadia.id),
    );
    expect(await codeOf(log(gus, `${YEAR}-01-15`, 60))).toBe('period_closed');
    expect((await log(gus, `${YEAR}-02-05`, 60)).territoryId).toBe(t.world.territories.aubagne);
  });

  it('blackout_day: a blackout day of the schedule allows nothing', async () => {
    const schedule = {
      weeklyAllowanceMinutes: 120n,
      blocks: [],
      blackouts: [{ startDate: `${YEAR}-07-01`, endDate: `${YEAR}-07-31`, reason: 'high season' }],
    };
    const hal = await member('Hal Summer', { terms: { schedule } });
    expect(await codeOf(log(hal, `${YEAR}-07-10`, 60))).toBe('blackout_day');
    expect((await log(hal, `${YEAR}-06-28`, 60)).status).toBe('ENTRY_STATUS_PENDING');
  });

  describe('a person with two contracts in force on the same day (one terminated at the end of April)', () => {
    let ivy: { personId: string; first: string; second: string };

    beforeAll(async () => {
      // Forty-eight hours a week allow 10 h a day (the schedule's daily cap) from January to June.
      const first = await member('Ivy Busy', {
        terms: {
          periodEnd: `${YEAR}-06-30`,
          yearlyMinutes: 96_420n,
          schedule: { weeklyAllowanceMinutes: 2_880n, blocks: [], blackouts: [] },
        },
      });
      await t.contracts.terminateContract(
        { contractId: first.contractId, endDate: `${YEAR}-04-30`, reason: 'changing job', party: NO_PARTY },
        as(first.personId),
      );
      const second = await t.contracts.proposeContract(
        {
          personId: first.personId,
          employerId: '',
          terms: terms({
            periodStart: `${YEAR}-04-01`,
            yearlyMinutes: 96_420n,
            competenceSkillIds: [SKILLS.firstAid],
            schedule: { weeklyAllowanceMinutes: 2_000n, blocks: [], blackouts: [] },
          }),
          comment: '',
          party: NO_PARTY,
          idempotencyKey: '',
        },
        as(first.personId),
      );
      await t.contracts.acceptVersion(
        { contractId: second.contract!.id, version: 1, comment: '', party: NO_PARTY },
        as(t.world.people.marc.id),
      );
      ivy = { personId: first.personId, first: first.contractId, second: second.contract!.id };
    });

    it('over_daily_allowance: a day’s entries stay within what the schedule allows that day (10 h)', async () => {
      const first = { personId: ivy.personId, contractId: ivy.first };
      expect(await codeOf(log(first, `${YEAR}-02-05`, 601))).toBe('over_daily_allowance');
      expect((await log(first, `${YEAR}-02-05`, 600)).minutes).toBe(600n);
    });

    it('over_12_hours_a_day: no more than 12 hours a day across the person’s entries and contracts', async () => {
      const first = { personId: ivy.personId, contractId: ivy.first };
      const second = { personId: ivy.personId, contractId: ivy.second };
      await log(first, `${YEAR}-04-02`, 600);
      const refused = await refusalOf(log(second, `${YEAR}-04-02`, 121));
      expect(refused).toMatchObject({ kind: 'conflict', code: 'over_12_hours_a_day' });
      expect(refused.message).toContain('12 h 01');
      expect((await log(second, `${YEAR}-04-02`, 120)).contractId).toBe(ivy.second);
    });
  });

  it('over_weekly_allowance: a week’s entries stay within the week’s allowance', async () => {
    const jo = await member('Jo Weekly');
    await log(jo, `${YEAR}-03-04`, 100);
    expect(await codeOf(log(jo, `${YEAR}-03-06`, 21))).toBe('over_weekly_allowance');
    expect((await log(jo, `${YEAR}-03-06`, 20)).minutes).toBe(20n);
  });
});

describe('the last remaining hour of the year', () => {
  let kim: { personId: string; contractId: string };

  beforeAll(async () => {
    // 230 minutes a week; 14 weeks logged (3,220 minutes), then an amendment lowers the year to
    // 3,280 minutes at one hour a week: one hour remains, which any week still allows.
    kim = await member('Kim Lasthour', {
      terms: { yearlyMinutes: 12_000n, schedule: { weeklyAllowanceMinutes: 230n, blocks: [], blackouts: [] } },
    });
    for (let week = 0; week < 14; week++) {
      const day = new Date(Date.UTC(YEAR, 0, 8 + week * 7)).toISOString().slice(0, 10);
      await log(kim, day, 230);
    }
    const amended = terms({
      yearlyMinutes: 3_280n,
      competenceSkillIds: [SKILLS.firstAid],
      schedule: { weeklyAllowanceMinutes: 60n, blocks: [], blackouts: [] },
    });
    await t.contracts.proposeTerms(
      { contractId: kim.contractId, baseVersion: 1, terms: amended, comment: 'less time this year', party: NO_PARTY },
      as(kim.personId),
    );
    await t.contracts.acceptVersion({ contractId: kim.contractId, version: 2, comment: '', party: NO_PARTY }, as(t.world.people.marc.id));
  }, 60_000);

  it('lets exactly one of four entries sent at once for it pass, each in a week that allows it', async () => {
    const weeks = [`${YEAR}-06-04`, `${YEAR}-06-11`, `${YEAR}-06-18`, `${YEAR}-06-25`];
    const outcomes = await Promise.allSettled(weeks.map((date) => log(kim, date, 60)));
    const passed = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code: string }).code] : []));
    expect(passed).toHaveLength(1);
    expect(refused).toEqual(['yearly_hours_exceeded', 'yearly_hours_exceeded', 'yearly_hours_exceeded']);
    const balance = await t.client.getBalance({ contractId: kim.contractId, date: `${YEAR}-06-04` }, as(kim.personId));
    expect(balance).toMatchObject({ yearlyMinutes: 3_280n, pendingMinutes: 3_280n, remainingMinutes: 0n });
  });

  it('yearly_hours_exceeded: counts approved and pending entries against the yearly minutes', async () => {
    const { entries } = await t.client.listMyEntries({ from: `${YEAR}-01-01`, to: `${YEAR}-01-31` }, as(kim.personId));
    await approve(t.client, coordinator, ...entries);
    const refused = await refusalOf(log(kim, `${YEAR}-07-02`, 1));
    expect(refused).toMatchObject({ code: 'yearly_hours_exceeded', fields: [{ field: 'minutes', message: expect.any(String) }] });
    expect(refused.message).toContain('Only 0 h 00 of the contract’s 54 h 40 remain');
    const balance = await t.client.getBalance({ contractId: kim.contractId, date: `${YEAR}-07-02` }, as(kim.personId));
    expect(balance).toMatchObject({ approvedMinutes: 4n * 230n, pendingMinutes: 3_280n - 4n * 230n, remainingMinutes: 0n });
  });
});

describe('a retried submission', () => {
  it('creates one entry for one Idempotency-Key, and refuses the key for another entry', async () => {
    const lou = await member('Lou Retry');
    const first = await log(lou, `${YEAR}-05-06`, 45, {}, 'retry-1');
    const again = await log(lou, `${YEAR}-05-06`, 45, {}, 'retry-1');
    expect(again).toEqual(first);
    const reused = await refusalOf(log(lou, `${YEAR}-05-07`, 45, {}, 'retry-1'));
    expect(reused).toMatchObject({ kind: 'conflict', code: 'idempotency_key_reused' });
    const together = await Promise.all([log(lou, `${YEAR}-05-08`, 30, {}, 'retry-2'), log(lou, `${YEAR}-05-08`, 30, {}, 'retry-2')]);
    expect(together[0]!.id).toBe(together[1]!.id);
    const { entries } = await t.client.listMyEntries({ from: `${YEAR}-05-01`, to: `${YEAR}-05-31` }, as(lou.personId));
    expect(entries.map((e) => [e.date, e.minutes])).toEqual([
      [`${YEAR}-05-06`, 45n],
      [`${YEAR}-05-08`, 30n],
    ]);
  });
});

describe('changing an entry', () => {
  it('changes a pending entry at the version seen, with the same checks, and refuses a stale version', async () => {
    const max = await member('Max Change');
    const entry = await log(max, `${YEAR}-09-03`, 60);
    const update = (version: number, minutes: number, date = entry.date) =>
      t.client.updateEntry(
        {
          entryId: entry.id,
          expectedVersion: version,
          projectId: project.id,
          date,
          minutes: BigInt(minutes),
          competenceId: SKILLS.firstAid,
          note: 'longer',
        },
        as(max.personId),
      );
    // The entry's own minutes do not count against its change: 120 fits the 2-hour week.
    expect(await update(1, 120)).toMatchObject({ version: 2, minutes: 120n, note: 'longer', status: 'ENTRY_STATUS_PENDING' });
    expect((await refusalOf(update(1, 90))).kind).toBe('stale');
    expect(await codeOf(update(2, 121))).toBe('over_daily_allowance');
    expect(await codeOf(update(2, 60, `${YEAR + 1}-01-05`))).toBe('future_date');
  });

  it('withdraws a pending entry, whose minutes may then be logged again; nobody else withdraws it', async () => {
    const ned = await member('Ned Withdraw');
    const entry = await log(ned, `${YEAR}-09-10`, 120);
    expect(await codeOf(t.client.withdrawEntry({ entryId: entry.id, expectedVersion: 1 }, as(coordinator)))).toBe('not_your_entry');
    expect((await t.client.withdrawEntry({ entryId: entry.id, expectedVersion: 1 }, as(ned.personId))).status).toBe(
      'ENTRY_STATUS_WITHDRAWN',
    );
    expect((await log(ned, `${YEAR}-09-11`, 120)).minutes).toBe(120n);
    const { entries } = await t.client.listMyEntries({ from: `${YEAR}-09-01`, to: `${YEAR}-09-30` }, as(ned.personId));
    expect(entries.map((e) => e.date)).toEqual([`${YEAR}-09-11`]);
  });

  it('never changes or withdraws an approved entry: an approval is final', async () => {
    const ola = await member('Ola Final');
    const [approved] = (await approve(t.client, coordinator, await log(ola, `${YEAR}-09-17`, 60))).entries;
    const change = t.client.updateEntry(
      {
        entryId: approved!.id,
        expectedVersion: approved!.version,
        projectId: project.id,
        date: approved!.date,
        minutes: 30n,
        competenceId: SKILLS.firstAid,
        note: '',
      },
      as(ola.personId),
    );
    expect(await codeOf(change)).toBe('entry_approved');
    expect(await codeOf(t.client.withdrawEntry({ entryId: approved!.id, expectedVersion: approved!.version }, as(ola.personId)))).toBe(
      'entry_approved',
    );
  });

  it('logs hours only under the person’s own contract', async () => {
    const pia = await member('Pia Own');
    const other = await member('Quinn Other');
    const refused = await refusalOf(
      submit(t.client, pia.personId, { contractId: other.contractId, projectId: project.id, date: `${YEAR}-09-03`, minutes: 30 }),
    );
    expect(refused).toMatchObject({ kind: 'forbidden', code: 'not_your_contract' });
  });
});
