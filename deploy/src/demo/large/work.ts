// The large demo's Societal Activity, as data: who joins which project, the SAR contracts of each
// calendar year of the hours, the entries they log and what becomes of them, and the months each
// office closes. Every number is chosen so that the services' rules accept it (see each comment).
import { addDays, monthOf, yearOf, type IsoDate, type Month } from '@e21/kit/calendar';
import type { Random } from './random.js';

/** What the work is planned from (people and projects by index in the plan). */
export interface WorkInput {
  today: IsoDate;
  months: Month[];
  people: readonly { locality: number; status: string; membership?: { organization: number; role: string } }[];
  projects: readonly { locality: number; status: string; skills: readonly string[] }[];
  /** People who are neither officers, nor HR managers, nor coordinators, nor merchants. */
  inhabitants: readonly number[];
  /** The officer of each locality, by locality. */
  officers: readonly number[];
  /** The HR manager of each employer, by organization. */
  hrManagers: ReadonlyMap<number, number>;
}

export interface PlannedContract {
  person: number;
  year: number;
  /** The employer party (employees), and the HR manager who accepts for it. */
  employer?: number;
  hrManager?: number;
  /** The officer who accepts for the office of the person's locality. */
  officer: number;
  yearlyMinutes: number;
  weeklyMinutes: number;
  blocks: { date: IsoDate; minutes: number; label: string }[];
  blackouts: { startDate: IsoDate; endDate: IsoDate; reason: string }[];
  competence: string;
}

export interface PlannedMember {
  person: number;
  project: number;
  need: number;
  minutes: number;
}

export interface PlannedEntry {
  person: number;
  /** Index in the plan's contracts. */
  contract: number;
  project: number;
  date: IsoDate;
  minutes: number;
  competence: string;
  note: string;
  fate: 'approved' | 'pending' | 'rejected';
}

export interface PlannedClose {
  locality: number;
  month: Month;
  officer: number;
  /** Last month's few pending entries move to this month, as an officer does at a close. */
  carryPending: boolean;
}

export interface WorkPlan {
  contracts: PlannedContract[];
  members: PlannedMember[];
  entries: PlannedEntry[];
  closes: PlannedClose[];
}

/** programs' largest need; a member's pledge fills part of it. */
const MAX_NEED_MINUTES = 100_000;
const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const NOTES = [
  'Chantier du samedi',
  'Permanence',
  'Atelier avec les habitants',
  'Réunion de l’équipe',
  'Préparation du matériel',
  'Accueil du public',
];

/** The first (`nth` 1) or second (2) Monday (weekday 0) ... Saturday (5) of a month: its 1st to 14th day. */
export function nthWeekdayOf(month: Month, weekday: number, nth: 1 | 2): IsoDate {
  const firstWeekday = (new Date(`${month}-01T00:00:00Z`).getUTCDay() + 6) % 7;
  return `${month}-${String(1 + ((weekday - firstWeekday + 7) % 7) + 7 * (nth - 1)).padStart(2, '0')}`;
}

/** The months a person gives a day to their project: every month, or every second, third or fourth. */
const givesIn = (habit: Habit, month: Month) =>
  (Number(month.slice(5)) + habit.offset) % habit.every === 0 && !(habit.summerOff && month.endsWith('-08'));

/**
 * A person's SAR for a year: a small weekly allowance and, in the months they give, one day to the
 * project (a block of the schedule: "hours concentrated"), on the first or second of their chosen
 * weekday. The yearly minutes hold 54 weeks of allowance and every block, so the schedule always fits.
 */
