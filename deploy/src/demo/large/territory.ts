// The large demo's territory as data: its communes, their organizations, the people living there
// (officers, merchants, HR managers, coordinators and inhabitants) and the projects, drawn from the
// plan's seeded generator. Pure, like plan.ts, which orchestrates it.
import { firstDayOf, yearOf, type IsoDate, type Month } from '@e21/kit/calendar';
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
import type { Random } from './random.js';

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

const STATUSES: readonly [Status, number][] = [
  ['employee', 55],
  ['retired', 15],
  ['student', 8],
  ['unemployed', 7],
  ['freelancer', 8],
  ['volunteer', 7],
];
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

/** Each locality's office and town hall, then `count` companies, associations and merchants where people live. */
export function planOrganizations(random: Random, count: number, localities: PlannedLocality[]): PlannedOrganization[] {
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
  for (let n = 0; n < count; n++) {
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

export function planProjects(random: Random, count: number, localities: PlannedLocality[], months: Month[]): DrawnProject[] {
  const titles = new Set<string>();
  const weights = localities.map((l) => l.weight);
  const startDate = firstDayOf(months[0]!);
  const endDate = `${yearOf(months[months.length - 1]!)}-12-31`;
  return Array.from({ length: count }, (_, n) => {
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

/** The first `count` communes, with fixed ids so that the demo can be referred to (and reloaded) by them. */
export function planLocalities(count: number): PlannedLocality[] {
  if (count < 1 || count > COMMUNES.length) throw new Error(`the large demo has 1 to ${COMMUNES.length} localities`);
  return COMMUNES.slice(0, count).map((c) => ({
    id: `a2100000-0000-4000-8001-0000000${c.code}`,
    code: c.code,
    name: c.name,
    weight: c.thousands,
  }));
}

/** The people, by index, and the roles the rest of the plan needs: who is officer, HR manager, coordinator, inhabitant. */
export interface PlannedPeople {
  people: PlannedPerson[];
  /** The officer of each locality, by locality. */
  officers: number[];
  /** The HR manager of each employer, by organization. */
  hrManagers: Map<number, number>;
  /** The coordinator of each project, by project. */
  coordinators: number[];
  inhabitants: number[];
  employers: number[];
}

export function planPeople(
  random: Random,
  count: number,
  localities: PlannedLocality[],
  organizations: PlannedOrganization[],
  projectsDrawn: DrawnProject[],
): PlannedPeople {
  const employers = organizations.flatMap((o, index) => (o.kind === 'public_body' || o.kind === 'private_company' ? [index] : []));
  const staff = localities.length + organizations.filter((o) => o.kind === 'merchant').length + employers.length + projectsDrawn.length;
  if (count < staff + localities.length)
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
  while (people.length < count) {
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

  return { people, officers, hrManagers, coordinators, inhabitants, employers };
}
