// The large demo as data: who lives where, works for whom, coordinates what, signs which contracts
// and logs which hours, drawn from a seeded generator so that the same sizes and day give the same
// territory. Pure: the loaders beside it send the plan to the services.
import { addMonths, firstDayOf, monthOf, yearOf, type IsoDate, type Month } from '@e21/kit/calendar';
import {
  ASSOCIATIONS,
  COMMUNES,
  COMPANY_PLACES,
  COMPANY_TRADES,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS,
  ofCommune,
  PROJECT_THEMES,
  SHOP_PLACES,
  SHOPS,
} from './places.js';
import { seededRandom, type Random } from './random.js';
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

export interface PlannedLocality {
  id: string;
  code: string;
  name: string;
  weight: number;
}

export type OrganizationKind = 'e21_office' | 'public_body' | 'private_company' | 'association' | 'merchant';

export interface PlannedOrganization {
  name: string;
  kind: OrganizationKind;
  legalId: string;
  locality: number;
  /** The person (index) whose verification the merchant got: its locality's officer. */
  verifiedBy?: number;
}

export type Status = 'employee' | 'retired' | 'student' | 'unemployed' | 'freelancer' | 'volunteer';

export interface PlannedPerson {
  name: string;
  email: string;
  locale: 'fr' | 'en';
  status: Status;
  locality: number;
  membership?: { organization: number; role: 'member' | 'hr_manager' | 'admin'; employeeReference: string };
  /** Officer of their locality. */
  officer?: boolean;
  /** Signs in with the demo password: the few accounts the README lists for the large demo. */
  account?: string;
}

export interface PlannedProject {
  title: string;
  description: string;
  locality: number;
  coordinator: number;
  status: 'draft' | 'proposed' | 'approved' | 'active';
  /** Skills (urn) and needed minutes: room for every member's pledge. */
  needs: { skill: string; minutes: number }[];
  startDate: IsoDate;
  endDate: IsoDate;
}

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

export type { PlannedClose, PlannedContract, PlannedEntry, PlannedMember };

/** The ids the services gave to what the plan lists, by index in the plan: each loader fills its part. */
export interface LoadedIds {
  organizations: string[];
  people: string[];
  projects: { id: string; needIds: string[] }[];
  contracts: string[];
}

const STATUSES: readonly [Status, number][] = [
  ['employee', 55],
  ['retired', 15],
  ['student', 8],
  ['unemployed', 7],
  ['freelancer', 8],
  ['volunteer', 7],
];
/** 1,600 hours: the working year a company declares per employee. */
const DECLARED_MINUTES_PER_EMPLOYEE = 96_000;

const asciiOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Draws names from `make` until one is new (at most 20 tries), else numbers the last one. */
function uniqueName(taken: Set<string>, make: () => string): string {
  let name = make();
  for (let tries = 0; taken.has(name) && tries < 20; tries++) name = make();
  for (let n = 2; taken.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
  taken.add(name);
  return name;
}

function planOrganizations(random: Random, sizes: LargeDemoSizes, localities: PlannedLocality[]): PlannedOrganization[] {
  const organizations: PlannedOrganization[] = localities.flatMap((locality, index) => [
    { name: `Engagement 21 ${locality.name}`, kind: 'e21_office' as const, legalId: `E21-${locality.code}`, locality: index },
    {
      name: `Ville ${ofCommune(locality.name)}`,
      kind: 'public_body' as const,
      legalId: `21${locality.code}${String(random.int(10, 99))}`,
      locality: index,
    },
  ]);
  const names = new Set(organizations.map((o) => o.name));
  const weights = localities.map((l) => l.weight);
  const legalIds = new Set<string>();
  const legalId = (prefix: string, digits: number) =>
    uniqueName(legalIds, () => `${prefix}${String(random.int(0, 10 ** digits - 1)).padStart(digits, '0')}`);
  for (let n = 0; n < sizes.organizations; n++) {
    const locality = random.weighted(weights);
    const commune = localities[locality]!.name;
    // Half companies, a quarter associations, a quarter merchants.
    const draw = n % 4;
    if (draw < 2) {
      const name = uniqueName(names, () => `${random.pick(COMPANY_PLACES)} ${random.pick(COMPANY_TRADES)} ${random.pick(LEGAL_FORMS)}`);
      organizations.push({ name, kind: 'private_company', legalId: legalId('8', 8), locality });
    } else if (draw === 2) {
      organizations.push({
        name: uniqueName(names, () => `${random.pick(ASSOCIATIONS)} ${ofCommune(commune)}`),
        kind: 'association',
        legalId: legalId('W13', 7),
        locality,
      });
    } else {
      const name = uniqueName(names, () => `${random.pick(SHOPS)} ${random.pick(SHOP_PLACES)} (${commune})`);
      organizations.push({ name, kind: 'merchant', legalId: legalId('9', 8), locality });
    }
  }
  return organizations;
}

/** A person of a locality, with a name and an e-mail address of their own. */
function newPerson(random: Random, emails: Set<string>, locality: number, status: Status): PlannedPerson {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const local = `${asciiOf(first)}.${asciiOf(last)}`;
  let email = `${local}@large.demo.e21.eu`;
  for (let n = 2; emails.has(email); n++) email = `${local}${n}@large.demo.e21.eu`;
  emails.add(email);
  return { name: `${first} ${last}`, email, locale: random.chance(0.85) ? 'fr' : 'en', status, locality };
}

/** What a drawn project is before its coordinator and needs: its theme's skills make the needs. */
export type DrawnProject = Omit<PlannedProject, 'coordinator' | 'needs'> & { skills: readonly string[] };

function planProjects(random: Random, sizes: LargeDemoSizes, localities: PlannedLocality[], months: Month[]): DrawnProject[] {
  const titles = new Set<string>();
  const weights = localities.map((l) => l.weight);
  const startDate = firstDayOf(months[0]!);
  const endDate = `${yearOf(months[months.length - 1]!)}-12-31`;
  return Array.from({ length: sizes.projects }, (_, n) => {
    // Every locality has a project before the larger ones get their second.
    const locality = n < localities.length ? n : random.weighted(weights);
    const of = ofCommune(localities[locality]!.name);
    let theme = random.pick(PROJECT_THEMES);
    for (let tries = 0; titles.has(`${theme.title} ${of}`) && tries < 20; tries++) theme = random.pick(PROJECT_THEMES);
    const title = uniqueName(titles, () => `${theme.title} ${of}`);
    const roll = random.next();
    const status = roll < 0.02 ? 'draft' : roll < 0.06 ? 'proposed' : roll < 0.12 ? 'approved' : 'active';
    return {
      title,
      description: theme.description,
      locality,
      status,
      startDate,
      endDate,
      skills: theme.skills.map((slug) => `urn:e21:skill:${slug}`),
    };
  });
}

export function planLargeDemo(sizes: LargeDemoSizes, today: IsoDate): LargePlan {
  if (sizes.localities < 1 || sizes.localities > COMMUNES.length) throw new Error(`the large demo has 1 to ${COMMUNES.length} localities`);
  if (sizes.months < 1 || sizes.months > 24) throw new Error('the large demo has 1 to 24 months of hours');
  const random = seededRandom(SEED);
  const current = monthOf(today);
  const months = Array.from({ length: sizes.months }, (_, n) => addMonths(current, n - sizes.months + 1));
  const localities = COMMUNES.slice(0, sizes.localities).map((c) => ({
    id: `a2100000-0000-4000-8001-0000000${c.code}`,
    code: c.code,
    name: c.name,
    weight: c.thousands,
  }));
  const organizations = planOrganizations(random, sizes, localities);
  const projectsDrawn = planProjects(random, sizes, localities, months);
  const employers = organizations.flatMap((o, index) => (o.kind === 'public_body' || o.kind === 'private_company' ? [index] : []));
  const staff = localities.length + organizations.filter((o) => o.kind === 'merchant').length + employers.length + projectsDrawn.length;
  if (sizes.people < staff + localities.length)
    throw new Error(`the large demo needs at least ${staff + localities.length} people for these sizes`);

  const emails = new Set<string>();
  const people: PlannedPerson[] = [];
  const officers = localities.map((_, locality) => {
    const office = organizations.findIndex((o) => o.kind === 'e21_office' && o.locality === locality);
    people.push({
      ...newPerson(random, emails, locality, 'employee'),
      officer: true,
      membership: { organization: office, role: 'admin', employeeReference: '' },
    });
    return people.length - 1;
  });
  for (const [index, organization] of organizations.entries()) {
    if (organization.kind === 'merchant') {
      people.push({
        ...newPerson(random, emails, organization.locality, 'freelancer'),
        membership: { organization: index, role: 'admin', employeeReference: '' },
      });
      if (random.chance(0.8)) organization.verifiedBy = officers[organization.locality];
    }
  }
  const reference = (organization: number) =>
    `${asciiOf(organizations[organization]!.name).slice(0, 3).toUpperCase()}-${String(people.length).padStart(5, '0')}`;
  const hrManagers = new Map(
    employers.map((organization) => {
      people.push({
        ...newPerson(random, emails, organizations[organization]!.locality, 'employee'),
        membership: { organization, role: 'hr_manager', employeeReference: reference(organization) },
      });
      return [organization, people.length - 1] as const;
    }),
  );
  const coordinators = projectsDrawn.map((project) => {
    people.push(newPerson(random, emails, project.locality, random.pick(STATUSES)[0]));
    return people.length - 1;
  });

  // Everyone else: an inhabitant of a locality; employees work for a company or a town hall,
  // near home more often than not; some others belong to an association of their commune.
  const employerWeights = employers.map((o) =>
    organizations[o]!.kind === 'public_body' ? localities[organizations[o]!.locality]!.weight / 4 : 1 / (0.05 + random.next()),
  );
  const weights = localities.map((l) => l.weight);
  const inhabitants: number[] = [];
  while (people.length < sizes.people) {
    const locality = random.weighted(weights);
    const status = STATUSES[random.weighted(STATUSES.map(([, w]) => w))]![0];
    const person = newPerson(random, emails, locality, status);
    if (status === 'employee') {
      const near = employers.filter((o) => organizations[o]!.locality === locality);
      const among = near.length && random.chance(0.7) ? near : employers;
      const organization = among[random.weighted(among.map((o) => employerWeights[employers.indexOf(o)]!))]!;
      person.membership = { organization, role: 'member', employeeReference: reference(organization) };
    } else if (random.chance(0.2)) {
      const associations = organizations.flatMap((o, index) => (o.kind === 'association' && o.locality === locality ? [index] : []));
      if (associations.length) person.membership = { organization: random.pick(associations), role: 'member', employeeReference: '' };
    }
    people.push(person);
    inhabitants.push(people.length - 1);
  }

  const work = planWork(random, { today, months, people, projects: projectsDrawn, inhabitants, officers, hrManagers });
  const projects = projectsDrawn.map(
    (p, index): PlannedProject => ({
      title: p.title,
      description: p.description,
      locality: p.locality,
      status: p.status,
      startDate: p.startDate,
      endDate: p.endDate,
      coordinator: coordinators[index]!,
      needs: work.needs[index]!,
    }),
  );
  const commitments = planCommitments(organizations, employers, hrManagers, work.contracts, people, months);
  accounts(people, organizations, projects, work, officers, hrManagers);
  return {
    today,
    months,
    localities,
    organizations,
    people,
    projects,
    commitments,
    contracts: work.contracts,
    members: work.members,
    entries: work.entries,
    closes: work.closes,
  };
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
