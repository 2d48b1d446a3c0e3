// Validating hours through the real gRPC API: who approves and rejects, corrections and
// resubmission, decisions on many entries at once, the queue, and the events each decision writes.
import { timesheetsEvents } from '@e21/events';
import { EntryStatus } from '@e21/proto/e21/timesheets/v1/timesheets';
import {
  approve,
  as,
  join,
  refusalOf,
  reject,
  SKILLS,
  startTimesheets,
  submit,
  SYSTEM,
  teamProject,
  volunteer,
  YEAR,
  type TeamProject,
  type TimesheetsUnderTest,
} from './support.js';

let t: TimesheetsUnderTest;
let project: TeamProject;
let coordinator: string;
/** A co-manager who also logs hours; two contributors. */
let rita: { personId: string; contractId: string };
let sam: { personId: string; contractId: string };
let tom: { personId: string; contractId: string };

beforeAll(async () => {
  t = await startTimesheets();
  coordinator = t.world.people.jeanne.id;
  project = await teamProject(t.programs, t.world, coordinator);
  const [r, s, o] = await Promise.all(
    ['Rita Comanager', 'Sam Contributor', 'Tom Contributor'].map((name) => volunteer(t.contracts, t.world, name)),
  );
  [rita, sam, tom] = [r!, s!, o!];
  await join(t.programs, project, rita.personId, coordinator, { coManager: true });
  await join(t.programs, project, sam.personId, coordinator);
  await join(t.programs, project, tom.personId, coordinator);
}, 60_000);
afterAll(() => t.stop());

const log = (person: { personId: string; contractId: string }, date: string, minutes: number) =>
  submit(t.client, person.personId, { contractId: person.contractId, projectId: project.id, date, minutes });
const codeOf = async (promise: Promise<unknown>) => (await refusalOf(promise)).code;

async function outbox(subject: string): Promise<{ type: string; payload: Buffer }[]> {
  const { rows } = await t.service.pool.query<{ type: string; payload: Buffer }>(
    'select type, payload from outbox where subject = $1 order by seq',
    [subject],
  );
  return rows;
}

describe('who validates hours', () => {
  it('lets the coordinator or a co-manager approve; never a contributor, never the person themselves', async () => {
    const entry = await log(sam, `${YEAR}-02-04`, 60);
    expect(await refusalOf(approve(t.client, tom.personId, entry))).toMatchObject({ kind: 'forbidden', code: 'not_a_validator' });
    expect(await refusalOf(approve(t.client, sam.personId, entry))).toMatchObject({ kind: 'forbidden', code: 'own_hours' });
    expect(await codeOf(approve(t.client, t.world.people.marc.id, entry))).toBe('not_a_validator');
    const [approved] = (await approve(t.client, rita.personId, entry)).entries;
    expect(approved).toMatchObject({ status: 'ENTRY_STATUS_APPROVED', version: 2, decidedBy: `person:${rita.personId}` });
  });

  it('has a co-manager’s own hours validated by the coordinator, not by themselves', async () => {
    const own = await log(rita, `${YEAR}-02-05`, 45);
    expect(await codeOf(approve(t.client, rita.personId, own))).toBe('own_hours');
    expect((await approve(t.client, coordinator, own)).entries[0]!.status).toBe('ENTRY_STATUS_APPROVED');
  });
});

