// The large demo as data: who lives where, works for whom, coordinates what, signs which contracts
// and logs which hours, drawn from a seeded generator so that the same sizes and day give the same
// territory. Pure: the loaders beside it send the plan to the services.
import { addMonths, monthOf, yearOf, type IsoDate, type Month } from '@e21/kit/calendar';
import { seededRandom } from './random.js';
import {
  planLocalities,
  planOrganizations,
  planPeople,
  planProjects,
  type PlannedLocality,
  type PlannedOrganization,
  type PlannedPerson,
  type PlannedProject,
} from './territory.js';
import { planWork, type PlannedClose, type PlannedContract, type PlannedEntry, type PlannedMember, type WorkPlan } from './work.js';

export interface LargeDemoSizes {
  /** Communes of Bouches-du-Rhône beside Marseille and Aubagne, each with its office and town hall (at most 40). */
  localities: number;
  people: number;
  /** Companies, associations and merchants, beside each locality's office and town hall. */
  organizations: number;
  projects: number;
  /** Months of hours, ending with the current one. */
  months: number;
}

/** `npm start -- --demo=large`: a department at the scale of a real one's first year. */
export const LARGE_DEMO: LargeDemoSizes = { localities: 40, people: 2000, organizations: 200, projects: 200, months: 12 };

/** Same seed, same territory. */
const SEED = 21;

export interface PlannedCommitment {
  organization: number;
  year: number;
  /** HR manager who sets it. */
  by: number;
  /** An absolute number of minutes (public bodies), or a share of declared minutes (companies). */
  minutes?: number;
  share?: { basisPoints: number; declaredEmployees: number; declaredMinutesPerEmployee: number };
}

export interface LargePlan extends WorkPlan {
  today: IsoDate;
  /** The months of hours, oldest first; the last is the current one. */
  months: Month[];
  localities: PlannedLocality[];
  organizations: PlannedOrganization[];
  people: PlannedPerson[];
  projects: PlannedProject[];
  commitments: PlannedCommitment[];
}

export type {
  PlannedClose,
  PlannedContract,
  PlannedEntry,
  PlannedLocality,
  PlannedMember,
  PlannedOrganization,
  PlannedPerson,
  PlannedProject,
};

/** The ids the services gave to what the plan lists, by index in the plan: each loader fills its part. */
export interface LoadedIds {
  organizations: string[];
  people: string[];
  projects: { id: string; needIds: string[] }[];
  contracts: string[];
}

/** 1,600 hours: the working year a company declares per employee. */
const DECLARED_MINUTES_PER_EMPLOYEE = 96_000;

export function planLargeDemo(sizes: LargeDemoSizes, today: IsoDate): LargePlan {
  if (sizes.months < 1 || sizes.months > 24) throw new Error('the large demo has 1 to 24 months of hours');
  const random = seededRandom(SEED);
  const current = monthOf(today);
  const months = Array.from({ length: sizes.months }, (_, n) => addMonths(current, n - sizes.months + 1));
  const localities = planLocalities(sizes.localities);
  const organizations = planOrganizations(random, sizes.organizations, localities);
  const projectsDrawn = planProjects(random, sizes.projects, localities, months);
  const { people, officers, hrManagers, coordinators, inhabitants, employers } = planPeople(
    random,
    sizes.people,
    localities,
    organizations,
    projectsDrawn,
  );
  const work = planWork(random, { today, months, people, projects: projectsDrawn, inhabitants, officers, hrManagers });
  const projects = projectsDrawn.map((p, index): PlannedProject => ({
    title: p.title,
    description: p.description,
    locality: p.locality,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    coordinator: coordinators[index]!,
    needs: work.needs[index]!,
  }));
  const commitments = planCommitments(organizations, employers, hrManagers, work.contracts, people, months);
  accounts(people, organizations, projects, work, officers, hrManagers);
  const { contracts, members, entries, closes } = work;
  return { today, months, localities, organizations, people, projects, commitments, contracts, members, entries, closes };
}

/** Every employer commits, for each year of the hours, a little more than its employees' contracts take. */
function planCommitments(
  organizations: PlannedOrganization[],
  employers: number[],
  hrManagers: Map<number, number>,
  contracts: PlannedContract[],
  people: PlannedPerson[],
  months: Month[],
): PlannedCommitment[] {
  const years = [...new Set(months.map(yearOf))];
  return years.flatMap((year) =>
    employers.map((organization) => {
      const signed = contracts.filter((c) => c.year === year && c.employer === organization);
      const allocated = signed.reduce((sum, c) => sum + c.yearlyMinutes, 0);
      const by = hrManagers.get(organization)!;
      if (organizations[organization]!.kind === 'public_body')
        return { organization, year, by, minutes: Math.ceil((allocated * 1.2 + 1) / 6000) * 6000 };
      // The employees on the platform are some of the company's: it declares eight times as many.
      const declaredEmployees = 8 * Math.max(1, people.filter((p) => p.membership?.organization === organization).length);
      const basisPoints = Math.min(
        10_000,
        Math.ceil((allocated * 1.1 * 10_000) / (declaredEmployees * DECLARED_MINUTES_PER_EMPLOYEE) / 10) * 10 + 10,
      );
      return {
        organization,
        year,
        by,
        share: { basisPoints, declaredEmployees, declaredMinutesPerEmployee: DECLARED_MINUTES_PER_EMPLOYEE },
      };
    }),
  );
}

/** The few people who sign in with the demo password, and what each shows. */
function accounts(
  people: PlannedPerson[],
  organizations: PlannedOrganization[],
  projects: PlannedProject[],
  work: WorkPlan,
  officers: number[],
  hrManagers: Map<number, number>,
): void {
  const count = <T>(items: T[], key: (item: T) => number) =>
    items.reduce((counts, item) => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1), new Map<number, number>());
  const largest = (counts: Map<number, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const officer = officers[0]!;
  people[officer]!.account = `officer of ${organizations[people[officer]!.membership!.organization]!.name.replace('Engagement 21 ', '')}`;
  const employer = largest(
    count(
      work.contracts.filter((c) => c.employer !== undefined),
      (c) => c.employer!,
    ),
  );
  if (employer !== undefined)
    people[hrManagers.get(employer)!]!.account = `HR manager of ${organizations[employer]!.name}, the largest employer`;
  const project = largest(count(work.members, (m) => m.project));
  if (project !== undefined)
    people[projects[project]!.coordinator]!.account = `coordinator of ${projects[project]!.title}, the largest team`;
  const logger = largest(
    count(
      work.entries.filter((e) => e.fate === 'approved'),
      (e) => e.person,
    ),
  );
  if (logger !== undefined) people[logger]!.account = 'inhabitant with a year of approved hours';
  const merchant = organizations.findIndex((o) => o.verifiedBy !== undefined);
  const admin = people.findIndex((p) => p.membership?.organization === merchant && p.membership.role === 'admin');
  if (admin >= 0) people[admin]!.account = `merchant: ${organizations[merchant]!.name}`;
}
