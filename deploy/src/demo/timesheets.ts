// The timesheets demo: hours over the last two months under the demo contracts (Amina on the solar
// roofs, Jeanne planting trees in school yards, Léa on the Ziguinchor schools), validated by the
// projects' coordinators and co-managers: approved, pending, one rejected; last month closed in
// Marseille by Marc, with Jeanne's last pending entry carried to this month. Each made through the
// gRPC APIs by the people who would do it; an entry the calendar does not allow (a blackout, a
// month before the contracts' year) is left out.
import { Refused, type ServiceClient } from '@e21/kit';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { ProgramsServiceService, type Project } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService, type TimeEntry } from '@e21/proto/e21/timesheets/v1/timesheets';
import type { PersonKey } from './data.js';
import { as, clientOf, type DemoWorld, type Targets } from './world.js';

type Timesheets = ServiceClient<typeof TimesheetsServiceService>;
type Programs = ServiceClient<typeof ProgramsServiceService>;
type Contracts = ServiceClient<typeof ContractsServiceService>;

const DAY_MS = 86_400_000;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface Logger {
  who: PersonKey;
  /** The start of the demo project's title, as the programs demo names it. */
  project: string;
  coordinator: PersonKey;
  validator: PersonKey;
  /** The need they fill (when their contract agreed no competence for it), by skill. */
  joins?: string;
  competence: string;
  /** Weekday (0 Monday) and minutes of their usual entries: within their weekly allowance. */
  week: [weekday: number, minutes: number, note: string][];
}

const LOGGERS: Logger[] = [
  {
    who: 'amina',
    project: 'Toits solaires',
    coordinator: 'amina',
    validator: 'yanis',
    competence: 'urn:e21:skill:solar-panel-installation',
    week: [
      [1, 60, 'Pose des panneaux, école Edmond Rostand'],
      [3, 45, 'Câblage et tests'],
    ],
  },
  {
    who: 'jeanne',
    project: 'De l’ombre',
    coordinator: 'yanis',
    validator: 'yanis',
    joins: 'urn:e21:skill:tree-planting',
    competence: 'urn:e21:skill:tree-planting',
    week: [
      [2, 120, 'Plantation de micocouliers'],
      [5, 60, 'Arrosage avec les élèves'],
    ],
  },
  {
    who: 'lea',
    project: 'Écoles solaires à Ziguinchor',
    coordinator: 'karim',
    validator: 'karim',
    joins: 'urn:e21:skill:international-solidarity-project-management',
    competence: 'urn:e21:skill:international-solidarity-project-management',
    week: [[4, 45, 'Visio avec le comité de jumelage']],
  },
];

async function projectOf(programs: Programs, coordinatorId: string, title: string): Promise<Project> {
  const { projects } = await programs.listMyProjects({ language: 'fr', personId: '' }, as(coordinatorId));
  const project = projects.find((p) => p.title.startsWith(title));
  if (!project) throw new Error(`the programs demo has no project "${title}"`);
  return project;
}

/** The person's signed contract of the year, if the contracts demo made one. */
async function contractOf(contracts: Contracts, personId: string, year: number): Promise<string | undefined> {
  const { contracts: signed } = await contracts.listContractsOfPerson({ personId }, as(personId));
  return signed.find((c) => c.terms?.periodStart.startsWith(String(year)))?.id;
}

/** Submits, leaving out what the calendar refuses (a blackout day, a date outside the contract). */
async function tryLog(
  timesheets: Timesheets,
  personId: string,
  request: Parameters<Timesheets['submitEntry']>[0],
): Promise<TimeEntry | undefined> {
  try {
    return await timesheets.submitEntry(request, as(personId));
  } catch (error) {
    if (error instanceof Refused && (error.kind === 'conflict' || error.kind === 'invalid')) return undefined;
    throw error;
  }
}

/** `now` is the demo's today. */
export async function seedTimesheetsDemo(targets: Targets, demo: DemoWorld, now = new Date()): Promise<void> {
  const timesheets = clientOf(TimesheetsServiceService, targets, 'timesheets');
  const programs = clientOf(ProgramsServiceService, targets, 'programs');
  const contracts = clientOf(ContractsServiceService, targets, 'contracts');
  const { people, territories } = demo;
  const year = now.getUTCFullYear();
  const today = Math.floor(now.getTime() / DAY_MS);
  const thisMonth = now.toISOString().slice(0, 7);
  const lastMonth = new Date(Date.UTC(year, now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  // From the first Monday on or before the first of last month (the contracts cover this year only).
  const first = Math.floor(Date.UTC(year, now.getUTCMonth() - 1, 1) / DAY_MS);
  const firstMonday = first - ((((first + 3) % 7) + 7) % 7);
  try {
    for (const logger of LOGGERS) {
      const personId = people[logger.who].id;
      const project = await projectOf(programs, people[logger.coordinator].id, logger.project);
      const contractId = await contractOf(contracts, personId, year);
      if (!contractId) continue;
      if (logger.joins) {
        const need = project.needs.find((n) => n.skillId === logger.joins)!;
        const request = await programs.requestToJoin(
          { projectId: project.id, needId: need.id, minutes: 20 * 60, message: '', idempotencyKey: `demo-timesheets-${logger.who}` },
          as(personId),
        );
        await programs.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(people[logger.coordinator].id));
      }
      const logged: TimeEntry[] = [];
      for (let monday = firstMonday; monday <= today; monday += 7) {
        for (const [weekday, minutes, note] of logger.week) {
          const day = monday + weekday;
          if (day > today || day < first || dateOf(day).slice(0, 4) !== String(year)) continue;
          const entry = {
            contractId,
            projectId: project.id,
            date: dateOf(day),
            minutes: BigInt(minutes),
            competenceId: logger.competence,
            note,
          };
          const created = await tryLog(timesheets, personId, { entry, idempotencyKey: `demo-${logger.who}-${dateOf(day)}` });
          if (created) logged.push(created);
        }
      }
      await validate(timesheets, people[logger.validator].id, logger.who, logged, { lastMonth, thisMonth });
    }
    // Marc closes Marseille's last month; Jeanne's entry still pending moves to this month.
    await timesheets.closePeriod({ territoryId: territories.marseille, month: lastMonth, carryPending: true }, as(people.marc.id));
  } finally {
    timesheets.close();
    programs.close();
    contracts.close();
  }
}

/**
 * Last month: everything approved but Jeanne's last entry (carried at the close). This month: the
 * first entry of each person approved, Amina's second rejected with a reason, the rest pending.
 */
async function validate(
  timesheets: Timesheets,
  validatorId: string,
  who: PersonKey,
  logged: TimeEntry[],
  months: { lastMonth: string; thisMonth: string },
): Promise<void> {
  const last = logged.filter((e) => e.month === months.lastMonth);
  const current = logged.filter((e) => e.month === months.thisMonth);
  const approved = [...(who === 'jeanne' ? last.slice(0, -1) : last), ...current.slice(0, 1)];
  if (approved.length)
    await timesheets.approveEntries({ entries: approved.map((e) => ({ entryId: e.id, version: e.version })), reason: '' }, as(validatorId));
  const rejected = who === 'amina' ? current[1] : undefined;
  if (rejected) {
    await timesheets.rejectEntries(
      { entries: [{ entryId: rejected.id, version: rejected.version }], reason: 'Ce jour-là le chantier était fermé : quelle date ?' },
      as(validatorId),
    );
  }
}