describe('rejection and correction', () => {
  it('rejects with a reason, takes the corrected entry back as pending, then approves it', async () => {
    const entry = await log(sam, `${YEAR}-02-11`, 90);
    expect(await refusalOf(reject(t.client, coordinator, '  ', entry))).toMatchObject({ kind: 'invalid', code: 'reason_required' });
    const [rejected] = (await reject(t.client, coordinator, 'You were at the site on Tuesday, not Monday', entry)).entries;
    expect(rejected).toMatchObject({
      status: 'ENTRY_STATUS_REJECTED',
      version: 2,
      rejectionReason: 'You were at the site on Tuesday, not Monday',
    });
    expect(await codeOf(approve(t.client, coordinator, rejected!))).toBe('entry_rejected');

    const corrected = await t.client.updateEntry(
      {
        entryId: entry.id,
        expectedVersion: 2,
        projectId: project.id,
        date: `${YEAR}-02-12`,
        minutes: 90n,
        competenceId: SKILLS.firstAid,
        note: 'Tuesday indeed',
      },
      as(sam.personId),
    );
    expect(corrected).toMatchObject({
      status: 'ENTRY_STATUS_PENDING',
      version: 3,
      date: `${YEAR}-02-12`,
      rejectionReason: '',
      decidedBy: '',
    });
    expect((await approve(t.client, coordinator, corrected)).entries[0]!.status).toBe('ENTRY_STATUS_APPROVED');
    expect((await outbox(entry.id)).map((e) => e.type)).toEqual([
      'timesheets.entry.submitted',
      'timesheets.entry.rejected',
      'timesheets.entry.submitted',
      'timesheets.entry.approved',
    ]);
  });

  it('makes an approval final: an approved entry is never rejected afterwards', async () => {
    const [approved] = (await approve(t.client, coordinator, await log(sam, `${YEAR}-02-18`, 30))).entries;
    expect(await refusalOf(reject(t.client, coordinator, 'changed my mind', approved!))).toMatchObject({
      kind: 'conflict',
      code: 'entry_approved',
    });
  });
});

describe('many entries at once', () => {
  it('approves all of them or none: one stale version leaves every entry pending', async () => {
    const entries = [await log(tom, `${YEAR}-03-04`, 30), await log(tom, `${YEAR}-03-05`, 30), await log(tom, `${YEAR}-03-06`, 30)];
    const request = (versions: number[]) => ({ entries: entries.map((e, i) => ({ entryId: e.id, version: versions[i]! })), reason: '' });
    const refused = await refusalOf(t.client.approveEntries(request([1, 7, 1]), as(coordinator)));
    expect(refused).toMatchObject({ kind: 'stale', fields: [{ field: 'entries.1', message: expect.any(String) }] });
    const { entries: mine } = await t.client.listMyEntries({ from: `${YEAR}-03-04`, to: `${YEAR}-03-06` }, as(tom.personId));
    expect(mine.map((e) => e.status)).toEqual(['ENTRY_STATUS_PENDING', 'ENTRY_STATUS_PENDING', 'ENTRY_STATUS_PENDING']);

    const approved = await t.client.approveEntries(request([1, 1, 1]), as(coordinator));
    expect(approved.entries.map((e) => [e.id, e.status])).toEqual(entries.map((e) => [e.id, 'ENTRY_STATUS_APPROVED']));
    // The same request again (a retry) changes nothing and writes no second event.
    expect(await t.client.approveEntries(request([1, 1, 1]), as(coordinator))).toEqual(approved);
    expect((await outbox(entries[0]!.id)).map((e) => e.type)).toEqual(['timesheets.entry.submitted', 'timesheets.entry.approved']);
  });

  it('refuses a batch naming an entry twice, or none, or more than 200', async () => {
    const entry = await log(tom, `${YEAR}-03-11`, 20);
    const twice = {
      entries: [
        { entryId: entry.id, version: 1 },
        { entryId: entry.id, version: 1 },
      ],
      reason: '',
    };
    expect((await refusalOf(t.client.approveEntries(twice, as(coordinator)))).fields[0]!.field).toBe('entries.1.entry_id');
    expect((await refusalOf(t.client.approveEntries({ entries: [], reason: '' }, as(coordinator)))).fields[0]!.field).toBe('entries');
    const many = { entries: Array.from({ length: 201 }, () => ({ entryId: entry.id, version: 1 })), reason: '' };
    expect((await refusalOf(t.client.approveEntries(many, as(coordinator)))).fields[0]!.field).toBe('entries');
  });
});