function contractOf(habit: Habit, year: number): Omit<PlannedContract, 'person' | 'officer' | 'competence'> {
  const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`).filter((month) => givesIn(habit, month));
  const blocks = months.map((month) => ({
    date: nthWeekdayOf(month, habit.weekday, habit.nth),
    minutes: habit.blockMinutes,
    label: `Journée DAS (${MONTH_NAMES[Number(month.slice(5)) - 1]})`,
  }));
  const yearlyMinutes = Math.ceil((54 * habit.weeklyMinutes + blocks.reduce((sum, b) => sum + b.minutes, 0)) / 60) * 60;
  const blackouts = habit.summerOff
    ? [{ startDate: `${year}-08-01`, endDate: `${year}-08-31`, reason: 'Fermeture estivale de l’entreprise' }]
    : [];
  return { year, yearlyMinutes, weeklyMinutes: habit.weeklyMinutes, blocks, blackouts };
}

interface Habit {
  /** A day every `every` months, shifted by `offset`, so that every month has its share of people. */
  every: number;
  offset: number;
  weekday: number;
  nth: 1 | 2;
  weeklyMinutes: number;
  blockMinutes: number;
  summerOff: boolean;
}

/** What becomes of an entry: everything approved up to last month (a few wait, carried at the close); this month is being validated. */
function fateOf(random: Random, month: Month, months: Month[]): PlannedEntry['fate'] {
  const current = months[months.length - 1];
  if (month === current) return random.chance(0.03) ? 'rejected' : random.chance(0.5) ? 'pending' : 'approved';
  if (month === months[months.length - 2]) return random.chance(0.1) ? 'pending' : 'approved';
  return 'approved';
}

export function planWork(random: Random, input: WorkInput): WorkPlan & { needs: { skill: string; minutes: number }[][] } {
  const { today, months, people, projects } = input;
  const joinable = projects.flatMap((p, index) => (p.status === 'approved' || p.status === 'active' ? [index] : []));
  const filled = projects.map((p) => p.skills.map(() => 0));
  const years = [...new Set(months.map(yearOf))];
  const contracts: PlannedContract[] = [];
  const members: PlannedMember[] = [];
  const entries: PlannedEntry[] = [];

  for (const person of input.inhabitants) {
    const { locality, status, membership } = people[person]!;
    // Most inhabitants hold a SAR and give it to a project of their commune, else of the department.
    if (!joinable.length || !random.chance(0.88)) continue;
    const near = joinable.filter((p) => projects[p]!.locality === locality);
    const project = random.pick(near.length ? near : joinable);
    const minutes = random.int(20, 80) * 60;
    const need = random
      .shuffled(projects[project]!.skills.map((_, i) => i))
      .find((i) => (filled[project]![i]! + minutes) * 1.25 <= MAX_NEED_MINUTES - 600);
    if (need === undefined) continue;
    filled[project]![need]! += minutes;
    members.push({ person, project, need, minutes });
    const competence = projects[project]!.skills[need]!;

    // Most give a day every second to fourth month (16 to 100 hours a year with the weekly allowance).
    const every = [1, 2, 3, 4][random.weighted([10, 30, 30, 30])]!;
    const habit: Habit = {
      every,
      offset: random.int(0, every - 1),
      weekday: random.int(0, 5),
      nth: random.chance(0.5) ? 1 : 2,
      weeklyMinutes: random.pick([30, 45, 60, 90]),
      blockMinutes: random.pick([180, 240, 300, 360, 420, 480]),
      summerOff: status === 'employee' && random.chance(0.15),
    };
    const employer = status === 'employee' ? membership?.organization : undefined;
    const contractIndex = new Map<number, number>();
    for (const year of years) {
      contracts.push({
        person,
        officer: input.officers[locality]!,
        competence,
        employer,
        hrManager: employer === undefined ? undefined : input.hrManagers.get(employer),
        ...contractOf(habit, year),
      });
      contractIndex.set(year, contracts.length - 1);
    }

    for (const month of months) {
      const contract = contractIndex.get(yearOf(month))!;
      const block = contracts[contract]!.blocks.find((b) => monthOf(b.date) === month);
      if (!block || block.date > today) continue;
      // The day's entry takes at most the block; the allowance of its week adds the ordinary days'.
      const log = (date: IsoDate, logged: number) =>
        entries.push({
          person,
          contract,
          project,
          date,
          minutes: logged,
          competence,
          note: random.pick(NOTES),
          fate: fateOf(random, monthOf(date), months),
        });
      log(block.date, block.minutes - 15 * random.int(0, 4));
      // Two weeks later (the 15th to the 28th), sometimes an hour or so on an ordinary day: at most
      // half the weekly allowance, which a week cut by the year's end still allows (4 days of 7).
      const later = addDays(block.date, 14);
      if (random.chance(0.1) && later <= today) log(later, Math.max(15, Math.floor(habit.weeklyMinutes / 2 / 15) * 15));
    }
  }

  const needs = projects.map((p, project) =>
    p.skills.map((skill, need) => ({
      skill,
      minutes: Math.min(MAX_NEED_MINUTES, Math.ceil((filled[project]![need]! * 1.25) / 60) * 60 + 600),
    })),
  );
  const closes = input.officers.flatMap((officer, locality) =>
    months.slice(0, -1).map((month) => ({ locality, month, officer, carryPending: month === months[months.length - 2] })),
  );
  return { contracts, members, entries, closes, needs };
}
