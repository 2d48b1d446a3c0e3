// A world for the timesheets tests, on top of the contracts world: projects with a coordinator, a
// co-manager and contributors filling their needs, people with signed SAR contracts, and helpers
// to log and decide hours through the real gRPC APIs. Timesheets runs at NOW, the last day of
// YEAR: every date of the contracts' year is past, and every month of it but December is over.
import { randomUUID } from 'node:crypto';
import { toProtoEnum, type ServiceClient } from '@e21/kit';
import type { TermsInput } from '@e21/proto/e21/contracts/v1/contracts';
import type { Project, ProjectKind, ProjectStatus, TeamRole } from '@e21/proto/e21/programs/v1/programs';
import type { TimeEntry, TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import {
  as,
  NO_PARTY,
  SKILLS,
  terms,
  YEAR,
  type ContractsClient,
  type ContractsWorld,
  type ProgramsClient,
  type TerritoryName,
} from './contracts-world.js';

export type TimesheetsClient = ServiceClient<typeof TimesheetsServiceService>;

/** The timesheets clock in tests: noon on the last day of the contracts' year. */
export const NOW = new Date(`${YEAR}-12-31T12:00:00Z`);

export interface TeamProject {
  id: string;
  /** The needs' ids: [solar panel installation, urban gardening]. */
  needIds: [string, string];
}

/**
 * A project of Marseille in the status asked (approved by Marc when it gets that far), coordinated
 * by `coordinator`, with two needs large enough for every member of a test file.
 */
export async function teamProject(
  programs: ProgramsClient,
  world: ContractsWorld,
  coordinator: string,
  status: 'proposed' | 'approved' | 'active' = 'active',
  challengeIds: string[] = [],
): Promise<TeamProject> {
  let project: Project = await programs.createProject(
    {
      territoryId: world.territories.marseille,
      title: `Solar roofs ${randomUUID().slice(0, 4)}`,
      description: 'Solar panels on the roofs of three schools, with the parents.',
      kind: toProtoEnum<ProjectKind>('PROJECT_KIND', 'general_interest'),
      challengeIds,
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR}-12-31`,
      needs: [
        { id: '', skillId: SKILLS.solar, neededMinutes: 100_000, startDate: '', endDate: '' },
        { id: '', skillId: SKILLS.gardening, neededMinutes: 100_000, startDate: '', endDate: '' },
      ],
      language: 'en',
    },
    as(coordinator),
  );
  const steps: [string, string][] =
    status === 'proposed'
      ? [['proposed', coordinator]]
      : [
          ['proposed', coordinator],
          ['approved', world.people.marc.id],
        ];
  if (status === 'active') steps.push(['active', coordinator]);
  for (const [to, by] of steps) {
    project = await programs.changeProjectStatus(
      { id: project.id, status: toProtoEnum<ProjectStatus>('PROJECT_STATUS', to), reason: '', language: 'en' },
      as(by),
    );
  }
  return { id: project.id, needIds: [project.needs[0]!.id, project.needs[1]!.id] };
}

/** The person asks to join the project on a need, the coordinator accepts; optionally made co-manager. */
export async function join(
  programs: ProgramsClient,
  project: TeamProject,
  personId: string,
  coordinator: string,
  options: { need?: 0 | 1; coManager?: boolean } = {},
): Promise<void> {
  const request = await programs.requestToJoin(
    { projectId: project.id, needId: project.needIds[options.need ?? 0], minutes: 600, message: '', idempotencyKey: '' },
    as(personId),
  );
  await programs.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(coordinator));
  if (options.coManager)
    await programs.setMemberRole(
      { projectId: project.id, personId, role: toProtoEnum<TeamRole>('TEAM_ROLE', 'co_manager') },
      as(coordinator),
    );
}

/**
 * A volunteer living in `territory` (two parties: no employer) whose contract the territory's
 * officer signed; the terms default to YEAR with 2 hours a week and first aid agreed.
 */
export async function volunteer(
  contracts: ContractsClient,
  world: ContractsWorld,
  name: string,
  options: { territory?: TerritoryName; terms?: Partial<TermsInput>; sign?: boolean } = {},
): Promise<{ personId: string; contractId: string }> {
  const territory = options.territory ?? 'marseille';
  const person = await world.person(name, territory, 'volunteer', { competences: [SKILLS.firstAid] });
  const officer = territory === 'aubagne' ? world.people.nadia.id : world.people.marc.id;
  const opened = await contracts.proposeContract(
    {
      personId: person.id,
      employerId: '',
      terms: terms({ competenceSkillIds: [SKILLS.firstAid], ...options.terms }),
      comment: '',
      party: NO_PARTY,
      idempotencyKey: '',
    },
    as(person.id),
  );
  const contractId = opened.contract!.id;
  if (options.sign !== false) await contracts.acceptVersion({ contractId, version: 1, comment: '', party: NO_PARTY }, as(officer));
  return { personId: person.id, contractId };
}

export interface EntryFields {
  contractId: string;
  projectId: string;
  date: string;
  minutes: number;
  competenceId?: string;
  note?: string;
}

export const entryInput = (fields: EntryFields) => ({
  contractId: fields.contractId,
  projectId: fields.projectId,
  date: fields.date,
  minutes: BigInt(fields.minutes),
  competenceId: fields.competenceId ?? SKILLS.firstAid,
  note: fields.note ?? '',
});

export function submit(timesheets: TimesheetsClient, personId: string, fields: EntryFields, idempotencyKey = ''): Promise<TimeEntry> {
  return timesheets.submitEntry({ entry: entryInput(fields), idempotencyKey }, as(personId));
}

export const approve = (timesheets: TimesheetsClient, validator: string, ...entries: TimeEntry[]) =>
  timesheets.approveEntries({ entries: entries.map((e) => ({ entryId: e.id, version: e.version })), reason: '' }, as(validator));

export const reject = (timesheets: TimesheetsClient, validator: string, reason: string, ...entries: TimeEntry[]) =>
  timesheets.rejectEntries({ entries: entries.map((e) => ({ entryId: e.id, version: e.version })), reason }, as(validator));