describe('the validation queue', () => {
  it('lists other people’s pending entries on the projects the caller validates, page by page', async () => {
    const a = await log(sam, `${YEAR}-04-01`, 15);
    const b = await log(rita, `${YEAR}-04-02`, 15);
    const ofCoordinator = await t.client.listValidationQueue(
      { projectId: '', status: EntryStatus.ENTRY_STATUS_UNSPECIFIED, limit: 200, cursor: '' },
      as(coordinator),
    );
    expect(ofCoordinator.entries.map((e) => e.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ofCoordinator.entries.every((e) => e.status === 'ENTRY_STATUS_PENDING')).toBe(true);
    const ofRita = await t.client.listValidationQueue(
      { projectId: project.id, status: EntryStatus.ENTRY_STATUS_UNSPECIFIED, limit: 200, cursor: '' },
      as(rita.personId),
    );
    expect(ofRita.entries.map((e) => e.id)).toContain(a.id);
    expect(ofRita.entries.map((e) => e.personId)).not.toContain(rita.personId);
    expect(
      (
        await t.client.listValidationQueue(
          { projectId: '', status: EntryStatus.ENTRY_STATUS_UNSPECIFIED, limit: 10, cursor: '' },
          as(tom.personId),
        )
      ).entries,
    ).toEqual([]);
    expect(
      await codeOf(
        t.client.listValidationQueue(
          { projectId: project.id, status: EntryStatus.ENTRY_STATUS_UNSPECIFIED, limit: 10, cursor: '' },
          as(tom.personId),
        ),
      ),
    ).toBe('not_a_validator');

    const first = await t.client.listValidationQueue(
      { projectId: project.id, status: EntryStatus.ENTRY_STATUS_UNSPECIFIED, limit: 1, cursor: '' },
      as(coordinator),
    );
    const second = await t.client.listValidationQueue(
      { projectId: project.id, status: EntryStatus.ENTRY_STATUS_UNSPECIFIED, limit: 1, cursor: first.nextCursor },
      as(coordinator),
    );
    expect(first.entries).toHaveLength(1);
    expect(second.entries[0]!.id).not.toBe(first.entries[0]!.id);
    expect(
      await codeOf(
        t.client.listValidationQueue(
          { projectId: '', status: EntryStatus.ENTRY_STATUS_UNSPECIFIED, limit: 1, cursor: 'WyJ4Il0' },
          as(coordinator),
        ),
      ),
    ).toBe('invalid_cursor');
  });

  it('shows an entry to its person, the project’s validators and services, not to other contributors', async () => {
    const entry = await log(sam, `${YEAR}-04-08`, 15);
    for (const reader of [sam.personId, coordinator, rita.personId])
      expect((await t.client.getEntry({ id: entry.id }, as(reader))).id).toBe(entry.id);
    expect((await t.client.getEntry({ id: entry.id }, SYSTEM)).id).toBe(entry.id);
    expect(await codeOf(t.client.getEntry({ id: entry.id }, as(tom.personId)))).toBe('forbidden');
  });
});

describe('what an approval announces', () => {
  it('writes timesheets.entry.approved with the entry’s facts and who approved it, in the decision’s transaction', async () => {
    const entry = await log(sam, `${YEAR}-04-15`, 75);
    await approve(t.client, rita.personId, entry);
    const approved = (await outbox(entry.id)).find((e) => e.type === 'timesheets.entry.approved')!;
    expect(timesheetsEvents.entryApproved.codec.decode(approved.payload)).toEqual({
      entry: {
        entryId: entry.id,
        personId: sam.personId,
        contractId: sam.contractId,
        employerId: '',
        projectId: project.id,
        date: `${YEAR}-04-15`,
        minutes: 75n,
        competenceId: SKILLS.firstAid,
        territoryId: t.world.territories.marseille,
        month: `${YEAR}-04`,
      },
      approvedBy: `person:${rita.personId}`,
      approvedAt: `${YEAR}-12-31T12:00:00.000Z`,
    });
  });
});
